import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { freePort, stopAllServices } from "../../scripts/stack/processes";
import { startApp } from "../../scripts/stack/stack";
import { buildApp } from "./app-build";
import { launchBrowser } from "./browser";
import type { IndexedChain } from "./stack";
import { startIndexedChain } from "./stack";

/** What a browser suite runs against: a seeded chain and its indexer, the production app, Chromium. */
export interface AppStack {
  stack: IndexedChain;
  /** The app's base URL (no trailing slash). */
  url: string;
  browser: Browser;
}

export interface AppStackOptions {
  /** The server-side RPC URL the app reads through, from the chain's own (default: the chain's). */
  rpcUrl?: (chainRpcUrl: string) => string;
  /** Extra environment for the app (called once the chain runs). */
  env?: (chain: IndexedChain) => Record<string, string>;
}

/**
 * In the suite that calls it: before its tests, starts a seeded chain and its indexer, the
 * production build of the app on a free port (`npm run build` once per run) and Chromium; after
 * them, closes the browser and stops every process started, even when the stack failed half-way
 * through starting. The object it returns is filled in by that `before` hook, so tests and later
 * hooks can read it.
 */
export function useAppStack(options: AppStackOptions = {}): AppStack {
  // Empty until the hook has run: nothing reads it before (mocha runs `before` hooks first).
  const app = {} as AppStack;
  let dataDir: string | undefined;
  before(async function () {
    // The production build shares 2 cores with other builds: it may take more than mocha's 10 minutes.
    this.timeout(30 * 60_000);
    const stack = await startIndexedChain();
    await buildApp();
    // The grader's and relayer's state of this suite's chain only (the default, .azora/grader,
    // outlives the run: a later run's fresh chain would meet its passes and vouchers).
    dataDir = await mkdtemp(path.join(os.tmpdir(), "azora-app-state-"));
    const { url } = await startApp({
      mode: "start",
      port: await freePort(),
      rpcUrl: options.rpcUrl?.(stack.chain.rpcUrl) ?? stack.chain.rpcUrl,
      indexerUrl: stack.indexer.url,
      env: { AZORA_DATA_DIR: dataDir, ...options.env?.(stack) },
    });
    Object.assign(app, { stack, url, browser: await launchBrowser() });
  });
  after(async function () {
    await app.browser?.close();
    await stopAllServices();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  return app;
}

/** Connects the injected test wallet through RainbowKit's modal (the page's first connect button). */
export async function connectWallet(page: Page, button: RegExp = /connect wallet/i): Promise<void> {
  await page.getByRole("button", { name: button }).first().click();
  await page
    .getByText(/browser wallet|injected/i)
    .first()
    .click();
}

/** Waits until `page` shows `text` (its first match: a page may say it twice, in a heading and a notice). */
export async function waitForText(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor();
}

/**
 * Loads `url` until `check` passes on it: the pages read the indexer, which follows the chain
 * within a second or so. A 404 (what the indexer has not seen yet) is a "not yet", not a failure.
 */
export async function reloadUntil(
  page: Page,
  url: string,
  check: () => Promise<boolean>,
  what: string,
): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const response = await page.goto(url);
    if (response?.status() !== 404 && (await check())) return;
    await page.waitForTimeout(500);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The phone every browser suite uses (360×740 CSS pixels). */
export const PHONE = { width: 360, height: 740 };

/**
 * A phone-sized context on `appUrl` in `locale`, service workers blocked: English by default,
 * French from the browser's locale (Accept-Language), Swahili from the NEXT_LOCALE cookie.
 */
export async function phoneContext(
  browser: Browser,
  appUrl: string,
  locale: "en" | "fr" | "sw",
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: PHONE,
    locale: locale === "fr" ? "fr-FR" : "en-US",
    serviceWorkers: "block",
    ...options,
  });
  if (locale === "sw") await context.addCookies([{ name: "NEXT_LOCALE", value: "sw", url: appUrl }]);
  return context;
}
