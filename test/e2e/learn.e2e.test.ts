import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { FsBlockstore } from "blockstore-fs";
import { expect } from "chai";
import type { Page } from "playwright-core";
import { createWalletClient, http } from "viem";
import type { Account, Address, Chain, Hex, Transport, WalletClient } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { azoraChain, localAccount, localVerifier } from "../../protocol/chain";
import { signCompletion } from "../../protocol/eip712";
import { contractOf } from "../../protocol/manifest";
import { importBytes, importTree } from "../../content/cid";
import { splitPayout } from "../../protocol/fee";
import { formatAzr } from "../../app/_lib/format";
import { REPO_ROOT } from "../../scripts/stack/paths";
import { advanceTimePast } from "../../scripts/seed/governance";
import { connectWallet, PHONE, useAppStack } from "../support/app-stack";
import { withWallet } from "../support/browser";
import { seriousA11yViolations } from "../support/shell";
import { eventually } from "../support/stack";
import answers from "../../courses/budgeting-irregular-income/answers.json";
import coursePackage from "../../courses/budgeting-irregular-income/course.json";

// Course 1 of the seed: "Budgeting and Saving on an Irregular Income", 150 AZR, pass at 70%.
const COURSE = 1n;
const COURSE_FOLDER = path.join(REPO_ROOT, "courses", "budgeting-irregular-income");
const ARTIFACTS = path.join(REPO_ROOT, ".azora", "artifacts", "learn");

