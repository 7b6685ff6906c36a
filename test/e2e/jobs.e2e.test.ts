import { expect } from "chai";
import type { Locator, Page } from "playwright-core";
import { getAddress, parseUnits } from "viem";
import type { Address } from "viem";
import { formatAzr } from "../../app/_lib/format";
import { manifest } from "../../deployments/index";
import { LOCAL_ARBITER_INDEX, localAccount } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import { connectWallet, PHONE, reloadUntil, useAppStack } from "../support/app-stack";
import { withWallet } from "../support/browser";
import { confirmed, seriousA11yViolations, watchConsole } from "../support/shell";

// One job through every role (issue 16), on a real chain and a real Ponder, through the
// production build: a client posts with a permit, two providers apply, the client assigns one,
// the provider delivers three milestones, the client approves one, the review window passes and
// anyone releases the second, the third is disputed and the arbiter splits it 60/40, both sides
// rate. Every balance is read back from the chain and compared with what the page showed.

const AMARA = getAddress(localAccount(1).address); // client
const KOFI = getAddress(localAccount(2).address); // assigned provider
const TENDAI = getAddress(localAccount(4).address); // the other applicant
const LINDIWE = getAddress(localAccount(3).address); // a seeded provider with a record
const ARBITER = getAddress(localAccount(LOCAL_ARBITER_INDEX).address);
const ARTIFACTS = ".azora/artifacts/jobs";
const azr = (value: number) => parseUnits(String(value), 18);

