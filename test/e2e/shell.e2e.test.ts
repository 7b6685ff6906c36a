import { expect } from "chai";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { localAccount } from "../../protocol/chain";
import { REPO_ROOT } from "../../scripts/stack/paths";
import { freePort } from "../../scripts/stack/processes";
import { startApp } from "../../scripts/stack/stack";
import { PHONE, phoneContext, useAppStack, waitForText } from "../support/app-stack";
import { seriousA11yViolations, watchConsole } from "../support/shell";
import type { SectionPage } from "../support/shell";

const AMARA = localAccount(1).address;
// Lindiwe's seeded credential (course 3, Wallets and Safety): an id is `holder << 96 | courseId`.
const LINDIWE_CREDENTIAL = (BigInt(localAccount(3).address) << 96n) | 3n;
const ARTIFACTS = path.join(REPO_ROOT, ".azora", "artifacts", "shell");

/** Every section's URL (the stable public interface the flows fill in). */
const SECTIONS: SectionPage[] = [
  { name: "home", path: "/", public: true },
  { name: "learn", path: "/learn", public: true },
  { name: "course", path: "/learn/1", public: true },
  { name: "lesson", path: "/learn/1/1", public: true },
  { name: "credential", path: `/credentials/${LINDIWE_CREDENTIAL}`, public: true },
  { name: "verify", path: "/verify", public: true },
  { name: "jobs", path: "/jobs", public: true },
  { name: "dao", path: "/dao", public: true },
  { name: "citadel", path: "/citadel", public: true },
  { name: "account", path: `/accounts/${AMARA}`, public: true },
  { name: "offline", path: "/offline", public: true },
  { name: "me", path: "/me", public: false },
];

/** Words each language's pages carry (its navigation), to tell the three apart. */
const NAV_LEARN = { en: "Learn", fr: "Apprendre", sw: "Jifunze" } as const;
type Locale = keyof typeof NAV_LEARN;

// A server-side RPC URL carrying a key, as a hosted provider's would: it must never reach a browser.
const RPC_KEY = "azoraPrivateRpcKey0123456789";
const privateRpcUrl = (rpcUrl: string) => `${rpcUrl}/v3/${RPC_KEY}`;

