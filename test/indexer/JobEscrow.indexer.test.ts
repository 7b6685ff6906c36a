import { expect } from "chai";
import { getAddress, getContract, parseUnits, zeroAddress } from "viem";
import type { Address, Hash } from "viem";
import { chainAt, clientsFor } from "../../scripts/lib/clients.js";
import { localAccount, localArbiter } from "../../scripts/lib/local-accounts.js";
import { contractOf } from "../../scripts/lib/manifest.js";
import { stopAllServices } from "../../scripts/lib/processes.js";
import { DEMO_DISPUTE_PROVIDER_BPS } from "../../scripts/lib/seed-marketplace.js";
import { revertData } from "../support/errors.js";
import { rng, seedFromEnv } from "../support/random.js";
import {
  eventually,
  expectAccountsMatchChain,
  graphql,
  INDEXER_DATABASES,
  startIndexedChain,
} from "../support/stack.js";

/** IJobEscrow's JobStatus and MilestoneStatus, as the indexer names them. */
const JOB_STATUS = ["none", "open", "assigned", "completed", "cancelled"] as const;
const MILESTONE_STATUS = [
  "pending",
  "submitted",
  "disputed",
  "released",
  "refunded",
  "resolved",
  "cancelled",
] as const;

interface IndexedJob {
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

const JOBS_QUERY = `
  {
    jobs(limit: 1000, orderBy: "id") {
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
        milestones(orderBy: "index") {
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

for (const database of INDEXER_DATABASES) {
  describe(`indexer › JobEscrow (real chain, real Ponder on ${database.name})`, function () {
    let stack: Awaited<ReturnType<typeof startIndexedChain>>;

    before(async function () {
      stack = await startIndexedChain({ database });
    });
    after(async function () {
      await stopAllServices();
    });

    const escrowRead = () =>
      getContract({ ...contractOf(stack.manifest, "JobEscrow"), client: stack.publicClient });

    /**
     * Every indexed job and milestone equals `jobOf` / `milestoneOf`; the escrow's AZR balance
     * equals the indexed sum of unsettled milestones; every job's money adds up.
     */
    async function expectJobsMatchChain(label: string) {
      const escrow = escrowRead();
      const token = getContract({ ...contractOf(stack.manifest, "AzoraToken"), client: stack.publicClient });
      const { jobs } = await graphql<{ jobs: { items: IndexedJob[] } }>(stack.indexer.url, JOBS_QUERY);
      expect(jobs.items.length, `${label}: job count`).to.equal(Number(await escrow.read.jobCount()));
      let unsettled = 0n;
      for (const row of jobs.items) {
        const id = BigInt(row.id);
        const onChain = await escrow.read.jobOf([id]);
        expect(row.status, `${label}: job ${id} status`).to.equal(JOB_STATUS[onChain.status]);
        expect(getAddress(row.client), `${label}: job ${id} client`).to.equal(onChain.client);
        expect(
          row.provider ? getAddress(row.provider) : zeroAddress,
          `${label}: job ${id} provider`,
        ).to.equal(onChain.provider);
        expect(BigInt(row.deadline), `${label}: job ${id} deadline`).to.equal(BigInt(onChain.deadline));
        expect(row.milestones.items.length, `${label}: job ${id} milestones`).to.equal(
          onChain.milestoneCount,
        );
        let settledAmount = 0n;
        for (const m of row.milestones.items) {
          const chainMilestone = await escrow.read.milestoneOf([id, BigInt(m.index)]);
          const where = `${label}: job ${id} milestone ${m.index}`;
          expect(m.status, where).to.equal(MILESTONE_STATUS[chainMilestone.status]);
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

    it("indexes the seeded jobs: open with applicants, in progress, completed and rated, a resolved dispute", async function () {
      await eventually(() => expectJobsMatchChain("after seed"));
      const { jobs, disputes, ratings } = await graphql<{
        jobs: { items: IndexedJob[] };
        disputes: { items: { jobId: string; resolved: boolean; providerBps: number; arbiter: string }[] };
        ratings: { items: { jobId: string; score: number; ratee: string }[] };
      }>(
        stack.indexer.url,
        `
          {
            jobs(orderBy: "id") {
              items {
                id
                status
                applicationCount
                client
                provider
                paidToProvider
                paidToCitadel
                refunded
                total
                deadline
                milestones {
                  items {
                    index
                    amount
                    status
                    reviewEndsAt
                  }
                }
              }
            }
            disputes {
              items {
                jobId
                resolved
                providerBps
                arbiter
              }
            }
            ratings {
              items {
                jobId
                score
                ratee
              }
            }
          }
        `,
      );
      expect(jobs.items.map((j) => j.status)).to.deep.equal(["completed", "completed", "assigned", "open"]);
      expect(jobs.items[3]!.applicationCount).to.equal(2);
      expect(disputes.items).to.deep.equal([
        {
          jobId: jobs.items[1]!.id,
          resolved: true,
          providerBps: DEMO_DISPUTE_PROVIDER_BPS,
          arbiter: localArbiter().address.toLowerCase(),
        },
      ]);
      expect(ratings.items.map((r) => r.score)).to.deep.equal([5, 5]);
    });

    it("stays equal to the contract through a random marketplace scenario", async function () {
      const chain = await chainAt(stack.chain.rpcUrl);
      const escrowAt = contractOf(stack.manifest, "JobEscrow");
      const tokenAt = contractOf(stack.manifest, "AzoraToken");
      const as = (index: number) => {
        const { walletClient } = clientsFor(chain, localAccount(index));
        return {
          escrow: getContract({ ...escrowAt, client: walletClient }),
          token: getContract({ ...tokenAt, client: walletClient }),
          address: walletClient.account.address,
        };
      };
      const arbiter = getContract({ ...escrowAt, client: clientsFor(chain, localArbiter()).walletClient });
      const people = [1, 2, 3, 4];
      const r = rng(seedFromEnv());
      const label = `SEED=${r.seed}`;
      const send = async (hash: Promise<Hash>) => {
        const receipt = await stack.publicClient.waitForTransactionReceipt({ hash: await hash });
        expect(receipt.status, label).to.equal("success");
      };
      /** Sends a call that may be refused by the rules: a refusal is simply skipped. */
      const attempt = async (call: () => Promise<Hash>) => {
        try {
          await send(call());
        } catch (error) {
          // Refused by a rule (viem estimates gas first, so nothing is mined): the scenario moves
          // on. Anything else is a failure.
          if (!revertData(error)) throw error;
        }
      };
      const passTime = async (seconds: number) => {
        await stack.publicClient.request({ method: "evm_increaseTime" as never, params: [seconds] as never });
        await stack.publicClient.request({ method: "evm_mine" as never, params: [] as never });
      };

      const posted: { jobId: bigint; client: number; milestones: number }[] = [];
      for (let step = 0; step < 120; step++) {
        const roll = r.int(100);
        const who = r.pick(people);
        const target = posted.length > 0 ? r.pick(posted) : undefined;
        const index = target ? BigInt(r.int(target.milestones)) : 0n;
        if (roll < 15 || !target) {
          const amounts = Array.from({ length: 1 + r.int(3) }, () => parseUnits(String(1 + r.int(90)), 18));
          const { timestamp } = await stack.publicClient.getBlock();
          const deadline = Number(timestamp) + (1 + r.int(10)) * 86_400;
          await send(as(who).token.write.approve([escrowAt.address, amounts.reduce((a, b) => a + b, 0n)]));
          await send(as(who).escrow.write.postJob(["bafkreiscenariobrief", amounts, deadline]));
          posted.push({ jobId: await escrowRead().read.jobCount(), client: who, milestones: amounts.length });
        } else if (roll < 30) {
          await attempt(() => as(who).escrow.write.applyForJob([target.jobId, `bafkreiproposal${step}`]));
        } else if (roll < 40) {
          const provider = r.pick(people.filter((p) => p !== target.client));
          await attempt(() =>
            as(target.client).escrow.write.assign([target.jobId, as(provider).address as Address]),
          );
        } else if (roll < 45) {
          await attempt(() => as(target.client).escrow.write.cancel([target.jobId]));
        } else if (roll < 60) {
          await attempt(() =>
            as(who).escrow.write.submitMilestone([target.jobId, index, `bafkreideliv${step}`]),
          );
        } else if (roll < 70) {
          await attempt(() => as(target.client).escrow.write.approveMilestone([target.jobId, index]));
        } else if (roll < 74) {
          await attempt(() => as(who).escrow.write.releaseAfterReview([target.jobId, index]));
        } else if (roll < 78) {
          await attempt(() => as(target.client).escrow.write.refundExpired([target.jobId]));
        } else if (roll < 84) {
          await attempt(() => as(who).escrow.write.dispute([target.jobId, index, ""]));
        } else if (roll < 89) {
          const bps = r.pick([0, 10_000, r.int(10_001)]);
          await attempt(() => arbiter.write.resolveDispute([target.jobId, index, bps, "bafkreiruling"]));
        } else if (roll < 94) {
          await attempt(() => as(who).escrow.write.rate([target.jobId, 1 + r.int(5), ""]));
        } else {
          await passTime(r.int(4) === 0 ? 8 * 86_400 : r.int(86_400));
        }
      }
      await eventually(() => expectJobsMatchChain(`after a random scenario (${label})`));
      await eventually(() =>
        expectAccountsMatchChain(stack.indexer.url, stack.manifest, stack.publicClient, label),
      );
    });

    it("adds up each day's stats to the chain's totals: AZR mined, claims, jobs, volume, the CitadelFund's balance", async function () {
      const escrow = escrowRead();
      const pok = getContract({
        ...contractOf(stack.manifest, "ProofOfKnowledge"),
        client: stack.publicClient,
      });
      const token = getContract({ ...contractOf(stack.manifest, "AzoraToken"), client: stack.publicClient });
      const toBlock = await stack.publicClient.getBlockNumber();
      const [claimed, posted, released, resolved] = await Promise.all([
        pok.getEvents.Claimed({}, { fromBlock: 0n, toBlock }),
        escrow.getEvents.JobPosted({}, { fromBlock: 0n, toBlock }),
        escrow.getEvents.MilestoneReleased({}, { fromBlock: 0n, toBlock }),
        escrow.getEvents.DisputeResolved({}, { fromBlock: 0n, toBlock }),
      ]);
      const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
      await eventually(async () => {
        const { dailyStats } = await graphql<{
          dailyStats: {
            items: {
              date: string;
              azrMined: string;
              claims: number;
              jobsPosted: number;
              jobVolume: string;
              escrowReleased: string;
              citadelBalance: string;
            }[];
          };
        }>(
          stack.indexer.url,
          `
            {
              dailyStats(orderBy: "day", limit: 1000) {
                items {
                  date
                  azrMined
                  claims
                  jobsPosted
                  jobVolume
                  escrowReleased
                  citadelBalance
                }
              }
            }
          `,
        );
        const days = dailyStats.items;
        expect(days.length).to.be.greaterThan(0);
        expect(days.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.date))).to.equal(true);
        expect(sum(days.map((d) => BigInt(d.azrMined)))).to.equal(sum(claimed.map((e) => e.args.reward!)));
        expect(days.reduce((n, d) => n + d.claims, 0)).to.equal(claimed.length);
        expect(days.reduce((n, d) => n + d.jobsPosted, 0)).to.equal(posted.length);
        expect(sum(days.map((d) => BigInt(d.jobVolume)))).to.equal(sum(posted.map((e) => e.args.total!)));
        expect(sum(days.map((d) => BigInt(d.escrowReleased)))).to.equal(
          sum([
            ...released.map((e) => e.args.amount!),
            ...resolved.map((e) => e.args.providerShare! + e.args.citadelShare!),
          ]),
        );
        const fund = contractOf(stack.manifest, "CitadelFund").address;
        expect(BigInt(days.at(-1)!.citadelBalance)).to.equal(await token.read.balanceOf([fund]));
      });
    });

    it("counts each account's completed jobs and ratings received, from the events", async function () {
      const escrow = escrowRead();
      const toBlock = await stack.publicClient.getBlockNumber();
      const [completed, rated] = await Promise.all([
        escrow.getEvents.JobCompleted({}, { fromBlock: 0n, toBlock }),
        escrow.getEvents.Rated({}, { fromBlock: 0n, toBlock }),
      ]);
      const expected = new Map<
        string,
        { asClient: number; asProvider: number; count: number; sum: number }
      >();
      const entry = (who: string) => {
        const key = who.toLowerCase();
        if (!expected.has(key)) expected.set(key, { asClient: 0, asProvider: 0, count: 0, sum: 0 });
        return expected.get(key)!;
      };
      for (const event of completed) {
        const job = await escrow.read.jobOf([event.args.jobId!]);
        entry(job.client).asClient++;
        entry(job.provider).asProvider++;
      }
      for (const event of rated) {
        const e = entry(event.args.ratee!);
        e.count++;
        e.sum += event.args.score!;
      }
      expect(completed.length).to.be.at.least(2);
      const { accounts } = await graphql<{
        accounts: {
          items: {
            address: string;
            jobsAsClient: number;
            jobsAsProvider: number;
            ratingCount: number;
            ratingSum: number;
          }[];
        };
      }>(
        stack.indexer.url,
        `
          {
            accounts(limit: 1000) {
              items {
                address
                jobsAsClient
                jobsAsProvider
                ratingCount
                ratingSum
              }
            }
          }
        `,
      );
      for (const row of accounts.items) {
        const want = expected.get(row.address.toLowerCase()) ?? {
          asClient: 0,
          asProvider: 0,
          count: 0,
          sum: 0,
        };
        expect(
          [row.jobsAsClient, row.jobsAsProvider, row.ratingCount, row.ratingSum],
          `account ${row.address}`,
        ).to.deep.equal([want.asClient, want.asProvider, want.count, want.sum]);
      }
    });
  });
}