describe("app › marketplace (production build, real chain, real Ponder, Chromium)", function () {
  const app = useAppStack();
  const token = contractOf(manifest, "AzoraToken");
  const escrow = contractOf(manifest, "JobEscrow");
  const citadel = contractOf(manifest, "CitadelFund").address;
  let jobId: bigint;

  const balanceOf = (account: Address) =>
    app.stack.publicClient.readContract({ ...token, functionName: "balanceOf", args: [account] });
  async function rpc(method: string, params: unknown[] = []) {
    await fetch(app.stack.chain.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
  }
  /** Moves the chain's clock on, one block at a time (Ponder rejects multi-block hardhat_mine). */
  async function passTime(seconds: number) {
    await rpc("evm_increaseTime", [seconds]);
    await rpc("evm_mine");
  }

  async function person(account: Address): Promise<Page> {
    const { context, page } = await withWallet(app.browser, app.stack.chain.rpcUrl, {
      account,
      chainId: manifest.chainId,
    });
    await context.setDefaultTimeout(45_000);
    await page.setViewportSize(PHONE);
    return page;
  }

  /** Opens a job's page, reloading until the indexer shows `ready` (a locator on the page). */
  async function openJob(page: Page, ready: (page: Page) => Locator) {
    for (let attempt = 0; attempt < 40; attempt++) {
      // The wallet remembers the site (as a real one does): after the first connection in this
      // tab, the page reconnects on its own.
      const response = await page.goto(`${app.url}/jobs/${jobId}`);
      // A job the indexer has not seen yet is a 404 page, with no wallet island: load it again.
      if (response?.status() === 404) {
        await page.waitForTimeout(250);
        continue;
      }
      const actions = page.getByTestId("job-actions");
      if (
        !(await actions.waitFor({ timeout: 5_000 }).then(
          () => true,
          () => false,
        ))
      ) {
        await connectWallet(page, /connect a wallet to act/i);
      }
      await page.getByTestId("job-actions").waitFor();
      try {
        await ready(page).first().waitFor({ timeout: 4_000 });
        return;
      } catch {
        // The indexer has not caught up yet: load the page again.
      }
    }
    throw new Error("the job page never showed the expected state");
  }

  async function shot(page: Page, name: string) {
    await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
  }

  it("lists the seeded jobs on the server, in English, French and Swahili, with no serious axe violation", async function () {
    for (const [locale, heading] of [
      ["en", "Jobs"],
      ["fr", "Missions"],
      ["sw", "Kazi"],
    ] as const) {
      const context = await app.browser.newContext({ viewport: PHONE, locale });
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: app.url }]);
      const page = await context.newPage();
      const errors = watchConsole(page);
      for (const path of ["/jobs", "/jobs/1", "/jobs/disputes", `/accounts/${LINDIWE}`]) {
        const response = await page.goto(`${app.url}${path}`);
        expect(response?.status(), path).to.equal(200);
        expect(await page.locator("html").getAttribute("lang")).to.equal(locale);
        expect(await seriousA11yViolations(page), `${locale} ${path}`).to.deep.equal([]);
        await shot(page, `${locale}${path.replaceAll("/", "_").slice(0, 40)}`);
      }
      await page.goto(`${app.url}/jobs`);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      expect(await page.getByTestId("job-list").locator("> li").count()).to.be.greaterThan(0);
      expect(errors).to.deep.equal([]);
      await context.close();
    }
  });

  it("filters by status and searches the briefs without JavaScript", async function () {
    const context = await app.browser.newContext({
      javaScriptEnabled: false,
      viewport: PHONE,
    });
    const page = await context.newPage();
    await page.goto(`${app.url}/jobs?q=swahili`);
    await page
      .getByText(/translate/i)
      .first()
      .waitFor();
    await page.goto(`${app.url}/jobs?q=zzzz-no-such-job`);
    await page.getByText(/no job matches/i).waitFor();
    await page.goto(`${app.url}/jobs?status=completed`);
    for (const badge of await page.getByTestId("job-list").locator(".status").allTextContents())
      expect(badge).to.equal("Completed");
    await context.close();
  });

  it("posts a job with a permit: one signature, one transaction, 600 AZR into escrow", async function () {
    const page = await person(AMARA);
    const escrowBefore = await balanceOf(escrow.address);
    await page.goto(`${app.url}/jobs/new`);
    await connectWallet(page, /connect/i);
    // Checks come before any signature.
    await page.getByTestId("post").click();
    await page.getByTestId("post-problems").waitFor();
    await page.getByLabel("Title").fill("Record the wallets course as audio");
    await page
      .getByLabel("Summary in one sentence")
      .fill("Three audio lessons in Swahili, for learners who listen.");
    await page.getByLabel("What is to be done").fill("Record lessons 1 to 3 as clear MP3 files.");
    await page.getByLabel("Skills, separated by commas").fill("audio, swahili");
    await page.getByLabel("Days until the deadline").fill("7");
    for (const [i, amount] of [100, 200, 300].entries()) {
      if (i > 0) await page.getByRole("button", { name: /add a milestone/i }).click();
      await page.getByLabel(`Milestone ${i + 1}: what is delivered`).fill(`Lesson ${i + 1}`);
      await page.getByLabel(`Milestone ${i + 1}: amount in AZR`).fill(String(amount));
    }
    await page.getByTestId("post-total").filter({ hasText: "600 AZR" }).waitFor();
    await shot(page, "new-filled");
    await page.getByTestId("post").click();
    await confirmed(page, "post-status");
    const link = page.getByTestId("new-job-link");
    await link.waitFor();
    jobId = BigInt((await link.getAttribute("href"))!.split("/").pop()!);
    expect(await balanceOf(escrow.address)).to.equal(escrowBefore + azr(600));
    const job = await app.stack.publicClient.readContract({
      ...escrow,
      functionName: "jobOf",
      args: [jobId],
    });
    expect(job.client).to.equal(AMARA);
    await shot(page, "new-posted");
  });

  it("takes two applications, and the client assigns one", async function () {
    for (const provider of [KOFI, TENDAI]) {
      const page = await person(provider);
      await openJob(page, (p) => p.getByTestId("apply"));
      await page.getByLabel(/your pitch/i).fill(`I can record it well (${provider.slice(0, 6)}).`);
      await page.getByTestId("apply").click();
      await confirmed(page, "apply-status");
    }
    const client = await person(AMARA);
    await openJob(client, (p) => p.getByTestId(`assign-${TENDAI}`));
    await shot(client, "job-applicants");
    // The client sees no apply button on their own job, and may cancel it while it is open.
    expect(await client.getByTestId("apply").count()).to.equal(0);
    await client.getByTestId(`assign-${KOFI}`).click();
    await confirmed(client, `assign-${KOFI}-status`);
  });

  it("offers an applicant who was not chosen nothing to do", async function () {
    const page = await person(TENDAI);
    await openJob(page, (p) => p.getByText(/nothing you can do/i));
  });

  it("delivers, approves one, releases one after the review window, splits a dispute 60/40, and both rate", async function () {
    const provider = await person(KOFI);
    for (const index of [0, 1, 2]) {
      await openJob(provider, (p) => p.getByTestId(`submit-${index}`));
      await provider
        .getByLabel(new RegExp(`delivery note for milestone ${index + 1}`, "i"))
        .fill(`Lesson ${index + 1}: done.`);
      await provider.getByTestId(`submit-${index}`).click();
      await confirmed(provider, `submit-${index}-status`);
    }
    const before = {
      provider: await balanceOf(KOFI),
      client: await balanceOf(AMARA),
      citadel: await balanceOf(citadel),
      escrow: await balanceOf(escrow.address),
    };

    const client = await person(AMARA);
    await openJob(client, (p) => p.getByTestId("approve-2"));
    await client.getByTestId("approve-0").click();
    await confirmed(client, "approve-0-status");
    await client.getByLabel(/why you dispute milestone 3/i).fill("Lesson 3 is half recorded.");
    await client.getByTestId("dispute-2").click();
    await confirmed(client, "dispute-2-status");

    // Too early, the contract refuses, and the page says so in words.
    const reviewWindow = await app.stack.publicClient.readContract({
      ...escrow,
      functionName: "reviewWindow",
    });
    await passTime(Number(reviewWindow) + 60);
    // After a silent review window anyone may release: here the applicant who was not chosen.
    const stranger = await person(TENDAI);
    await openJob(stranger, (p) => p.getByTestId("release-1"));
    await stranger.getByTestId("release-1").click();
    await confirmed(stranger, "release-1-status");

    const arbiter = await person(ARBITER);
    await openJob(arbiter, (p) => p.getByTestId("resolve-2"));
    await arbiter.getByLabel(/part of milestone 3 for the provider/i).fill("60");
    await arbiter.getByLabel(/your reasons/i).fill("Two thirds of the lesson is usable.");
    await arbiter.getByTestId("resolve-2").click();
    await confirmed(arbiter, "resolve-2-status");

    for (const page of [client, provider]) {
      await openJob(page, (p) => p.getByTestId("rate"));
      await page.getByLabel(/a short comment/i).fill("Clear and on time.");
      await page.getByTestId("rate").click();
      await confirmed(page, "rate-status");
    }

    // 100 approved + 200 released after review + 60% of 300: the provider 90%, the CitadelFund 10%.
    const providerGot = (await balanceOf(KOFI)) - before.provider;
    const citadelGot = (await balanceOf(citadel)) - before.citadel;
    const clientGot = (await balanceOf(AMARA)) - before.client;
    expect(providerGot).to.equal(azr(432));
    expect(citadelGot).to.equal(azr(48));
    expect(clientGot).to.equal(azr(120));
    expect(await balanceOf(escrow.address)).to.equal(before.escrow - azr(600));

    // What the page shows equals the chain.
    const viewerContext = await app.browser.newContext({ viewport: PHONE });
    const viewer = await viewerContext.newPage();
    await reloadUntil(
      viewer,
      `${app.url}/jobs/${jobId}`,
      async () => (await viewer.getByTestId("ratings").locator("li").count()) === 2,
      "both ratings on the job page",
    );
    expect(await viewer.getByTestId("paid-provider").textContent()).to.equal(formatAzr(providerGot, "en"));
    expect(await viewer.getByTestId("paid-citadel").textContent()).to.equal(formatAzr(citadelGot, "en"));
    expect(await viewer.getByTestId("refunded").textContent()).to.equal(formatAzr(clientGot, "en"));
    expect(await viewer.getByTestId("in-escrow").textContent()).to.equal(formatAzr(0n, "en"));
    expect(await seriousA11yViolations(viewer)).to.deep.equal([]);
    await shot(viewer, "job-completed");
    await viewer.goto(`${app.url}/accounts/${KOFI}`);
    await viewer.getByTestId("marketplace-record").waitFor();
    await shot(viewer, "profile-kofi");
  });

  it("refunds the undelivered milestones of a job whose deadline passed", async function () {
    const [amara, kofi] = [AMARA, KOFI];
    const { createWalletClient, http } = await import("viem");
    const wallet = (account: Address) =>
      createWalletClient({
        account,
        chain: app.stack.publicClient.chain,
        transport: http(app.stack.chain.rpcUrl),
      });
    // The shortest deadline JobEscrow takes (MIN_TIME_TO_DELIVER from the next block), plus an hour.
    const block = await app.stack.publicClient.getBlock();
    const minimum = await app.stack.publicClient.readContract({
      ...escrow,
      functionName: "MIN_TIME_TO_DELIVER",
    });
    const deadline = Number(block.timestamp + minimum) + 3_600;
    type Write = Parameters<ReturnType<typeof wallet>["writeContract"]>[0];
    /** Sends `request` from `account` (on the wallet's chain) and waits for it to be mined. */
    const send = async (account: Address, request: Omit<Write, "account" | "chain">) => {
      const hash = await wallet(account).writeContract({ ...request, account, chain: null } as Write);
      await app.stack.publicClient.waitForTransactionReceipt({ hash });
    };
    const cid = "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am";
    await send(amara, { ...token, functionName: "approve", args: [escrow.address, azr(50)] });
    await send(amara, { ...escrow, functionName: "postJob", args: [cid, [azr(20), azr(30)], deadline] });
    jobId = await app.stack.publicClient.readContract({ ...escrow, functionName: "jobCount" });
    await send(kofi, { ...escrow, functionName: "applyForJob", args: [jobId, cid] });
    await send(amara, { ...escrow, functionName: "assign", args: [jobId, kofi] });
    await passTime(Number(minimum) + 7_200);
    const clientBefore = await balanceOf(AMARA);
    const page = await person(AMARA);
    await openJob(page, (p) => p.getByTestId("refund-0"));
    await page.getByTestId("refund-0").click();
    await confirmed(page, "refund-0-status");
    expect((await balanceOf(AMARA)) - clientBefore).to.equal(azr(50));
  });

  it("/me lists the account's jobs with its role in each: the client posted the job, the provider does it", async function () {
    for (const [account, role] of [
      [AMARA, "you posted it"],
      [KOFI, "you do it"],
    ] as const) {
      const page = await person(account);
      await page.goto(`${app.url}/me`);
      await page
        .getByRole("button", { name: /connect/i })
        .first()
        .click();
      await page
        .getByText(/browser wallet|injected/i)
        .first()
        .click();
      await page.getByTestId(`my-job-${jobId}`).filter({ hasText: role }).filter({ hasText: "50" }).waitFor();
      expect(await seriousA11yViolations(page)).to.deep.equal([]);
      await shot(page, `me-jobs-${account === AMARA ? "client" : "provider"}`);
    }
  });
});
