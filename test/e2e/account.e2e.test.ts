import { expect } from "chai";
import { localAccount } from "../../protocol/chain";
import { connectWallet, useAppStack, waitForText } from "../support/app-stack";
import { switchWalletChain, withWallet } from "../support/browser";
import { graphql } from "../support/stack";

// Lindiwe (local account 3) holds 31,740 AZR after the seed (31,200 given, 90 earned by passing a
// course, 450 by translating it: the marketplace seed's completed job) and has not delegated.
const LINDIWE = localAccount(3).address;
const LINDIWE_AZR = "31,740";
const AMARA = localAccount(1).address;

describe("app › AZR account journey (production build, real chain, real Ponder, Chromium)", function () {
  const app = useAppStack();

  /** Lindiwe's wallet on the home page, connected through RainbowKit. */
  async function asLindiwe(options: { rejectTransactions?: boolean } = {}) {
    const wallet = await withWallet(app.browser, app.stack.chain.rpcUrl, {
      account: LINDIWE,
      chainId: 31337,
      ...options,
    });
    await wallet.page.goto(app.url);
    await connectWallet(wallet.page);
    return wallet;
  }

  it("explains itself without a wallet and still lists holders from the indexer", async function () {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await page
      .getByRole("button", { name: /connect wallet/i })
      .first()
      .waitFor();
    await page
      .getByRole("link", { name: new RegExp(AMARA.slice(0, 6), "i") })
      .first()
      .waitFor();
    await page.close();
  });

  it("shows a seeded account's balance from the chain and from the indexer, with no wallet", async function () {
    const page = await app.browser.newPage();
    await page.goto(`${app.url}/accounts/${LINDIWE}`);
    await page.getByTestId("chain-balance").filter({ hasText: LINDIWE_AZR }).waitFor();
    await page.getByTestId("indexed-balance").filter({ hasText: LINDIWE_AZR }).waitFor();
    await page.close();
  });

  it("says so when the address in the URL is not an address", async function () {
    const page = await app.browser.newPage();
    await page.goto(`${app.url}/accounts/0x1234`);
    await waitForText(page, /not a valid/i);
    await page.close();
  });

  it("warns on the wrong network and switches when asked", async function () {
    const { context, page } = await asLindiwe();
    await page.getByTestId("chain-balance").filter({ hasText: LINDIWE_AZR }).waitFor();
    // The user moves their wallet to another chain.
    await switchWalletChain(page, 1);
    const warning = page.getByTestId("network-warning");
    await warning.waitFor();
    await warning.getByRole("button").first().click();
    await page.getByTestId("chain-balance").filter({ hasText: LINDIWE_AZR }).waitFor();
    await context.close();
  });

  it("explains a transaction rejected in the wallet and leaves the action usable", async function () {
    const { context, page } = await asLindiwe({ rejectTransactions: true });
    await page.getByTestId("delegate-self").click();
    await page
      .getByTestId("delegate-status")
      .filter({ hasText: /rejected in your wallet/i })
      .waitFor();
    expect(await page.getByTestId("delegate-self").isEnabled()).to.equal(true);
    await context.close();
  });

  it("serves a seeded course package and its blocks through the app's IPFS gateway", async function () {
    const { courses } = await graphql<{ courses: { items: { contentCid: string }[] } }>(
      app.stack.indexer.url,
      `
        {
          courses(orderBy: "id") {
            items {
              contentCid
            }
          }
        }
      `,
    );
    expect(courses.items.length).to.be.greaterThan(0);
    const cid = courses.items[0]!.contentCid;
    const course = await fetch(`${app.url}/ipfs/${cid}/course.json`);
    expect(course.status).to.equal(200);
    expect(((await course.json()) as { title: string }).title)
      .to.be.a("string")
      .and.not.equal("");
    const answers = await fetch(`${app.url}/ipfs/${cid}/answers.json`);
    expect(answers.status, "the answer key is never in a package").to.equal(404);
    const car = await fetch(`${app.url}/ipfs/${cid}?format=car`);
    expect(car.headers.get("content-type")).to.match(/application\/vnd\.ipld\.car/);
    const raw = await fetch(`${app.url}/ipfs/${cid}?format=raw`);
    expect(raw.headers.get("content-type")).to.match(/application\/vnd\.ipld\.raw/);
  });

  it("connects through RainbowKit, delegates to itself, and sees its voting power change", async function () {
    const { context, page } = await asLindiwe();
    await page.getByTestId("chain-balance").filter({ hasText: LINDIWE_AZR }).waitFor();
    await page.getByTestId("indexed-balance").filter({ hasText: LINDIWE_AZR }).waitFor();
    expect(await page.getByTestId("voting-power").textContent()).to.match(/^\s*0\b/);
    await page.getByTestId("delegate-self").click();
    await page
      .getByTestId("delegate-status")
      .filter({ hasText: /confirmed/i })
      .waitFor();
    await page.getByTestId("voting-power").filter({ hasText: LINDIWE_AZR }).waitFor();
    await page
      .getByTestId("delegate")
      .filter({ hasText: /yourself/i })
      .waitFor();
    await context.close();
  });
});