describe("app › shell: every section, three languages, public pages without JavaScript, offline lessons (production build, Chromium)", function () {
  // The app reads the chain through a keyed URL and hands browsers the public one.
  const app = useAppStack({
    rpcUrl: privateRpcUrl,
    env: (stack) => ({ PUBLIC_RPC_URL: stack.chain.rpcUrl }),
  });

  before(async function () {
    await mkdir(ARTIFACTS, { recursive: true });
  });

  const phone = (locale: Locale, options: { javaScriptEnabled?: boolean } = {}) =>
    phoneContext(app.browser, app.url, locale, options);

  for (const locale of ["en", "fr", "sw"] as const) {
    it(`renders every section in ${locale} at 360×740 with no console error and no serious or critical axe violation`, async function () {
      const context = await phone(locale);
      const page = await context.newPage();
      const errors = watchConsole(page);
      const problems: string[] = [];
      for (const section of SECTIONS) {
        const response = await page.goto(app.url + section.path, { waitUntil: "networkidle" });
        expect(response?.status(), `${section.path} status`).to.equal(200);
        expect(await page.getAttribute("html", "lang"), `${section.path} <html lang>`).to.equal(locale);
        expect((await page.locator("h1").first().textContent())?.trim(), `${section.path} h1`).to.not.equal(
          "",
        );
        await page
          .getByRole("navigation")
          .getByRole("link", { name: NAV_LEARN[locale], exact: true })
          .waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) problems.push(`${section.path}: ${overflow}px wider than the screen`);
        for (const violation of await seriousA11yViolations(page))
          problems.push(`${section.path}: ${violation}`);
        await page.screenshot({
          path: path.join(ARTIFACTS, `${locale}-${section.name}.png`),
          fullPage: true,
        });
      }
      expect(errors, "console errors").to.deep.equal([]);
      expect(problems).to.deep.equal([]);
      await context.close();
    });
  }

  it("reads at 320px wide and in dark mode (screenshots of home and an account)", async function () {
    const context = await app.browser.newContext({
      viewport: { width: 320, height: 640 },
      colorScheme: "dark",
      serviceWorkers: "block",
    });
    const page = await context.newPage();
    for (const section of SECTIONS.filter((s) => ["home", "account", "me"].includes(s.name))) {
      await page.goto(app.url + section.path, { waitUntil: "networkidle" });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${section.path} at 320px`).to.be.at.most(0);
      expect(await seriousA11yViolations(page), `${section.path} in dark mode`).to.deep.equal([]);
      await page.screenshot({
        path: path.join(ARTIFACTS, `en-dark-320-${section.name}.png`),
        fullPage: true,
      });
    }
    await context.close();
  });

  it("switches language on the same URL, sets <html lang>, and remembers the choice", async function () {
    const context = await phone("en");
    const page = await context.newPage();
    await page.goto(`${app.url}/jobs`);
    await page.locator("details.language summary").click();
    await page.getByTestId("locale-fr").click();
    await page.waitForFunction(() => document.documentElement.lang === "fr");
    expect(new URL(page.url()).pathname).to.equal("/jobs");
    await page.getByRole("heading", { level: 1, name: "Missions" }).waitFor();
    const cookie = (await context.cookies()).find((c) => c.name === "NEXT_LOCALE");
    expect(cookie?.value).to.equal("fr");
    await page.goto(`${app.url}/dao`);
    expect(await page.getAttribute("html", "lang")).to.equal("fr");
    // From an App Router page to a verifier page (Pages Router) by its link, and back by the nav.
    await page.waitForLoadState("networkidle");
    await page.locator(".site-footer a[href='/verify']").click();
    await page.waitForURL(`${app.url}/verify`);
    expect(await page.locator("script[src]").count()).to.equal(0);
    await page.locator(".site-nav a[href='/jobs']").click();
    await page.getByRole("heading", { level: 1, name: "Missions" }).waitFor();
    await context.close();
  });

  it("shows every public page's content with JavaScript disabled, and switches language without it", async function () {
    const context = await phone("en", { javaScriptEnabled: false });
    const page = await context.newPage();
    for (const section of SECTIONS.filter((s) => s.public)) {
      await page.goto(app.url + section.path);
      expect((await page.locator("h1").first().textContent())?.trim(), `${section.path} h1`).to.not.equal("");
      const main = (await page.locator("main").innerText()).trim();
      expect(main.length, `${section.path} main content`).to.be.greaterThan(80);
    }
    await page.goto(`${app.url}/accounts/${AMARA}`);
    expect(await page.getByTestId("chain-balance").innerText()).to.match(/^\d[\d,.]* AZR$/);
    await page.goto(app.url);
    expect(await page.getByTestId("holders").locator("tbody tr").count()).to.be.greaterThan(0);
    // The switcher is a form: it works as a plain POST.
    await page.goto(`${app.url}/citadel`);
    await page.locator("details.language summary").click();
    await page.getByTestId("locale-sw").click();
    await page.waitForLoadState("load");
    expect(await page.getAttribute("html", "lang")).to.equal("sw");
    await page.goto(`${app.url}/citadel`);
    expect(await page.getAttribute("html", "lang")).to.equal("sw");
    // The same on a verifier page (Pages Router), back to the same URL with its query.
    await page.goto(`${app.url}/verify?q=${AMARA}`);
    await page.locator("details.language summary").click();
    await page.getByTestId("locale-fr").click();
    await page.waitForLoadState("load");
    expect(await page.getAttribute("html", "lang")).to.equal("fr");
    expect(new URL(page.url()).pathname + new URL(page.url()).search).to.equal(`/verify?q=${AMARA}`);
    await context.close();
  });

  it("reads a lesson again once the server is gone, after one online visit (service worker)", async function () {
    // Its own app (its own origin, so a fresh service worker), stopped half-way: a real cut.
    const offline = await startApp({
      mode: "start",
      port: await freePort(),
      rpcUrl: app.stack.chain.rpcUrl,
      indexerUrl: app.stack.indexer.url,
    });
    const context = await app.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const lesson = `${offline.url}/learn/1/1`;
    await page.goto(lesson, { waitUntil: "networkidle" });
    // The seeded course's first lesson, rendered from its package.
    const title = (await page.locator("h1").textContent())?.trim();
    expect(title, "the lesson's heading").to.be.a("string").and.not.equal("");
    // Installed, controlling the page, and holding the lesson.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const kept = await page.evaluate(
        async (url) => Boolean(navigator.serviceWorker.controller) && (await caches.match(url)) !== undefined,
        lesson,
      );
      if (kept) break;
      if (Date.now() > deadline) throw new Error("the service worker did not keep the lesson within 30 s");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await offline.service.stop();
    await page.reload({ waitUntil: "domcontentloaded" });
    expect((await page.locator("h1").textContent())?.trim()).to.equal(title);
    await page.locator("nav.site-nav").waitFor();
    // A page it does not keep: the offline page instead of the browser's error page.
    await page.goto(`${offline.url}/jobs`, { waitUntil: "domcontentloaded" });
    await waitForText(page, /you are offline/i);
    await context.close();
  });

  it("is installable: a web app manifest with icons, and a service worker script", async function () {
    const manifest = (await (await fetch(`${app.url}/manifest.webmanifest`)).json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(manifest.display).to.equal("standalone");
    expect(manifest.icons.map((i) => i.sizes)).to.include.members(["192x192", "512x512"]);
    for (const icon of manifest.icons)
      expect((await fetch(app.url + icon.src)).status, icon.src).to.equal(200);
    const worker = await fetch(`${app.url}/sw.js`);
    expect(worker.status).to.equal(200);
    expect(worker.headers.get("cache-control")).to.match(/no-cache/);
  });

  it("never lets the private RPC URL reach the browser: only the public one does, and the footer prints none", async function () {
    const context = await app.browser.newContext({ viewport: PHONE, serviceWorkers: "block" });
    const page = await context.newPage();
    const leaks: string[] = [];
    page.on("response", async (response) => {
      const type = response.headers()["content-type"] ?? "";
      if (!/html|javascript|json|text\/x-component/.test(type)) return;
      const body = await response.text().catch(() => "");
      if (body.includes(RPC_KEY)) leaks.push(response.url());
    });
    for (const section of SECTIONS) await page.goto(app.url + section.path, { waitUntil: "networkidle" });
    // The wallet page hands the browser the public RPC URL.
    const html = await (await fetch(`${app.url}/me`)).text();
    expect(html).to.include(app.stack.chain.rpcUrl);
    expect(html).to.not.include(RPC_KEY);
    expect(await page.locator("footer").innerText()).to.not.match(/https?:\/\//);
    expect(leaks).to.deep.equal([]);
    await context.close();

    // Without PUBLIC_RPC_URL, a keyed server URL is withheld (wallet pages then read through the wallet).
    const bare = await startApp({
      mode: "start",
      port: await freePort(),
      rpcUrl: privateRpcUrl(app.stack.chain.rpcUrl),
      indexerUrl: app.stack.indexer.url,
    });
    for (const section of SECTIONS) {
      const body = await (await fetch(bare.url + section.path)).text();
      expect(body, section.path).to.not.include(RPC_KEY);
    }
    await bare.service.stop();
  });
});
