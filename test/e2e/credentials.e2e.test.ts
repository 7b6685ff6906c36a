import { expect } from "chai";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { createWalletClient, http } from "viem";
import type { Address } from "viem";
import { contractOf } from "../../protocol/manifest";
import { localAccount, localVerifier } from "../../protocol/chain";
import { REPO_ROOT } from "../../scripts/stack/paths";
import { phoneContext, useAppStack } from "../support/app-stack";
import { ob3Validator } from "../support/ob3";
import { seriousA11yViolations, watchConsole } from "../support/shell";
import { eventually } from "../support/stack";

// The seed: Lindiwe (#3) passed course 1 (credential valid a year), Kofi (#2) course 2 and
// Tendai (#4) course 3 (never expire), all signed by the verifier #8. Amara (#1) holds none.
const LINDIWE = localAccount(3);
const KOFI = localAccount(2);
const TENDAI = localAccount(4);
const AMARA = localAccount(1);
const idOf = (holder: Address, courseId: bigint) => (BigInt(holder) << 96n) | courseId;
const NEVER_ISSUED = idOf(AMARA.address, 1n);
// Lindiwe's, Kofi's and Tendai's credentials: their course ids are read from the chain in `before`.
let VALID = 0n;
let REVOKED = 0n;
let BURNED = 0n;
const REASON = "Answers shared before the quiz closed";

const ARTIFACTS = path.join(REPO_ROOT, ".azora", "artifacts", "credentials");
const VERDICT_WORDS = {
  en: { valid: "Valid", revoked: "Revoked" },
  fr: { valid: "Valide", revoked: "Révoquée" },
  sw: { valid: "Halali", revoked: "Imefutwa" },
} as const;
type Locale = keyof typeof VERDICT_WORDS;

