import "@/app/_lib/server-side";
import { createPublicClient, http } from "viem";
import type { Address, PublicClient } from "viem";
import { manifest } from "@/deployments/index";
import { contractOf } from "@/protocol/manifest";
import { chainErrorKind } from "./errors";
import { IndexerError, queryIndexer } from "./graphql";
import { accountActivityParts, holdersParts } from "./indexer";
import type { AccountActivity, Holders } from "./indexer";
import { compose } from "./indexer-query";
import type { Parts, PartsData } from "./indexer-query";
import { serverUrls } from "./public-urls";

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
  const token = contractOf(manifest, "AzoraToken");
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

/** Reads `parts` of the indexer in one request (app/_lib/indexer-query.ts), typed from its schema. */
export async function indexerRead<P extends Parts>(parts: P): Promise<Result<PartsData<P>>> {
  const { query, variables, parse } = compose(parts);
  const result = await indexerQuery<Record<string, unknown>>(query, variables);
  return result.ok ? { ok: true, data: parse(result.data) } : result;
}

export function accountActivity(address: Address): Promise<Result<AccountActivity>> {
  return indexerRead(accountActivityParts(address));
}

export function holders(): Promise<Result<Holders>> {
  return indexerRead(holdersParts());
}
