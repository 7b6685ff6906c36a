// npm run dev — the whole stack in one command: a local chain, deploy, seed, the indexer and
// the app. Ctrl-C stops every process it started.
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT } from "./paths";
import { binOf, runToCompletion, superviseServices } from "./processes";
import { deployLocal, startApp, startChain, startIndexer } from "./stack";
import { DEMO_PEOPLE } from "../seed/learning";
import {
  LOCAL_ARBITER_INDEX,
  LOCAL_RELAYER_INDEX,
  LOCAL_VERIFIER_INDEX,
  localAccount,
  localArbiter,
  localRelayer,
  localVerifier,
} from "../../protocol/chain";
import { ensureLoopback } from "./loopback";

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const port = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${name} must be a port number between 1 and 65535, not "${raw}"`);
  }
  return port;
}

const ports = {
  chain: portFromEnv("CHAIN_PORT", 8545),
  indexer: portFromEnv("INDEXER_PORT", 42069),
  app: portFromEnv("APP_PORT", 3000),
};
const logDir = path.join(REPO_ROOT, ".azora", "logs");
await mkdir(logDir, { recursive: true });
const logFile = (name: string) => path.join(logDir, `${name}.log`);

const { shutdown, watch } = superviseServices("the Azora stack");

try {
  ensureLoopback();
  console.log("Compiling contracts…");
  await runToCompletion("build", binOf("hardhat"), ["build", "--quiet"]);

  console.log(`Starting a local chain on 127.0.0.1:${ports.chain}…`);
  const chain = await startChain(ports.chain, { logFile: logFile("chain") });
  watch(chain.service);

  console.log("Deploying and seeding…");
  const manifest = await deployLocal(chain.rpcUrl, { seed: true, appUrl: `http://127.0.0.1:${ports.app}` });

  console.log(`Starting the indexer on 127.0.0.1:${ports.indexer}…`);
  // The chain is new, so is the index: a fresh PGlite directory each run.
  const pgliteDir = path.join(REPO_ROOT, "indexer", ".ponder", "dev");
  await rm(pgliteDir, { recursive: true, force: true });
  const indexer = await startIndexer({
    rpcUrl: chain.rpcUrl,
    port: ports.indexer,
    pgliteDir,
    schema: "azora_dev",
    logFile: logFile("indexer"),
  });
  watch(indexer.service);

  console.log(`Starting the app on 127.0.0.1:${ports.app}…`);
  const app = await startApp({
    mode: "dev",
    port: ports.app,
    rpcUrl: chain.rpcUrl,
    indexerUrl: indexer.url,
    logFile: logFile("app"),
  });
  watch(app.service);

  console.log(`
Azora is running (chain ${manifest.chainId}):
  app       ${app.url}
  grader    POST ${app.url}/api/grade  (relayer: /api/relay/claim, /api/relay/delegate, /api/relay/vote)
  GraphQL   ${indexer.url}/graphql
  chain     ${chain.rpcUrl}
  manifest  deployments/${manifest.chainId}.json
  logs      .azora/logs/

Demo accounts (local node keys, public, for this chain only):
${DEMO_PEOPLE.map(({ index, name }) => `  ${name.padEnd(8)} ${localAccount(index).address}  (account #${index})`).join("\n")}
  Verifier ${localVerifier().address}  (account #${LOCAL_VERIFIER_INDEX}: signs course completions; AZORA_VERIFIER_KEY)
  Relayer  ${localRelayer().address}  (account #${LOCAL_RELAYER_INDEX}: submits claims, votes and delegations, pays their gas; AZORA_RELAYER_KEY)
  Arbiter  ${localArbiter().address}  (account #${LOCAL_ARBITER_INDEX}: resolves marketplace disputes)

Marketplace: JobEscrow ${manifest.contracts.JobEscrow?.address}: a completed and rated job, a resolved dispute,
  a job in progress and an open job with applicants.

Governance: AzoraGovernor ${manifest.contracts.AzoraGovernor?.address}, AzoraTimelock ${manifest.contracts.AzoraTimelock?.address}
  The Timelock holds every admin role and the CitadelFund; the deployer holds none.
  One proposal was executed, one defeated, and one is open for voting (vote as Amara).

Press Ctrl-C to stop everything.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
