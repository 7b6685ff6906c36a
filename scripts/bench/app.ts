// The app's part of `npm run bench` (`npm run bench -- app`): gzipped first-load JS per route
// against its budget, and Lighthouse (mobile: performance, accessibility, best practices, and the
// bytes a cold load transfers) on the production build serving a seeded local stack. Figures are
// printed, never asserted.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { localAccount } from "../../protocol/chain";
import type { Manifest } from "../../protocol/manifest";
import { REPO_ROOT } from "../stack/paths";
import { binOf, freePort, runToCompletion, stopAllServices } from "../stack/processes";
import { deployLocal, startApp, startChain, startIndexer } from "../stack/stack";
import { table } from "./report";
import type { Rows } from "./report";
import type { FigureGroup } from "./setup";

const NEXT_DIR = path.join(REPO_ROOT, ".next");
const ROUTE_STATS = path.join(NEXT_DIR, "diagnostics", "route-bundle-stats.json");
const PAGES_MANIFEST = path.join(NEXT_DIR, "server", "pages-manifest.json");

/** Budgets (kB gzipped first-load JS) from the design: verifier pages, other public pages, wallet pages. */
const VERIFIER_BUDGET = 120;
const PUBLIC_BUDGET = 180;
const WALLET_BUDGET = 300;
const VERIFIER_ROUTES = new Set(["/credentials/[id]", "/verify"]);

/** Pages Lighthouse measures (the list), on the seeded local stack. */
// The seed's credential of Lindiwe (#3) for course 3, Wallets and Safety (an id is `holder << 96 | courseId`).
const CREDENTIAL = (BigInt(localAccount(3).address) << 96n) | 3n;
const LIGHTHOUSE_PAGES = ["/", "/learn", "/learn/1/1", `/credentials/${CREDENTIAL}`, "/verify", "/jobs"];

/** A URL of each Pages Router route, to read the scripts its served HTML really loads. */
const PAGES_ROUTE_URLS: Record<string, string> = {
  "/credentials/[id]": `/credentials/${CREDENTIAL}`,
  "/verify": "/verify",
};

/** `next build` then `serwist build`, as `npm run build` does. */
export async function buildApp(): Promise<void> {
  await runToCompletion("next build", binOf("next"), ["build"]);
  await runToCompletion("serwist build", path.join(REPO_ROOT, "node_modules", "@serwist", "cli", "cli.js"), [
    "build",
    "serwist.config.mjs",
  ]);
}

/** Routes of the `(wallet)` route group (pages that load wagmi): their budget is the wallet one. */
async function walletRoutes(): Promise<Set<string>> {
  const root = path.join(REPO_ROOT, "app", "(wallet)");
  const routes = new Set<string>();
  for (const entry of await readdir(root, { recursive: true })) {
    if (path.basename(entry) !== "page.tsx") continue;
    const segments = path
      .dirname(entry)
      .split(path.sep)
      .filter((s) => s !== "." && !/^\(.*\)$/.test(s));
    routes.add(`/${segments.join("/")}`);
  }
  return routes;
}

const kB = (bytes: number) => bytes / 1024;

/**
 * Each route's first-load JS: the gzipped size of every script Next lists for it
 * (`.next/diagnostics/route-bundle-stats.json`, Turbopack's build output), against its budget;
 * and the part every route shares (React, the router, the shell). A Pages Router route (the
 * verifier pages, which ship no runtime JS) is measured from the HTML `appUrl` serves for it: the
 * scripts that HTML really loads.
 */
async function firstLoadJs(appUrl: string): Promise<{ rows: Rows; shared: number }> {
  const stats = JSON.parse(await readFile(ROUTE_STATS, "utf8")) as {
    route: string;
    firstLoadChunkPaths: string[];
  }[];
  const pagesRoutes = new Set(
    Object.keys(JSON.parse(await readFile(PAGES_MANIFEST, "utf8")) as Record<string, string>),
  );
  const sizes = new Map<string, number>();
  const gz = async (chunk: string) => {
    let size = sizes.get(chunk);
    if (size === undefined) {
      size = gzipSync(await readFile(path.join(REPO_ROOT, chunk))).length;
      sizes.set(chunk, size);
    }
    return size;
  };
  const wallet = await walletRoutes();
  const rows: Rows = [];
  let shared: Set<string> | undefined;
  for (const { route, firstLoadChunkPaths } of [...stats].sort((a, b) => a.route.localeCompare(b.route))) {
    if (route === "/_not-found") continue;
    const pagesUrl = pagesRoutes.has(route) ? PAGES_ROUTE_URLS[route] : undefined;
    const chunks = pagesUrl ? await servedScripts(appUrl + pagesUrl) : firstLoadChunkPaths;
    if (!pagesUrl) shared = shared ? new Set(chunks.filter((c) => shared!.has(c))) : new Set(chunks);
    let total = 0;
    for (const chunk of chunks) total += await gz(chunk);
    const budget = VERIFIER_ROUTES.has(route)
      ? VERIFIER_BUDGET
      : wallet.has(route)
        ? WALLET_BUDGET
        : PUBLIC_BUDGET;
    const kind = VERIFIER_ROUTES.has(route) ? "verifier" : wallet.has(route) ? "wallet" : "public";
    const verdict = kB(total) <= budget ? "ok" : `OVER by ${(kB(total) - budget).toFixed(1)} kB`;
    const how = pagesUrl ? `, Pages Router: the ${chunks.length} scripts its HTML loads` : "";
    rows.push([route, `${kB(total).toFixed(1)} kB  ≤ ${budget} (${kind}${how})  ${verdict}`]);
  }
  let sharedBytes = 0;
  for (const chunk of shared ?? []) sharedBytes += await gz(chunk);
  return { rows, shared: kB(sharedBytes) };
}

