// npm run indexer:replicas — the indexer past one process: one `ponder start` indexing the chain at
// RPC_URL into the PostgreSQL at DATABASE_URL, and REPLICAS (default 2) `ponder serve` API processes
// reading the same schema, each serving GraphQL and the verifier routes. Put any HTTP load balancer
// in front of the replicas. Ctrl-C stops every process it started. (`npm run dev` stays one
// process on PGlite.)
import { LOCAL_CHAIN_ID, rpcUrlFromEnv } from "../../protocol/chain";
import { manifest } from "../../deployments/index";
import { superviseServices } from "./processes";
import { startApiReplica, startIndexer } from "./stack";

function numberFromEnv(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${name} must be a whole number from 1 to ${max}, not "${raw}"`);
  }
  return value;
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(
    "Set DATABASE_URL to a PostgreSQL database (postgresql://user@host:5432/db): the replicas share it.",
  );
  process.exit(1);
}
const replicaCount = numberFromEnv("REPLICAS", 2, 32);
const firstPort = numberFromEnv("INDEXER_PORT", 42069, 65_535 - replicaCount);
const local = manifest.chainId === LOCAL_CHAIN_ID;
// A local chain is new at every start, so is its index; a real chain keeps its schema (restarts resume).
const schema = process.env.DATABASE_SCHEMA ?? (local ? `azora_${Date.now()}` : "azora");
const rpcUrl = rpcUrlFromEnv();

const { shutdown, watch } = superviseServices("the indexer and its replicas");

try {
  console.log(`Indexing chain ${manifest.chainId} at ${rpcUrl} into schema "${schema}"…`);
  const indexer = await startIndexer({
    rpcUrl,
    port: firstPort,
    databaseUrl,
    schema,
    // Ponder's RPC cache is dropped only for a local chain (see clearPonderSyncCache).
    clearSyncCache: local,
  });
  watch(indexer.service);
  const replicas = [];
  for (let n = 1; n <= replicaCount; n++) {
    const replica = await startApiReplica({
      name: `api-${n}`,
      rpcUrl,
      port: firstPort + n,
      databaseUrl,
      schema,
    });
    watch(replica.service);
    replicas.push(replica);
  }
  console.log(`
The indexer and ${replicaCount} API replicas are running (chain ${manifest.chainId}, schema "${schema}"):
  indexer   ${indexer.url}  (ponder start: indexes, and serves too)
${replicas.map((r, i) => `  api-${i + 1}     ${r.url}/graphql  (ponder serve)`).join("\n")}

Press Ctrl-C to stop them.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
