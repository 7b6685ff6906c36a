import { expect } from "chai";
import { createPublicClient, getAddress, getContract, http, zeroAddress } from "viem";
import type { PublicClient } from "viem";
import type { Manifest } from "../../scripts/lib/manifest.js";
import { contractOf } from "../../scripts/lib/manifest.js";
import { freePort } from "../../scripts/lib/processes.js";
import { deployLocal, startChain, startIndexer } from "../../scripts/lib/stack.js";

/** A database the indexer tests run on: `url` for PostgreSQL, none for embedded PGlite. */
export interface IndexerDatabase {
  name: "PGlite" | "PostgreSQL";
  url: string | null;
}

/**
 * The databases every indexer test runs on: PGlite always, and PostgreSQL as well when
 * `DATABASE_URL` is set (`.ci/run` starts one).
 */
export const INDEXER_DATABASES: readonly IndexerDatabase[] = [
  { name: "PGlite", url: null },
  ...(process.env.DATABASE_URL ? [{ name: "PostgreSQL" as const, url: process.env.DATABASE_URL }] : []),
];

/**
 * A real local chain and a real Ponder on free ports, deployed and seeded with the same code
 * as `npm run dev`, the index in `database` (by default PostgreSQL when `DATABASE_URL` is set,
 * else PGlite). Stop them with `stopAllServices()` (by process group) in an `after` hook.
 * `governance: false` stops before the handover (and the governance seed), for tests that act as
 * the deployer's curator.
 */
export async function startIndexedChain({
  database,
  governance = true,
}: { database?: IndexerDatabase; governance?: boolean } = {}) {
  const chain = await startChain(await freePort());
  const manifest = await deployLocal(chain.rpcUrl, { seed: true, governance });
  // No block-number cache: tests compare the index with the chain as it is now.
  const publicClient: PublicClient = createPublicClient({ transport: http(chain.rpcUrl), cacheTime: 0 });
  const indexer = await startIndexer({
    rpcUrl: chain.rpcUrl,
    port: await freePort(),
    ...(database ? { databaseUrl: database.url } : {}),
  });
  return { chain, manifest, publicClient, indexer };
}

/** POSTs a GraphQL query to the indexer and returns `data`, throwing on GraphQL errors. */
export async function graphql<T>(indexerUrl: string, query: string, variables: object = {}): Promise<T> {
  const response = await fetch(`${indexerUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) {
    throw new Error(`GraphQL error: ${body.errors?.map((e) => e.message).join("; ") ?? response.status}`);
  }
  return body.data;
}

/**
 * Retries `check` until it stops throwing or `timeoutMs` passes, then rethrows its last error.
 * The indexer follows the chain asynchronously: assertions on it must wait for it to catch up.
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

interface IndexedAccount {
  address: string;
  balance: string;
  votes: string;
  delegate: string | null;
}

/**
 * Every indexed account's AZR balance, votes and delegate equal `balanceOf`, `getVotes` and
 * `delegates` on chain, and the indexed balances add up to `totalSupply`.
 */
export async function expectAccountsMatchChain(
  indexerUrl: string,
  manifest: Manifest,
  publicClient: PublicClient,
  label: string,
): Promise<void> {
  const token = getContract({ ...contractOf(manifest, "AzoraToken"), client: publicClient });
  const { accounts } = await graphql<{ accounts: { items: IndexedAccount[] } }>(
    indexerUrl,
    `
      {
        accounts(limit: 1000) {
          items {
            address
            balance
            votes
            delegate
          }
        }
      }
    `,
  );
  expect(accounts.items.length, label).to.be.greaterThan(0);
  for (const row of accounts.items) {
    const who = getAddress(row.address);
    const [balance, votes, delegate] = await Promise.all([
      token.read.balanceOf([who]),
      token.read.getVotes([who]),
      token.read.delegates([who]),
    ]);
    expect(BigInt(row.balance), `${label}: balance of ${who}`).to.equal(balance);
    expect(BigInt(row.votes), `${label}: votes of ${who}`).to.equal(votes);
    expect(row.delegate ? getAddress(row.delegate) : zeroAddress, `${label}: delegate of ${who}`).to.equal(
      delegate,
    );
  }
  const supply = accounts.items.reduce((sum, row) => sum + BigInt(row.balance), 0n);
  expect(supply, `${label}: indexed balances add up to totalSupply`).to.equal(await token.read.totalSupply());
}
