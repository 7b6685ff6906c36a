import { expect } from "chai";
import { createPublicClient, getAddress, getContract, http, zeroAddress } from "viem";
import type { PublicClient } from "viem";
import type { Manifest } from "../../protocol/manifest";
import { contractOf } from "../../protocol/manifest";
import { enumLabel, JobStatus, MilestoneStatus } from "../../protocol/enums";
import { freePort, stopAllServices } from "../../scripts/stack/processes";
import { deployLocal, startChain, startIndexer } from "../../scripts/stack/stack";

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
 * Declares the suite `title` once for each database of `INDEXER_DATABASES`, as
 * "`title` (real chain, real Ponder on PGlite)", and so on: `suite` declares its tests for `database`.
 */
export function describeOnEveryDatabase(title: string, suite: (database: IndexerDatabase) => void): void {
  for (const database of INDEXER_DATABASES) {
    describe(`${title} (real chain, real Ponder on ${database.name})`, function () {
      suite(database);
    });
  }
}

/** A seeded local chain and its indexer, as `startIndexedChain` starts them. */
export type IndexedChain = Awaited<ReturnType<typeof startIndexedChain>>;

/**
 * In the suite that calls it: starts an indexed chain (`startIndexedChain` with `options`) before
 * its tests, and stops every process after them, even when the stack failed half-way through
 * starting. The stack it returns is filled in by that `before` hook, so tests and later hooks can
 * read it.
 */
export function useIndexedChain(options: Parameters<typeof startIndexedChain>[0] = {}): IndexedChain {
  // Empty until the hook has run: nothing reads it before (mocha runs `before` hooks first).
  const stack = {} as IndexedChain;
  before(async function () {
    Object.assign(stack, await startIndexedChain(options));
  });
  after(async function () {
    await stopAllServices();
  });
  return stack;
}

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
 * The rows of the indexer's GraphQL list `table` whose string column `field` (an address, a hash)
 * equals `value`, with the string `columns` asked for.
 */
export async function itemsWhere<Column extends string>(
  indexerUrl: string,
  table: string,
  [field, value]: [string, string],
  columns: readonly Column[],
): Promise<Record<Column, string>[]> {
  const data = await graphql<Record<string, { items: Record<Column, string>[] }>>(
    indexerUrl,
    `query ($value: String!) { ${table}(where: { ${field}: $value }) { items { ${columns.join(" ")} } } }`,
    { value },
  );
  return data[table]!.items;
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

export interface IndexedJob {
  id: string;
  client: string;
  provider: string | null;
  status: string;
  deadline: string;
  total: string;
  paidToProvider: string;
  paidToCitadel: string;
  refunded: string;
  applicationCount: number;
  milestones: { items: { index: number; amount: string; status: string; reviewEndsAt: string | null }[] };
}

// Within the indexer's 10,000-row limit per query (indexer/src/api/limits.ts): 150 jobs of up
// to 50 milestones (JobEscrow's MAX_MILESTONES_LIMIT) each.
const JOBS_QUERY = `
  {
    jobs(limit: 150, orderBy: "id") {
      items {
        id
        client
        provider
        status
        deadline
        total
        paidToProvider
        paidToCitadel
        refunded
        applicationCount
        milestones(orderBy: "index", limit: 50) {
          items {
            index
            amount
            status
            reviewEndsAt
          }
        }
      }
    }
  }
`;

/**
 * Every indexed job and milestone equals `jobOf` / `milestoneOf`; the escrow's AZR balance
 * equals the indexed sum of unsettled milestones; every job's money adds up.
 */
export async function expectJobsMatchChain(
  indexerUrl: string,
  manifest: Manifest,
  publicClient: PublicClient,
  label: string,
): Promise<void> {
  const escrow = getContract({ ...contractOf(manifest, "JobEscrow"), client: publicClient });
  const token = getContract({ ...contractOf(manifest, "AzoraToken"), client: publicClient });
  const { jobs } = await graphql<{ jobs: { items: IndexedJob[] } }>(indexerUrl, JOBS_QUERY);
  expect(jobs.items.length, `${label}: job count`).to.equal(Number(await escrow.read.jobCount()));
  let unsettled = 0n;
  for (const row of jobs.items) {
    const id = BigInt(row.id);
    const onChain = await escrow.read.jobOf([id]);
    expect(row.status, `${label}: job ${id} status`).to.equal(enumLabel(JobStatus, onChain.status));
    expect(getAddress(row.client), `${label}: job ${id} client`).to.equal(onChain.client);
    expect(row.provider ? getAddress(row.provider) : zeroAddress, `${label}: job ${id} provider`).to.equal(
      onChain.provider,
    );
    expect(BigInt(row.deadline), `${label}: job ${id} deadline`).to.equal(BigInt(onChain.deadline));
    expect(row.milestones.items.length, `${label}: job ${id} milestones`).to.equal(onChain.milestoneCount);
    let settledAmount = 0n;
    for (const m of row.milestones.items) {
      const chainMilestone = await escrow.read.milestoneOf([id, BigInt(m.index)]);
      const where = `${label}: job ${id} milestone ${m.index}`;
      expect(m.status, where).to.equal(enumLabel(MilestoneStatus, chainMilestone.status));
      expect(BigInt(m.amount), where).to.equal(chainMilestone.amount);
      expect(m.reviewEndsAt === null ? 0 : Number(m.reviewEndsAt), where).to.equal(
        chainMilestone.reviewEndsAt,
      );
      if (["pending", "submitted", "disputed"].includes(m.status)) unsettled += BigInt(m.amount);
      else settledAmount += BigInt(m.amount);
    }
    // Whatever was settled went to the provider, the CitadelFund or back to the client.
    expect(
      BigInt(row.paidToProvider) + BigInt(row.paidToCitadel) + BigInt(row.refunded),
      `${label}: job ${id} payouts`,
    ).to.equal(settledAmount);
  }
  expect(await token.read.balanceOf([escrow.address]), `${label}: escrow balance`).to.equal(unsettled);
}