describe("app › verify a credential (production build, real chain, real Ponder, Chromium)", function () {
  const app = useAppStack();

  before(async function () {
    await mkdir(ARTIFACTS, { recursive: true });
    // The revoked and burned cases: the verifier revokes Kofi's credential, Tendai burns his.
    const credential = contractOf(app.stack.manifest, "AzoraCredential");
    const heldBy = async (holder: Address) => {
      for (let courseId = 1n; courseId <= 10n; courseId++) {
        const id = await app.stack.publicClient.readContract({
          ...credential,
          functionName: "credentialOf",
          args: [holder, courseId],
        });
        if (id !== 0n) return id;
      }
      throw new Error(`${holder} holds no credential after the seed`);
    };
    VALID = await heldBy(LINDIWE.address);
    REVOKED = await heldBy(KOFI.address);
    BURNED = await heldBy(TENDAI.address);
    const asVerifier = createWalletClient({
      account: localVerifier(),
      transport: http(app.stack.chain.rpcUrl),
    });
    const asTendai = createWalletClient({ account: TENDAI, transport: http(app.stack.chain.rpcUrl) });
    for (const hash of [
      await asVerifier.writeContract({
        ...credential,
        chain: null,
        functionName: "revoke",
        args: [REVOKED, REASON],
      }),
      await asTendai.writeContract({ ...credential, chain: null, functionName: "burn", args: [BURNED] }),
    ]) {
      await app.stack.publicClient.waitForTransactionReceipt({ hash });
    }
  });
  const phone = (locale: Locale, options: { javaScriptEnabled?: boolean } = {}) =>
    phoneContext(app.browser, app.url, locale, options);

  async function open(page: Page, id: bigint | string, shot: string) {
    const response = await page.goto(`${app.url}/credentials/${id}`);
    await page.screenshot({ path: path.join(ARTIFACTS, `${shot}.png`), fullPage: true });
    return response;
  }

  async function verdictOf(page: Page) {
    return page.getByTestId("verdict").getAttribute("data-verdict");
  }

  for (const locale of ["en", "fr", "sw"] as const) {
    it(`gives a valid and a revoked credential's verdict in ${locale}, the reason, the exact call, a link and a QR code (axe clean)`, async function () {
      const context = await phone(locale);
      const page = await context.newPage();
      const errors = watchConsole(page);
      expect((await open(page, VALID, `${locale}-valid`))?.status()).to.equal(200);
      expect(await verdictOf(page)).to.equal("valid");
      expect(await page.getByTestId("verdict").innerText()).to.contain(VERDICT_WORDS[locale].valid);
      expect(await page.locator("h1").innerText()).to.contain("Wallets and Safety");
      expect(await page.getByTestId("score").innerText()).to.match(/92/);
      const call = await page.getByTestId("check-call").innerText();
      expect(call).to.contain(app.stack.manifest.contracts.AzoraCredential.address);
      expect(call).to.contain("isValid(uint256)");
      expect(call).to.contain(VALID.toString());
      expect(await page.getByTestId("share-link").inputValue()).to.equal(`${app.url}/credentials/${VALID}`);
      expect(await page.locator(".credential-qr svg").count()).to.equal(1);
      const preview = await page.locator('meta[property="og:image"]').getAttribute("content");
      expect(preview).to.equal(`${app.url}/credentials/${VALID}/preview.png`);
      const image = await fetch(preview!);
      expect(image.status).to.equal(200);
      expect(image.headers.get("content-type")).to.equal("image/png");
      // The verifier pages ship no JavaScript at all (pages/, unstable_runtimeJS: false).
      expect(await page.locator("script[src]").count()).to.equal(0);
      expect(await seriousA11yViolations(page)).to.deep.equal([]);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).to.be.at.most(0);

      expect((await open(page, REVOKED, `${locale}-revoked`))?.status()).to.equal(200);
      expect(await verdictOf(page)).to.equal("revoked");
      expect(await page.getByTestId("verdict").innerText()).to.contain(VERDICT_WORDS[locale].revoked);
      expect(await page.getByTestId("revocation-reason").innerText()).to.contain(REASON);
      expect(await seriousA11yViolations(page)).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
      await context.close();
    });
  }

  it("says a burned credential was burned, and an unknown one does not exist (404), with JavaScript off", async function () {
    const context = await phone("en", { javaScriptEnabled: false });
    const page = await context.newPage();
    expect((await open(page, BURNED, "en-burned"))?.status()).to.equal(200);
    expect(await verdictOf(page)).to.equal("burned");
    expect(await page.locator("main").innerText()).to.match(/Burned by its holder/);
    expect((await open(page, NEVER_ISSUED, "en-unknown-nojs"))?.status()).to.equal(404);
    expect(await page.locator("main").innerText()).to.contain("No such credential exists on this chain");
    expect((await open(page, VALID, "en-valid-nojs"))?.status()).to.equal(200);
    expect(await verdictOf(page)).to.equal("valid");
    expect((await open(page, REVOKED, "en-revoked-nojs"))?.status()).to.equal(200);
    expect(await page.getByTestId("revocation-reason").innerText()).to.contain(REASON);
    await context.close();
  });

  it("says no such credential exists on this chain, as a 404", async function () {
    const context = await phone("en");
    const page = await context.newPage();
    expect((await open(page, NEVER_ISSUED, "en-unknown"))?.status()).to.equal(404);
    expect(await page.locator("main").innerText()).to.contain("No such credential exists on this chain");
    expect(await seriousA11yViolations(page)).to.deep.equal([]);
    await context.close();
  });

  it("answers a malformed id with a page saying what an id looks like", async function () {
    const context = await phone("en", { javaScriptEnabled: false });
    const page = await context.newPage();
    expect((await open(page, "12abc", "en-malformed"))?.status()).to.equal(400);
    expect(await page.locator("main").innerText()).to.contain("A credential id is a whole number");
    await context.close();
  });

  it("lists every credential an address holds on /verify, each with its verdict, and takes a pasted link", async function () {
    const context = await phone("en", { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/verify`);
    await page.getByLabel(/Credential link, id or address/).fill(LINDIWE.address.toLowerCase());
    await page.getByRole("button", { name: "Check" }).click();
    await page.getByTestId("held-credentials").waitFor();
    const items = page.getByTestId("held-credentials").locator("li");
    expect(await items.count()).to.equal(1);
    expect(await items.first().getAttribute("data-verdict")).to.equal("valid");
    expect(await items.first().innerText()).to.contain("Wallets and Safety");
    await page.screenshot({ path: path.join(ARTIFACTS, "en-verify-address.png"), fullPage: true });
    await page.goto(`${app.url}/verify?q=${encodeURIComponent(KOFI.address)}`);
    expect(
      await page.getByTestId("held-credentials").locator("li").first().getAttribute("data-verdict"),
    ).to.equal("revoked");
    await page.goto(
      `${app.url}/verify?q=${encodeURIComponent(`https://azora.example/credentials/${VALID}`)}`,
    );
    expect(new URL(page.url()).pathname).to.equal(`/credentials/${VALID}`);
    await context.close();
  });

  it("exports a valid and a revoked credential as Open Badges 3.0 that pass the OB 3.0 schema", async function () {
    const validate = ob3Validator();
    for (const [id, verdict] of [
      [VALID, "valid"],
      [REVOKED, "revoked"],
    ] as const) {
      const response = await fetch(`${app.url}/credentials/${id}/ob3.json`);
      expect(response.status).to.equal(200);
      const badge = (await response.json()) as { credentialStatus: Record<string, unknown> };
      expect(validate(badge), JSON.stringify(validate.errors)).to.equal(true);
      expect(badge.credentialStatus).to.include({
        tokenId: id.toString(),
        verdictAtExport: verdict,
        chainId: 31337,
      });
    }
    expect((await fetch(`${app.url}/credentials/${NEVER_ISSUED}/ob3.json`)).status).to.equal(404);
    expect((await fetch(`${app.url}/credentials/x1/ob3.json`)).status).to.equal(400);
    // The image's URL as the page announces it (Next adds a suffix to the route's name).
    const page = await app.browser.newPage();
    await page.goto(`${app.url}/credentials/${VALID}`);
    const ogUrl = await page.locator('meta[property="og:image"]').getAttribute("content");
    await page.close();
    const og = await fetch(new URL(ogUrl ?? "", app.url));
    expect(og.headers.get("content-type")).to.equal("image/png");
  });

  it("says a credential expired once its expiry passes (the chain's clock)", async function () {
    await app.stack.publicClient.request({
      method: "evm_increaseTime" as never,
      params: [400 * 86_400] as never,
    });
    await app.stack.publicClient.request({ method: "evm_mine" as never, params: [] as never });
    const context = await phone("en");
    const page = await context.newPage();
    await open(page, VALID, "en-expired");
    expect(await verdictOf(page)).to.equal("expired");
    expect(await page.locator("main").innerText()).to.match(/Expired on/);
    await context.close();
  });

  it("still gives the chain's verdict with the indexer stopped, and says the indexer is not answering", async function () {
    await eventually(async () => {
      const context = await phone("en");
      const page = await context.newPage();
      await open(page, REVOKED, "en-revoked-indexed");
      expect(await page.getByTestId("indexer-view").getAttribute("data-view")).to.equal("agrees");
      await context.close();
    });
    await app.stack.indexer.service.stop();
    const context = await phone("en", { javaScriptEnabled: false });
    const page = await context.newPage();
    await open(page, REVOKED, "en-indexer-down");
    expect(await verdictOf(page)).to.equal("revoked");
    expect(await page.getByTestId("revocation-reason").innerText()).to.contain(REASON);
    expect(await page.getByTestId("indexer-view").getAttribute("data-view")).to.equal("down");
    await context.close();
  });

  it("gives no verdict when the chain is down (and the OB3 export a 503)", async function () {
    await app.stack.chain.service.stop();
    const context = await phone("en", { javaScriptEnabled: false });
    const page = await context.newPage();
    expect((await open(page, VALID, "en-chain-down"))?.status()).to.equal(503);
    expect(await page.getByTestId("verdict").count()).to.equal(0);
    expect(await page.locator("main").innerText()).to.contain("The chain is not answering");
    expect((await fetch(`${app.url}/credentials/${VALID}/ob3.json`)).status).to.equal(503);
    await context.close();
  });
});
