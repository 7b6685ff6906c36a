import { expect } from "chai";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createWalletClient, getContract, http, keccak256, parseUnits, toHex } from "viem";
import type { Address } from "viem";
import type { Page } from "playwright-core";
import { localAccount } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import { formatProposalDescription, proposalOf, proposeArgs } from "../../protocol/proposals";
import { signedUpload } from "../../content/upload-request";
import { formatAzr } from "../../app/_lib/format";
import { advanceTime, advanceTimePast } from "../../scripts/seed/governance";
import { connectWallet, reloadUntil, useAppStack } from "../support/app-stack";
import { withWallet } from "../support/browser";
import { confirmed, seriousA11yViolations } from "../support/shell";

// A fresh local account (#15: unused by the seed, its key unlocked on the node so the test wallet
// can sign) whose ETH is set to 0: it delegates and votes only through the relayer.
const HOLDER = localAccount(15).address;
const HOLDER_AZR = 5_000n;
const AMARA = localAccount(1);
const TENDAI = localAccount(4).address;
const ZAWADI = localAccount(5).address;
const GRANT_AZR = 25n;
const ARTIFACTS = path.resolve(".azora/artifacts/dao");

describe("app › DAO and CitadelFund (production build, real chain, real Ponder, Chromium)", function () {
  const app = useAppStack();
  let proposalId: bigint;

  before(async function () {
    mkdirSync(ARTIFACTS, { recursive: true });
    // The holder: some AZR from Amara, and no ETH at all.
    const amara = createWalletClient({ account: AMARA, transport: http(app.stack.chain.rpcUrl) });
    const token = getContract({ ...contractOf(app.stack.manifest, "AzoraToken"), client: amara });
    const hash = await token.write.transfer([HOLDER, parseUnits(String(HOLDER_AZR), 18)], { chain: null });
    await app.stack.publicClient.waitForTransactionReceipt({ hash });
    await app.stack.publicClient.request({ method: "hardhat_setBalance", params: [HOLDER, "0x0"] } as never);
  });

  const azr = (value: bigint) => formatAzr(value, "en");
  const balanceOf = (account: Address) =>
    app.stack.publicClient.readContract({
      ...contractOf(app.stack.manifest, "AzoraToken"),
      functionName: "balanceOf",
      args: [account],
    });

  /** The text of a test id on the loaded (server-rendered) page, or "" where the page has none. */
  const textOf = (page: Page, testId: string) =>
    page
      .getByTestId(testId)
      .textContent({ timeout: 2_000 })
      .then(
        (text) => text ?? "",
        () => "",
      );

  const connect = (page: Page) => connectWallet(page, /connect/i);

  async function shoot(page: Page, name: string) {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  it("lists the seeded proposals and decodes the executed grant, in en, fr and sw, without axe violations", async function () {
    const context = await app.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    for (const locale of ["en", "fr", "sw"]) {
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: app.url }]);
      await page.goto(`${app.url}/dao`);
      expect(await page.getAttribute("html", "lang")).to.equal(locale);
      await page
        .getByTestId("proposals")
        .getByText(/Grant 40 AZR to Zawadi/)
        .waitFor();
      expect(await seriousA11yViolations(page)).to.deep.equal([]);
      await shoot(page, `dao-${locale}`);
      await page.getByRole("link", { name: /Grant 40 AZR to Zawadi/ }).click();
      await page
        .getByTestId("proposal-calls")
        .filter({ hasText: /40\sAZR/ })
        .filter({ hasText: /Zawadi/ })
        .waitFor();
      await page.getByTestId("proposal-text").waitFor();
      expect(await seriousA11yViolations(page)).to.deep.equal([]);
      await shoot(page, `proposal-${locale}`);
      await page.goto(`${app.url}/citadel`);
      expect(await seriousA11yViolations(page)).to.deep.equal([]);
      await shoot(page, `citadel-${locale}`);
    }
    await context.close();
  });

  it("a holder with 0 ETH delegates to itself by signature on /me (the relayer pays)", async function () {
    const { context, page } = await withWallet(app.browser, app.stack.chain.rpcUrl, {
      account: HOLDER,
      chainId: 31337,
    });
    await page.goto(`${app.url}/me`);
    await connect(page);
    await page
      .getByTestId("my-delegate")
      .filter({ hasText: /nobody/i })
      .waitFor();
    await page.getByTestId("delegate-free").click();
    await page.getByTestId("delegate-free-status").filter({ hasText: /done/i }).waitFor({ timeout: 30_000 });
    await page
      .getByTestId("my-votes")
      .filter({ hasText: azr(parseUnits(String(HOLDER_AZR), 18)) })
      .waitFor();
    await page.getByTestId("delegates").waitFor();
    expect(await seriousA11yViolations(page)).to.deep.equal([]);
    await shoot(page, "me-delegation");
    expect(await app.stack.publicClient.getBalance({ address: HOLDER })).to.equal(0n);
    await context.close();
  });

  it("votes free by signature and by transaction; the grant passes, is queued and executed from the page", async function () {
    // Amara proposes a grant to Zawadi (the text on the app's content store).
    const fund = contractOf(app.stack.manifest, "CitadelFund");
    const tokenAt = contractOf(app.stack.manifest, "AzoraToken");
    const governorAt = contractOf(app.stack.manifest, "AzoraGovernor");
    const text = {
      title: "Grant 25 AZR to Zawadi for a Swahili glossary",
      body: "## Why\n\nA glossary helps *every* learner.",
    };
    const upload = await signedUpload(
      { bytes: new TextEncoder().encode(JSON.stringify(text)), type: "application/json" },
      { address: AMARA.address, signMessage: (message) => AMARA.signMessage({ message }) },
    );
    const uploaded = await fetch(`${app.url}/api/content?format=proposal`, { method: "POST", ...upload });
    expect(uploaded.status).to.equal(201);
    const { cid } = (await uploaded.json()) as { cid: string };
    const grant = parseUnits(String(GRANT_AZR), 18);
    const proposal = proposalOf(
      [{ ...fund, target: fund.address, functionName: "release", args: [tokenAt.address, ZAWADI, grant] }],
      formatProposalDescription({ title: text.title, cid }),
    );
    proposalId = proposal.id;
    const amara = createWalletClient({ account: AMARA, transport: http(app.stack.chain.rpcUrl) });
    const governorRead = getContract({ ...governorAt, client: app.stack.publicClient }).read;
    await app.stack.publicClient.waitForTransactionReceipt({
      hash: await getContract({ ...governorAt, client: amara }).write.propose(proposeArgs(proposal), {
        chain: null,
      }),
    });
    expect(keccak256(toHex(proposal.description))).to.equal(proposal.descriptionHash);
    await advanceTimePast(app.stack.publicClient, await governorRead.proposalSnapshot([proposalId]));
    const url = `${app.url}/dao/${proposalId}`;

    // The 0-ETH holder votes For by signature.
    {
      const { context, page } = await withWallet(app.browser, app.stack.chain.rpcUrl, {
        account: HOLDER,
        chainId: 31337,
      });
      await reloadUntil(
        page,
        url,
        async () => (await textOf(page, "proposal-state")).includes("Voting"),
        "the proposal",
      );
      await page.getByRole("button", { name: /connect a wallet/i }).click();
      await page
        .getByText(/browser wallet|injected/i)
        .first()
        .click();
      await page.getByTestId("vote-free").click();
      // Once the chain has the vote, the form (and its status line) gives way to "You have voted".
      await page.getByTestId("vote-done").waitFor({ timeout: 30_000 });
      // The tally (the indexer's) catches up with the chain's on its own: no reload.
      await page
        .getByTestId("tally-for")
        .filter({ hasText: azr(parseUnits(String(HOLDER_AZR), 18)) })
        .waitFor({ timeout: 30_000 });
      await shoot(page, "proposal-voted");
      await context.close();
    }
    expect(await governorRead.hasVoted([proposalId, HOLDER])).to.equal(true);
    expect(await app.stack.publicClient.getBalance({ address: HOLDER })).to.equal(0n);

    // Tendai votes For by transaction, with a reason.
    {
      const { context, page } = await withWallet(app.browser, app.stack.chain.rpcUrl, {
        account: TENDAI,
        chainId: 31337,
      });
      await page.goto(url);
      await page.getByRole("button", { name: /connect a wallet/i }).click();
      await page
        .getByText(/browser wallet|injected/i)
        .first()
        .click();
      await page.getByLabel(/reason/i).fill("A glossary is cheap and useful");
      await page.getByTestId("vote-tx").click();
      // Once the chain has the vote, the form (and its status line) gives way to "You have voted".
      await page
        .getByTestId("vote-done")
        .waitFor({ timeout: 45_000 })
        .catch(() => confirmed(page, "vote-tx-status", 1_000));
      await reloadUntil(
        page,
        url,
        async () => (await textOf(page, "votes")).includes("A glossary is cheap"),
        "Tendai's vote",
      );
      expect(await seriousA11yViolations(page)).to.deep.equal([]);

      // Voting closes: queue, wait the Timelock's delay, execute — all from the page.
      await advanceTimePast(app.stack.publicClient, await governorRead.proposalDeadline([proposalId]));
      await reloadUntil(
        page,
        url,
        async () => (await textOf(page, "proposal-state")).includes("Passed"),
        "the proposal to pass",
      );
      await shoot(page, "proposal-passed");
      await page.getByTestId("queue").click();
      // Confirmed, the page reads the proposal's new state: queued, executable after its ETA.
      await page
        .getByTestId("execute-wait")
        .waitFor({ timeout: 45_000 })
        .catch(() => confirmed(page, "queue-status", 1_000));
      await advanceTimePast(app.stack.publicClient, await governorRead.proposalEta([proposalId]));
      await advanceTime(app.stack.publicClient, 1);
      const zawadiBefore = await balanceOf(ZAWADI);
      const fundBefore = await balanceOf(fund.address);
      await page.goto(url);
      // The wallet remembers the site, so the page reconnects on its own after the reload.
      await page.getByTestId("execute").click();
      await page
        .getByTestId("executed-note")
        .waitFor({ timeout: 45_000 })
        .catch(() => confirmed(page, "execute-status", 1_000));
      expect(await balanceOf(ZAWADI)).to.equal(zawadiBefore + grant);
      expect(await balanceOf(fund.address)).to.equal(fundBefore - grant);
      await reloadUntil(
        page,
        url,
        async () => (await textOf(page, "proposal-state")).includes("Executed"),
        "the execution",
      );
      // The state comes from the chain, the releases and the timeline from the indexer: reload until it caught up.
      await reloadUntil(
        page,
        url,
        async () =>
          (await page
            .getByTestId("proposal-releases")
            .filter({ hasText: azr(grant) })
            .count()) > 0 && (await page.getByTestId("timeline-executed").count()) > 0,
        "the indexed release",
      );
      // The timeline: passed, queued (when, and its ETA), executed (when).
      expect(await page.getByTestId("timeline-outcome").textContent()).to.match(/^Passed/);
      expect(await page.getByTestId("timeline-queued").textContent()).to.match(
        /^Queued .+\. It can run from .+/,
      );
      expect(await page.getByTestId("timeline-executed").textContent()).to.match(/^Executed .+/);
      await shoot(page, "proposal-executed");
      await context.close();
    }
  });

  it("/me lists the delegates with how many of the opened proposals each voted on, as the chain counts", async function () {
    // The chain's own count: proposals whose vote had opened (snapshot in the past), and Tendai's votes.
    const governor = contractOf(app.stack.manifest, "AzoraGovernor");
    const now = (await app.stack.publicClient.getBlock()).timestamp;
    const created = await app.stack.publicClient.getContractEvents({
      ...governor,
      eventName: "ProposalCreated",
      fromBlock: 0n,
    });
    let opened = 0;
    let voted = 0;
    for (const { args } of created) {
      if (args.voteStart! >= now) continue;
      opened++;
      const hasVoted = await app.stack.publicClient.readContract({
        ...governor,
        functionName: "hasVoted",
        args: [args.proposalId!, TENDAI],
      });
      if (hasVoted) voted++;
    }
    expect(opened).to.be.greaterThan(2);
    const page = await app.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${app.url}/me`);
    await page
      .getByTestId("delegates")
      .locator("tr", { hasText: "Tendai" })
      .filter({ hasText: `${voted} of ${opened} proposals` })
      .waitFor({ timeout: 30_000 });
    await shoot(page, "me-delegates");
    await page.close();
  });

  it("proposes the emission schedule from its template on /dao/new; the proposal page decodes what was chosen", async function () {
    const { context, page } = await withWallet(app.browser, app.stack.chain.rpcUrl, {
      account: AMARA.address,
      chainId: 31337,
    });
    await page.goto(`${app.url}/dao/new`);
    await connect(page);
    await page.getByTestId("template").selectOption("emission");
    await page.getByTestId("field-epochHours").fill("168");
    await page.getByTestId("field-budget").fill("5000");
    await page.getByTestId("field-halvingEpochs").fill("52");
    await page.getByTestId("proposal-title").fill("Weekly epochs of 5,000 AZR, halved yearly");
    await page.getByTestId("proposal-body").fill("## Why\n\nA steadier mining budget.");
    const words = [/168 hours/, /5,000\sAZR/, /halved every 52 epochs/];
    for (const word of words) await page.getByTestId("preview").filter({ hasText: word }).waitFor();
    await shoot(page, "new-proposal");
    await page.getByTestId("propose").click();
    await page.getByTestId("new-proposal-link").waitFor({ timeout: 45_000 });
    const href = await page.getByTestId("new-proposal-link").getAttribute("href");
    await reloadUntil(
      page,
      `${app.url}${href}`,
      async () => (await page.getByTestId("proposal-calls").count()) > 0,
      "the new proposal",
    );
    for (const word of words) await page.getByTestId("proposal-calls").filter({ hasText: word }).waitFor();
    expect(await page.getByTestId("proposal-calls").locator("li").count()).to.equal(1);
    await page.getByText("Weekly epochs of 5,000 AZR, halved yearly").first().waitFor();
    expect(await seriousA11yViolations(page)).to.deep.equal([]);
    await shoot(page, "new-proposal-decoded");
    await context.close();
  });

  it("/citadel shows the chain's balance and the release linked to its proposal", async function () {
    const page = await app.browser.newPage({ viewport: { width: 360, height: 740 } });
    const fundBalance = await balanceOf(contractOf(app.stack.manifest, "CitadelFund").address);
    await reloadUntil(
      page,
      `${app.url}/citadel`,
      async () => (await page.locator(`a[href="/dao/${proposalId}"]`).count()) > 0,
      "the release on /citadel",
    );
    expect((await page.getByTestId("citadel-balance").textContent())?.trim()).to.equal(azr(fundBalance));
    expect(await page.getByTestId("citadel-rule").textContent()).to.match(
      /90% to the learner or worker and 10% to the CitadelFund/,
    );
    await page
      .getByTestId("releases")
      .getByText(azr(parseUnits(String(GRANT_AZR), 18)))
      .first()
      .waitFor();
    await shoot(page, "citadel-after");
    await page.close();
  });
});
