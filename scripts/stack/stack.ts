import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { chainAt, clientsFor, deployerAccount } from "../deploy/clients";
import { LOCAL_DEPLOY_CONFIG, deployAzora } from "../deploy/contracts";
import { handOverToGovernance } from "../deploy/governance";
import type { Manifest } from "../../protocol/manifest";
import { writeManifest } from "../deploy/manifest";
import { binOf, startService, waitForHttp } from "./processes";
import type { Service } from "./processes";
import { REPO_ROOT } from "./paths";
import { openDemoContentStore, proposalPublisher, publishDemoCourses } from "../seed/courses";
import { seedAzora } from "../seed/learning";
import type { SeedClients } from "../seed/learning";
import { seedGovernance } from "../seed/governance";
import { publishMarketplaceDemo, seedMarketplace } from "../seed/marketplace";

/**
 * The pieces of the Azora stack as processes: `npm run dev` and the indexer and browser tests
 * start them through these functions, so both run the same way.
 */

interface ServiceOptions {
  logFile?: string;
  echo?: boolean;
}

const rpcProbe = {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
};

/** A fresh local chain (Hardhat node, chain id 31337) on 127.0.0.1:`port`. */
export async function startChain(port: number, options: ServiceOptions = {}) {
  const service = startService(
    "chain",
    binOf("hardhat"),
    ["node", "--hostname", "127.0.0.1", "--port", String(port)],
    options,
  );
  const rpcUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(rpcUrl, service, 120_000, rpcProbe);
  return { service, rpcUrl };
}

/**
 * Deploys to `rpcUrl` with `LOCAL_DEPLOY_CONFIG`, writes the manifest, and when asked seeds the
 * demo data (`seedDemo`). Without a seed, the deployment is handed over to governance at once,
 * as `npm run deploy` does. `governance: false` skips the handover (and the governance seed) and
 * leaves the deployer its roles: for tests and the benchmark that act as curator or minter.
 * `appUrl` is where credentials link their pages (LOCAL_DEPLOY_CONFIG's by default).
 */
export async function deployLocal(
  rpcUrl: string,
  {
    seed,
    governance = true,
    appUrl = LOCAL_DEPLOY_CONFIG.publicAppUrl,
  }: { seed: boolean; governance?: boolean; appUrl?: string },
): Promise<Manifest> {
  const chain = await chainAt(rpcUrl);
  const { publicClient, walletClient } = clientsFor(chain, deployerAccount(chain));
  const manifest = await deployAzora(
    { publicClient, walletClient },
    { ...LOCAL_DEPLOY_CONFIG, publicAppUrl: appUrl },
  );
  await writeManifest(manifest);
  if (seed) await seedDemo(manifest, { publicClient, deployer: walletClient }, { governance });
  else if (governance) {
    await handOverToGovernance(manifest, { publicClient, walletClient }, LOCAL_DEPLOY_CONFIG.governance);
  }
  return manifest;
}

/**
 * The whole demo seed on a deployment whose deployer still holds its roles, with the handover
 * to governance at the one point it must come:
 *
 * 1. `seedAzora`: AZR and delegations, and the courses of `courses/` (published, registered,
 *    claimed): it needs the deployer's minter and curator roles;
 * 2. `handOverToGovernance` (unless `governance: false`): the Timelock takes every role and the
 *    CitadelFund, the deployer is left with nothing;
 * 3. `seedGovernance`: the demo proposals (one executed, one defeated, one open);
 * 4. `seedMarketplace`: the demo jobs, their documents on the same content store (no role needed;
 *    after the governance seed's clock moves, so the jobs' dates start from the seed's end).
 */
export async function seedDemo(
  manifest: Manifest,
  clients: SeedClients,
  { governance = true }: { governance?: boolean } = {},
): Promise<void> {
  // One content store for every document the seed publishes.
  const store = await openDemoContentStore();
  try {
    await seedAzora(manifest, clients, await publishDemoCourses(store));
    if (governance) {
      const { publicClient, deployer: walletClient } = clients;
      await handOverToGovernance(manifest, { publicClient, walletClient }, LOCAL_DEPLOY_CONFIG.governance);
      await seedGovernance(manifest, clients, proposalPublisher(store));
    }
    await seedMarketplace(manifest, clients, await publishMarketplaceDemo(store));
  } finally {
    await store.close();
  }
}

