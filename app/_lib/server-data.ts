import "server-only";
import { createPublicClient, http } from "viem";
import type { Address, PublicClient } from "viem";
import { manifest } from "@/deployments/manifest";
import { chainErrorKind } from "./errors";
import { IndexerError, queryIndexer } from "./graphql";
import {
  ACCOUNT_ACTIVITY_QUERY,
  HISTORY_LIMIT,
  HOLDERS_LIMIT,
  HOLDERS_QUERY,
  parseAccountActivity,
  parseHolders,
} from "./indexer";
import type { AccountActivity, AccountActivityResponse, Holders, HoldersResponse } from "./indexer";
import { serverUrls } from "./server-config";

/** A read that may fail; `kind` picks the sentence (`errors.chain.*`, `errors.indexer.*`). */
export type Result<T> = { ok: true; data: T } | { ok: false; source: "chain" | "indexer"; kind: string };

let client: PublicClient | undefined;

/** The server's client for the chain at RPC_URL (which may carry a key: it never leaves the server). */
export function serverPublicClient(): PublicClient {
  client ??= createPublicClient({ transport: http(serverUrls().rpcUrl, { batch: true, timeout: 8_000 }) });
  return client;
}

/** One GraphQL query to the indexer at INDEXER_URL, never cached (pages show the chain as it is). */
export async function indexerQuery<T>(query: string, variables: Record<string, unknown>): Promise<Result<T>> {
  try {
    return { ok: true, data: await queryIndexer<T>(serverUrls().indexerUrl, query, variables) };
  } catch (error) {
    return { ok: false, source: "indexer", kind: error instanceof IndexerError ? error.kind : "failed" };
  }
}

export interface ChainAccount {
  balance: bigint;
  votes: bigint;
  delegate: Address;
}

/** An account's AZR balance, voting power and delegate, read from the chain (not the indexer). */
export async function chainAccount(account: Address): Promise<Result<ChainAccount>> {
  const token = {
    address: manifest.contracts.AzoraToken.address,
    abi: manifest.contracts.AzoraToken.abi,
  } as const;
  const publicClient = serverPublicClient();
  try {
    const [balance, votes, delegate] = await Promise.all([
      publicClient.readContract({ ...token, functionName: "balanceOf", args: [account] }),
      publicClient.readContract({ ...token, functionName: "getVotes", args: [account] }),
      publicClient.readContract({ ...token, functionName: "delegates", args: [account] }),
    ]);
    return { ok: true, data: { balance, votes, delegate } };
  } catch (error) {
    return { ok: false, source: "chain", kind: chainErrorKind(error) };
  }
}

export async function accountActivity(address: Address): Promise<Result<AccountActivity>> {
  const result = await indexerQuery<AccountActivityResponse>(ACCOUNT_ACTIVITY_QUERY, {
    address: address.toLowerCase(),
    limit: HISTORY_LIMIT,
  });
  return result.ok ? { ok: true, data: parseAccountActivity(result.data) } : result;
}

export async function holders(): Promise<Result<Holders>> {
  const result = await indexerQuery<HoldersResponse>(HOLDERS_QUERY, { limit: HOLDERS_LIMIT });
  return result.ok ? { ok: true, data: parseHolders(result.data) } : result;
}
