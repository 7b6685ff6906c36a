import "server-only";
import { connection } from "next/server";

/** Where the browser reaches the chain and the indexer. */
export interface RuntimeConfig {
  rpcUrl: string;
  indexerUrl: string;
}

/**
 * Reads the public URLs from the environment at request time (never baked into the build), so
 * one build serves any chain and ports. Awaiting `connection()` makes every caller dynamic.
 */
export async function getRuntimeConfig(): Promise<RuntimeConfig> {
  await connection();
  const rpcUrl = process.env.PUBLIC_RPC_URL ?? process.env.RPC_URL ?? "http://127.0.0.1:8545";
  const indexerUrl = process.env.PUBLIC_INDEXER_URL ?? process.env.INDEXER_URL ?? "http://127.0.0.1:42069";
  return { rpcUrl, indexerUrl: indexerUrl.replace(/\/+$/, "") };
}
