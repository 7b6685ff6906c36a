// The app's part of `npm run bench`: gzipped first-load JS per route against its budget, read
// from the production build, and Lighthouse (mobile: performance, accessibility, best practices)
// on the production build serving a seeded local stack. Figures are printed, never asserted.
// Runs alone too: `npx tsx scripts/bench/app.ts` (`--no-lighthouse` for the sizes only).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { localAccount } from "../../protocol/chain";
import { REPO_ROOT } from "../stack/paths";
import { binOf, freePort, runToCompletion, stopAllServices } from "../stack/processes";
import { deployLocal, startApp, startChain, startIndexer } from "../stack/stack";

const NEXT_DIR = path.join(REPO_ROOT, ".next");
const ROUTE_STATS = path.join(NEXT_DIR, "diagnostics", "route-bundle-stats.json");

/** Budgets (kB gzipped first-load JS) from the design: verifier pages, other public pages, wallet pages. */
const VERIFIER_BUDGET = 120;
const PUBLIC_BUDGET = 180;
const WALLET_BUDGET = 300;
const VERIFIER_ROUTES = new Set(["/credentials/[id]", "/verify"]);

/** Pages Lighthouse measures (the list), on the seeded local stack. */
// The seed's credential of Lindiwe (#3) for course 3, Wallets and Safety (an id is `holder << 96 | courseId`).
const CREDENTIAL = (BigInt(localAccount(3).address) << 96n) | 3n;
const LIGHTHOUSE_PAGES = ["/", "/learn", "/learn/1/1", `/credentials/${CREDENTIAL}`, "/jobs"];

type Rows = [string, string][];

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
 * and the part every route shares (React, the router, the shell).
 */
export async function firstLoadJs(): Promise<{ rows: Rows; shared: number }> {
  if (!existsSync(ROUTE_STATS)) {
    console.log("\n(no production build yet: running next build and serwist build…)");
    await buildApp();
  }
  const stats = JSON.parse(await readFile(ROUTE_STATS, "utf8")) as {
    route: string;
    firstLoadChunkPaths: string[];
  }[];
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
    shared = shared
      ? new Set(firstLoadChunkPaths.filter((c) => shared!.has(c)))
      : new Set(firstLoadChunkPaths);
    let total = 0;
    for (const chunk of firstLoadChunkPaths) total += await gz(chunk);
    const budget = VERIFIER_ROUTES.has(route)
      ? VERIFIER_BUDGET
      : wallet.has(route)
        ? WALLET_BUDGET
        : PUBLIC_BUDGET;
    const kind = VERIFIER_ROUTES.has(route) ? "verifier" : wallet.has(route) ? "wallet" : "public";
    const verdict = kB(total) <= budget ? "ok" : `OVER by ${(kB(total) - budget).toFixed(1)} kB`;
    rows.push([route, `${kB(total).toFixed(1)} kB  ≤ ${budget} (${kind})  ${verdict}`]);
  }
  let sharedBytes = 0;
  for (const chunk of shared ?? []) sharedBytes += await gz(chunk);
  return { rows, shared: kB(sharedBytes) };
}

interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcp: string;
  tbt: string;
  cls: string;
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
      audits: Record<string, { displayValue?: string }>;
    };
    const score = (id: string) => report.categories[id]?.score ?? NaN;
    return {
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      lcp: report.audits["largest-contentful-paint"]?.displayValue ?? "?",
      tbt: report.audits["total-blocking-time"]?.displayValue ?? "?",
      cls: report.audits["cumulative-layout-shift"]?.displayValue ?? "?",
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Lighthouse on each page of LIGHTHOUSE_PAGES, served by the production build over a seeded local stack. */
export async function lighthouseTable(): Promise<Rows> {
  try {
    const chain = await startChain(await freePort());
    await deployLocal(chain.rpcUrl, { seed: true });
    const indexer = await startIndexer({ rpcUrl: chain.rpcUrl, port: await freePort() });
    if (!existsSync(ROUTE_STATS)) await buildApp();
    const app = await startApp({
      mode: "start",
      port: await freePort(),
      rpcUrl: chain.rpcUrl,
      indexerUrl: indexer.url,
    });
    const rows: Rows = [];
    for (const page of LIGHTHOUSE_PAGES) {
      await fetch(app.url + page); // warm the server's first render of the route
      const s = await lighthouse(app.url + page);
      const f = (n: number) => n.toFixed(2);
      rows.push([
        page,
        `perf ${f(s.performance)}  a11y ${f(s.accessibility)}  best ${f(s.bestPractices)}  (LCP ${s.lcp}, TBT ${s.tbt}, CLS ${s.cls})`,
      ]);
    }
    return rows;
  } finally {
    await stopAllServices();
  }
}

function print(title: string, rows: Rows) {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}

/** The app's tables of `npm run bench`. */
export async function appBench({ lighthouse: withLighthouse = true } = {}): Promise<void> {
  const { rows, shared } = await firstLoadJs();
  print("App first-load JS per route (gzipped, production build; budget in kB)", rows);
  console.log(
    `  (of which shared by every route — React, the Next router, the shell: ${shared.toFixed(1)} kB)`,
  );
  if (withLighthouse) {
    print("Lighthouse 12.2.3, mobile (production build, seeded local stack)", await lighthouseTable());
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await appBench({ lighthouse: !process.argv.includes("--no-lighthouse") });
}