export interface IndexerOptions extends ServiceOptions {
  rpcUrl: string;
  port: number;
  /**
   * PostgreSQL connection string (default: `DATABASE_URL`); without one, or with `null` even
   * when `DATABASE_URL` is set, embedded PGlite in `pgliteDir` (a new temp dir by default).
   */
  databaseUrl?: string | null;
  pgliteDir?: string;
  /** Database schema Ponder writes to: a new one for each new chain. */
  schema?: string;
  /** Cap on the indexer's JSON-RPC requests per second (`PONDER_MAX_RPS`). */
  maxRequestsPerSecond?: number;
  /** Resolve once `/ready` answers (the default), or right after spawning. */
  waitUntilReady?: boolean;
}

/**
 * Drops Ponder's RPC cache (the `ponder_sync` schema) of a PostgreSQL database. Every chain this
 * module starts is a new local chain with id 31337, and Ponder's `disableCache` does not clear
 * every cached row at start: a transaction cached from an earlier chain at the same block and
 * index would shadow the new one. Ponder rebuilds the schema as it starts. One Ponder at a time
 * per database, then.
 */
async function clearPonderSyncCache(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS ponder_sync CASCADE");
  } finally {
    await client.end();
  }
}

/** Runs the Ponder CLI (`command`) from `indexer/` with the config at the repository root. */
function startPonder(
  name: string,
  command: "start" | "serve",
  options: IndexerOptions & { schema: string },
  databaseUrl: string | undefined | null,
  pgliteDir: string | undefined,
) {
  return startService(
    name,
    binOf("ponder"),
    [command, "--config", "../ponder.config.ts", "--schema", options.schema, "--port", String(options.port)],
    {
      ...options,
      cwd: path.join(REPO_ROOT, "indexer"),
      env: {
        RPC_URL: options.rpcUrl,
        PONDER_TELEMETRY_DISABLED: "1",
        PONDER_MAX_RPS: options.maxRequestsPerSecond?.toString(),
        // Set, or unset (undefined is left out of the child's environment): an inherited
        // DATABASE_URL must not turn a PGlite indexer into a PostgreSQL one.
        DATABASE_URL: databaseUrl ?? undefined,
        PONDER_PGLITE_DIR: databaseUrl ? undefined : pgliteDir,
      },
    },
  );
}

/** Ponder (`ponder start`) indexing the chain at `rpcUrl`, serving on 127.0.0.1:`port`. */
export async function startIndexer(options: IndexerOptions & { clearSyncCache?: boolean }) {
  const databaseUrl = options.databaseUrl === undefined ? process.env.DATABASE_URL : options.databaseUrl;
  const pgliteDir = databaseUrl
    ? undefined
    : (options.pgliteDir ?? (await mkdtemp(path.join(tmpdir(), "azora-pglite-"))));
  const schema = options.schema ?? `azora_${Date.now()}`;
  if (databaseUrl && options.clearSyncCache !== false) await clearPonderSyncCache(databaseUrl);
  const service = startPonder("indexer", "start", { ...options, schema }, databaseUrl, pgliteDir);
  const url = `http://127.0.0.1:${options.port}`;
  if (options.waitUntilReady !== false) await waitForHttp(`${url}/ready`, service, 180_000);
  return { service, url, pgliteDir, schema };
}

/**
 * An API replica (`ponder serve`): GraphQL and the REST routes over the tables that a
 * `ponder start` on the same PostgreSQL `databaseUrl` and `schema` writes; it indexes nothing.
 * Resolves once it answers `/ready` (the indexer has finished its backfill).
 */
export async function startApiReplica(
  options: ServiceOptions & {
    rpcUrl: string;
    port: number;
    databaseUrl: string;
    schema: string;
    name?: string;
  },
) {
  const service = startPonder(options.name ?? "api", "serve", options, options.databaseUrl, undefined);
  const url = `http://127.0.0.1:${options.port}`;
  await waitForHttp(`${url}/ready`, service, 180_000);
  return { service, url };
}

export interface AppOptions extends ServiceOptions {
  port: number;
  rpcUrl: string;
  indexerUrl: string;
  /** `dev` for hot reload, `start` for a production build made by `next build`. */
  mode: "dev" | "start";
  /** More environment for the app (the grader's data dir and limits, say). */
  env?: Record<string, string>;
}

/** The Next.js app on 127.0.0.1:`port`, pointed at the given chain and indexer at run time. */
export async function startApp(options: AppOptions): Promise<{ service: Service; url: string }> {
  const service = startService(
    "app",
    binOf("next"),
    [options.mode, "--hostname", "127.0.0.1", "--port", String(options.port)],
    {
      ...options,
      env: {
        RPC_URL: options.rpcUrl,
        INDEXER_URL: options.indexerUrl,
        NEXT_TELEMETRY_DISABLED: "1",
        ...options.env,
      },
    },
  );
  const url = `http://127.0.0.1:${options.port}`;
  await waitForHttp(url, service, 300_000);
  return { service, url };
}