/** The `.next/static/…` files of the `<script src>` tags in the HTML served at `url`. */
async function servedScripts(url: string): Promise<string[]> {
  const html = await (await fetch(url)).text();
  return [...html.matchAll(/<script[^>]*\ssrc="\/_next\/([^"?]+)/g)].map((m) => path.join(".next", m[1]!));
}

interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcp: string;
  tbt: string;
  cls: string;
  /** Bytes the page's cold load transferred: scripts, and everything but images. */
  scriptBytes: number;
  bytesWithoutImages: number;
}

/** One Lighthouse run (mobile defaults: simulated slow 4G, 4× CPU slowdown) through the CLI. */
async function lighthouse(url: string): Promise<LighthouseScores> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "azora-lighthouse-"));
  const output = path.join(dir, "report.json");
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          path.join(REPO_ROOT, "node_modules", "lighthouse", "cli", "index.js"),
          url,
          "--quiet",
          "--output=json",
          `--output-path=${output}`,
          "--only-categories=performance,accessibility,best-practices",
          `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=${path.join(dir, "profile")}`,
        ],
        {
          env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
          stdio: ["ignore", "ignore", "pipe"],
        },
      );
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
      child.once("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`lighthouse ${url} exited ${code}:\n${stderr}`)),
      );
    });
    const report = JSON.parse(await readFile(output, "utf8")) as {
      categories: Record<string, { score: number | null }>;
      audits: Record<
        string,
        {
          displayValue?: string;
          details?: {
            items?: { resourceType?: string; transferSize?: number; sessionTargetType?: string }[];
          };
        }
      >;
    };
    const score = (id: string) => report.categories[id]?.score ?? NaN;
    // The page's own requests (not the service worker's precache after it, a worker session).
    const requests = (report.audits["network-requests"]?.details?.items ?? []).filter(
      (r) => (r.sessionTargetType ?? "page") === "page",
    );
    const bytes = (keep: (type: string) => boolean) =>
      requests.filter((r) => keep(r.resourceType ?? "")).reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
    return {
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      lcp: report.audits["largest-contentful-paint"]?.displayValue ?? "?",
      tbt: report.audits["total-blocking-time"]?.displayValue ?? "?",
      cls: report.audits["cumulative-layout-shift"]?.displayValue ?? "?",
      scriptBytes: bytes((type) => type === "Script"),
      bytesWithoutImages: bytes((type) => type !== "Image"),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Lighthouse on each page of LIGHTHOUSE_PAGES, served at `appUrl`. */
async function lighthouseTable(appUrl: string): Promise<Rows> {
  const rows: Rows = [];
  for (const page of LIGHTHOUSE_PAGES) {
    await fetch(appUrl + page); // warm the server's first render of the route
    const s = await lighthouse(appUrl + page);
    const f = (n: number) => n.toFixed(2);
    rows.push([
      page,
      `perf ${f(s.performance)}  a11y ${f(s.accessibility)}  best ${f(s.bestPractices)}  (LCP ${s.lcp}, TBT ${s.tbt}, CLS ${s.cls})  cold load: ${kB(s.bytesWithoutImages).toFixed(1)} kB without images, ${kB(s.scriptBytes).toFixed(1)} kB of it scripts`,
    ]);
  }
  return rows;
}

/** What `onAppStack` hands its measure: the seeded chain's URL and manifest, the indexer and app. */
export interface AppStack {
  rpcUrl: string;
  manifest: Manifest;
  indexerUrl: string;
  appUrl: string;
}

/**
 * The production build (made first when missing) serving a seeded local stack, for `measure`;
 * `appEnv` adds to the app's environment. Every process is stopped afterwards.
 */
export async function onAppStack<T>(
  measure: (stack: AppStack) => Promise<T>,
  appEnv: Record<string, string> = {},
): Promise<T> {
  if (!existsSync(ROUTE_STATS)) {
    console.log("\n(no production build yet: running next build and serwist build…)");
    await buildApp();
  }
  try {
    const chain = await startChain(await freePort());
    const manifest = await deployLocal(chain.rpcUrl, { seed: true });
    const indexer = await startIndexer({ rpcUrl: chain.rpcUrl, port: await freePort() });
    const app = await startApp({
      mode: "start",
      port: await freePort(),
      rpcUrl: chain.rpcUrl,
      indexerUrl: indexer.url,
      env: appEnv,
    });
    return await measure({ rpcUrl: chain.rpcUrl, manifest, indexerUrl: indexer.url, appUrl: app.url });
  } finally {
    await stopAllServices();
  }
}

/** The app's tables of `npm run bench`: first-load JS per route, then Lighthouse. */
export const appGroup: FigureGroup = {
  name: "app",
  async measure() {
    const { sizes, scores } = await onAppStack(async ({ appUrl }) => ({
      sizes: await firstLoadJs(appUrl),
      scores: await lighthouseTable(appUrl),
    }));
    return () => {
      table("App first-load JS per route (gzipped, production build; budget in kB)", sizes.rows);
      console.log(
        `  (of which shared by every App Router route — React, the Next router, the shell: ${sizes.shared.toFixed(1)} kB)`,
      );
      table("Lighthouse 12.2.3, mobile (production build, seeded local stack)", scores);
    };
  },
};