describe("app › learn to earn (production build, real chain, real Ponder, Chromium)", function () {
  const app = useAppStack();

  before(async function () {
    await mkdir(ARTIFACTS, { recursive: true });
  });

  /**
   * Answers the open attempt, all right or all wrong. An attempt asks `questionsPerAttempt` of the
   * bank's questions, options shuffled: each question is found by its prompt, the right option by
   * its text.
   */
  async function answerAll(page: Page, right: boolean) {
    const { questions: bank, questionsPerAttempt } = coursePackage.quiz;
    expect(bank.length).to.be.greaterThan(questionsPerAttempt);
    await page.getByTestId("quiz").waitFor();
    for (let i = 0; i < questionsPerAttempt; i++) {
      const legend = await page.getByTestId("quiz").locator("legend span[lang]").innerText();
      const question = bank.find((q) => q.prompt === legend.trim());
      expect(question, legend).to.not.equal(undefined);
      const correct = question!.options[answers[question!.id as keyof typeof answers]]!;
      const shown = await page.locator(".quiz-option span").allInnerTexts();
      const pick = right ? shown.indexOf(correct) : shown.findIndex((text) => text !== correct);
      await page.getByTestId(`option-${pick}`).check();
      await page.getByTestId("quiz-next").click();
    }
    await shot(page, "quiz-review");
    await page.getByTestId("quiz-submit").click();
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });

  async function expectAccessible(page: Page) {
    expect(await seriousA11yViolations(page)).to.deep.equal([]);
  }

  it("lists the courses, opens a course and a lesson in en, fr and sw, without JavaScript and accessible", async function () {
    for (const locale of ["en", "fr", "sw"]) {
      const context = await app.browser.newContext({
        viewport: PHONE,
        locale,
        extraHTTPHeaders: { "accept-language": locale },
      });
      const page = await context.newPage();
      await page.goto(`${app.url}/learn`);
      expect(await page.locator("html").getAttribute("lang")).to.equal(locale);
      await page.getByTestId("course-list").getByText("Budgeting and Saving").first().waitFor();
      await expectAccessible(page);
      await shot(page, `catalog-${locale}`);
      await page.goto(`${app.url}/learn/${COURSE}`);
      await page.getByTestId("lesson-list").waitFor();
      await expectAccessible(page);
      await shot(page, `course-${locale}`);
      await page.goto(`${app.url}/learn/${COURSE}/2`);
      await page.getByTestId("lesson").locator("h2").first().waitFor();
      // The package's image, through the gateway.
      expect(await page.locator('[data-testid="lesson"] img').first().getAttribute("src")).to.match(
        /^\/ipfs\/[a-z0-9]+\/images\/baseline\.svg$/,
      );
      await expectAccessible(page);
      await shot(page, `lesson-${locale}`);
      await context.close();
    }
    // Public pages render on the server: the same pages with JavaScript off.
    const context = await app.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/learn`);
    await page.getByTestId("course-list").getByText("Budgeting and Saving").first().waitFor();
    await page.goto(`${app.url}/learn/${COURSE}/2`);
    await page.getByTestId("lesson").locator("h2").first().waitFor();
    await context.close();
  });

  it("a brand-new key with 0 ETH reads a lesson, fails once, passes, claims free, and sees 90% on /me and 10% in the CitadelFund", async function () {
    const key = generatePrivateKey();
    const learner: Address = privateKeyToAccount(key).address;
    const { publicClient, manifest } = app.stack;
    expect(await publicClient.getBalance({ address: learner })).to.equal(0n);
    const token = contractOf(manifest, "AzoraToken");
    const citadel = contractOf(manifest, "CitadelFund").address;
    const pok = contractOf(manifest, "ProofOfKnowledge");
    const course = await publicClient.readContract({ ...pok, functionName: "course", args: [COURSE] });
    const { recipient, citadel: citadelShare } = splitPayout(course.reward);
    const citadelBefore = await publicClient.readContract({
      ...token,
      functionName: "balanceOf",
      args: [citadel],
    });

    const { context, page } = await withWallet(app.browser, app.stack.chain.rpcUrl, {
      account: learner,
      chainId: manifest.chainId,
      privateKey: key,
    });
    await page.setViewportSize(PHONE);
    await page.goto(`${app.url}/learn/${COURSE}/1`);
    await page.getByTestId("lesson").waitFor();
    await page.getByTestId("next-lesson").click();
    await page.waitForURL(/\/learn\/1\/2$/);

    await page.goto(`${app.url}/learn/${COURSE}/quiz`);
    await shot(page, "quiz-connect");
    await connectWallet(page);
    await page.getByTestId("quiz").waitFor();
    await shot(page, "quiz-question");
    await expectAccessible(page);

    // Every answer wrong: a fail, told only its score (the wrong questions come after a round).
    await answerAll(page, false);
    await page
      .getByTestId("quiz-verdict")
      .filter({ hasText: /not passed/i })
      .waitFor();
    await page.getByTestId("attempts-left").waitFor();
    await shot(page, "quiz-failed");
    await expectAccessible(page);

    // The next attempt draws again; no wait after a first failure.
    await page.getByTestId("quiz-again").click();
    await answerAll(page, true);
    await page.getByTestId("claim").waitFor();
    // The voucher is on the device: a reload still offers the claim.
    await page.reload();
    await page.getByTestId("claim").waitFor();
    // Until it has mounted, RainbowKit's ConnectButton is aria-hidden with its button still
    // focusable (axe caught that moment once after this reload): check once it shows the account.
    await page.getByTestId("rk-account-button").waitFor();
    await shot(page, "claim");
    await expectAccessible(page);

    await page.getByTestId("claim-free").click();
    await page
      .getByTestId("claim-done")
      .waitFor({ timeout: 60_000 })
      .catch(async (error: unknown) => {
        await shot(page, "claim-failed");
        throw new Error(`no claim: ${await page.getByTestId("claim").innerText()}`, { cause: error });
      });
    await page.getByTestId("credential-link").waitFor();
    await shot(page, "claimed");
    const credentialHref = await page.getByTestId("credential-link").getAttribute("href");

    // The chain: 90% to the learner, 10% to the CitadelFund, a credential, and still 0 ETH.
    expect(
      await publicClient.readContract({ ...token, functionName: "balanceOf", args: [learner] }),
    ).to.equal(recipient);
    expect(
      await publicClient.readContract({ ...token, functionName: "balanceOf", args: [citadel] }),
    ).to.equal(citadelBefore + citadelShare);
    const credentialId = await publicClient.readContract({
      ...contractOf(manifest, "AzoraCredential"),
      functionName: "credentialOf",
      args: [learner, COURSE],
    });
    expect(credentialId > 0n).to.equal(true);
    expect(await publicClient.getBalance({ address: learner })).to.equal(0n);

    // /me shows what the chain says, and the credential from the indexer.
    await page.getByTestId("to-me").click();
    await page.waitForURL(/\/me$/);
    await page
      .getByTestId("learner-balance")
      .filter({ hasText: formatAzr(recipient, "en") })
      .waitFor();
    await eventually(() =>
      page.getByTestId(`learner-credential-${credentialId}`).waitFor({ timeout: 2_000 }),
    );
    await shot(page, "me");
    await expectAccessible(page);

    // The credential's public page says it is valid, from the chain.
    expect(credentialHref).to.equal(`/credentials/${credentialId}`);
    await page.goto(`${app.url}${credentialHref}`);
    expect(await page.getByTestId("verdict").getAttribute("data-verdict")).to.equal("valid");
    await context.close();
  });

  it("a funded learner whose claim meets a spent epoch budget sees when the next opens, and claims with the same voucher from its wallet then", async function () {
    const { publicClient, manifest } = app.stack;
    const learner = localAccount(16);
    const token = contractOf(manifest, "AzoraToken");
    const pok = contractOf(manifest, "ProofOfKnowledge");
    const course = await publicClient.readContract({ ...pok, functionName: "course", args: [COURSE] });
    const { recipient } = splitPayout(course.reward);

    const { context, page } = await withWallet(app.browser, app.stack.chain.rpcUrl, {
      account: learner.address,
      chainId: manifest.chainId,
    });
    await page.setViewportSize(PHONE);
    await page.goto(`${app.url}/learn/${COURSE}/quiz`);
    await connectWallet(page);
    await page
      .getByTestId("quiz")
      .waitFor()
      .catch(async (error: unknown) => {
        await shot(page, "funded-no-quiz");
        throw new Error(`no quiz: ${await page.locator("main").innerText()}`, { cause: error });
      });
    await answerAll(page, true);
    await page.getByTestId("claim").waitFor();

    // The DAO sets a schedule whose epoch budget is one reward, and someone else's claim spends it.
    const admin = contractOf(manifest, "AzoraTimelock").address;
    const schedule = await publicClient.readContract({ ...pok, functionName: "emissionSchedule" });
    const setSchedule = (epochLength: number, budget: bigint, halvingInterval: number) =>
      asImpersonated(admin, (wallet) =>
        wallet.writeContract({
          ...pok,
          functionName: "setEmissionSchedule",
          args: [epochLength, budget, halvingInterval],
        }),
      );
    // Ten-minute epochs: the next one opens well within the voucher's hour.
    await setSchedule(600, course.reward, 1_000);
    try {
      const other = privateKeyToAccount(generatePrivateKey()).address;
      const verifier = createWalletClient({
        account: localVerifier(),
        chain: azoraChain(manifest.chainId, app.stack.chain.rpcUrl),
        transport: http(app.stack.chain.rpcUrl),
      });
      const block = await publicClient.getBlock();
      const completion = {
        learner: other,
        courseId: COURSE,
        score: 10_000,
        deadline: block.timestamp + 3_600n,
      };
      const signature = await signCompletion(verifier, pok.address, completion);
      await publicClient.waitForTransactionReceipt({
        hash: await verifier.writeContract({ ...pok, functionName: "claim", args: [completion, signature] }),
      });
      const [, , , , endsAt] = await publicClient.readContract({ ...pok, functionName: "epochStatus" });

      // The free claim is refused: the page says the budget is spent and when the next one opens.
      await page.getByTestId("claim-free").click();
      const refusal = page.getByTestId("claim-error-budget");
      await refusal.waitFor().catch(async (error: unknown) => {
        await shot(page, "claim-budget-failed");
        throw new Error(`no budget refusal: ${await page.getByTestId("claim").innerText()}`, {
          cause: error,
        });
      });
      const opens = new Intl.DateTimeFormat("en", {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: "UTC",
      }).format(new Date(Number(endsAt) * 1000));
      expect(await refusal.innerText()).to.contain(opens);
      await shot(page, "claim-budget-spent");
      await expectAccessible(page);

      // Once the chain's clock passes it, the same voucher claims from the learner's own wallet.
      await advanceTimePast(publicClient, endsAt);
      const ethBefore = await publicClient.getBalance({ address: learner.address });
      await page.getByTestId("claim-wallet").click();
      await page.getByTestId("claim-done").waitFor({ timeout: 60_000 });
      await shot(page, "claimed-by-wallet");
      expect(
        await publicClient.readContract({ ...token, functionName: "balanceOf", args: [learner.address] }),
      ).to.equal(recipient);
      // The learner paid the gas.
      expect((await publicClient.getBalance({ address: learner.address })) < ethBefore).to.equal(true);
    } finally {
      // The DAO's schedule as it was, for whatever runs after this test.
      await setSchedule(schedule.epochLength, schedule.initialBudget, schedule.halvingInterval);
    }
    await context.close();
  });

  it("refuses a course package whose bytes do not match its content address, and shows none of it", async function () {
    const { publicClient, manifest } = app.stack;
    const pok = contractOf(manifest, "ProofOfKnowledge");
    // A package of its own (a copy of course 1's course.json under another title)…
    const source = JSON.parse(await readFile(path.join(COURSE_FOLDER, "course.json"), "utf8")) as {
      title: string;
    };
    const honest = new TextEncoder().encode(
      JSON.stringify({ ...source, title: "Budgeting, second edition" }),
    );
    const forged = new TextEncoder().encode(
      JSON.stringify({ ...source, title: "Send your AZR to 0xF0RGED" }),
    );
    const blocks = new FsBlockstore(path.join(REPO_ROOT, ".azora", "content"));
    await blocks.open();
    const packageCid = await importTree([{ path: "course.json", content: honest }], blocks);
    // …whose course.json block the store then answers with other bytes (a faulty or hostile store).
    await blocks.put(await importBytes(honest, blocks), forged);
    await blocks.close();
    const model = await publicClient.readContract({ ...pok, functionName: "course", args: [COURSE] });
    await asImpersonated(contractOf(manifest, "AzoraTimelock").address, (wallet) =>
      wallet.writeContract({
        ...pok,
        functionName: "registerCourse",
        args: [
          {
            title: "Budgeting, second edition",
            contentCid: String(packageCid),
            reward: model.reward,
            verifier: model.verifier,
            minScore: model.minScore,
            validity: model.validity,
          },
        ],
      }),
    );
    const courseId = await publicClient.readContract({ ...pok, functionName: "courseCount" });

    const context = await app.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await eventually(async () => {
      await page.goto(`${app.url}/learn/${courseId}`);
      await page.getByTestId("package-tampered").waitFor({ timeout: 2_000 });
    });
    await shot(page, "package-tampered");
    await expectAccessible(page);
    expect(await page.content()).not.to.contain("0xF0RGED");
    await page.goto(`${app.url}/learn`);
    await page.getByTestId("course-list").getByText("Budgeting and Saving").first().waitFor();
    expect(await page.content()).not.to.contain("0xF0RGED");
    await context.close();
  });

  /** Sends one transaction as `account` (a contract such as the Timelock) on the local node. */
  async function asImpersonated(
    account: Address,
    send: (wallet: WalletClient<Transport, Chain, Account>) => Promise<Hex>,
  ) {
    const { publicClient, chain, manifest } = app.stack;
    await publicClient.request({ method: "hardhat_impersonateAccount", params: [account] } as never);
    await publicClient.request({
      method: "hardhat_setBalance",
      params: [account, "0xde0b6b3a7640000"],
    } as never);
    const wallet = createWalletClient({
      account: { address: account, type: "json-rpc" },
      chain: azoraChain(manifest.chainId, chain.rpcUrl),
      transport: http(chain.rpcUrl),
    });
    await publicClient.waitForTransactionReceipt({ hash: await send(wallet) });
    await publicClient.request({ method: "hardhat_stopImpersonatingAccount", params: [account] } as never);
  }
});
