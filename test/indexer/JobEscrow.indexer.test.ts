import { expect } from "chai";
import { getContract, parseUnits } from "viem";
import type { Address, Hash } from "viem";
import { chainAt, clientsFor } from "../../scripts/deploy/clients";
import { signCompletion } from "../../protocol/eip712";
import { localAccount, localArbiter, localRelayer, localVerifier } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import { stopAllServices } from "../../scripts/stack/processes";
import { advanceTime } from "../../scripts/seed/governance";
import { DEMO_DISPUTE_PROVIDER_BPS } from "../../scripts/seed/marketplace";
import { learnerAddress } from "../support/accounts";
import { revertData } from "../support/errors";
import { rng, seedFromEnv } from "../support/random";
import type { IndexedJob } from "../support/stack";
import {
  eventually,
  expectAccountsMatchChain,
  expectJobsMatchChain,
  graphql,
  INDEXER_DATABASES,
  startIndexedChain,
} from "../support/stack";

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

    it("indexes the seeded jobs: open with applicants, in progress, completed and rated, a resolved dispute", async function () {
      await eventually(() =>
        expectJobsMatchChain(stack.indexer.url, stack.manifest, stack.publicClient, "after seed"),
      );
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

    it("stays equal to every contract through one long random scenario across all of them", async function () {
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
      const pokAt = contractOf(stack.manifest, "ProofOfKnowledge");
      const credentialAt = contractOf(stack.manifest, "AzoraCredential");
      const fundAt = contractOf(stack.manifest, "CitadelFund");
      const governorAt = contractOf(stack.manifest, "AzoraGovernor");
      const verifier = clientsFor(chain, localVerifier()).walletClient;
      const relayer = getContract({ ...pokAt, client: clientsFor(chain, localRelayer()).walletClient });
      const issuer = getContract({ ...credentialAt, client: verifier });
      const claimed: bigint[] = [];
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

      const posted: { jobId: bigint; client: number; milestones: number }[] = [];
      const created = await getContract({
        ...governorAt,
        client: stack.publicClient,
      }).getEvents.ProposalCreated({
        fromBlock: 0n,
        toBlock: await stack.publicClient.getBlockNumber(),
      });
      // The seed's last proposal is the one left open for voting.
      const seededOpenProposal = created.at(-1)!.args.proposalId!;
      // First, the two dispute exits without an arbiter, and a job that paid nothing: two
      // milestones disputed, one settled by both parties' offers, one by default after the window;
      // then a job whose only milestone is refunded after its deadline.
      {
        const [client, provider] = [as(1), as(2)];
        const amounts = [parseUnits("40", 18), parseUnits("60", 18)];
        const { timestamp } = await stack.publicClient.getBlock();
        await send(client.token.write.approve([escrowAt.address, parseUnits("110", 18)]));
        await send(client.escrow.write.postJob(["bafkreiexits", amounts, Number(timestamp) + 10 * 86_400]));
        const disputed = await escrowRead().read.jobCount();
        await send(
          client.escrow.write.postJob([
            "bafkreiunpaid",
            [parseUnits("10", 18)],
            Number(timestamp) + 3 * 86_400,
          ]),
        );
        const unpaid = await escrowRead().read.jobCount();
        for (const jobId of [disputed, unpaid]) {
          await send(provider.escrow.write.applyForJob([jobId, "bafkreiproposal"]));
          await send(client.escrow.write.assign([jobId, provider.address as Address]));
        }
        for (const index of [0n, 1n]) {
          await send(provider.escrow.write.submitMilestone([disputed, index, "bafkreideliv"]));
          await send(client.escrow.write.dispute([disputed, index, ""]));
        }
        await send(client.escrow.write.offerSettlement([disputed, 0n, 2_500]));
        await send(provider.escrow.write.offerSettlement([disputed, 0n, 2_500]));
        await advanceTime(stack.publicClient, 31 * 86_400);
        await send(as(3).escrow.write.settleAfterDisputeWindow([disputed, 1n]));
        await send(client.escrow.write.refundExpired([unpaid]));
        expect((await escrowRead().read.jobOf([unpaid])).status, label).to.equal(5); // Refunded
      }
      for (let step = 0; step < 200; step++) {
        const roll = r.int(100);
        const who = r.pick(people);
        const other = r.pick(people);
        const target = posted.length > 0 ? r.pick(posted) : undefined;
        const index = target ? BigInt(r.int(target.milestones)) : 0n;
        if (roll < 10 || !target) {
          // the marketplace (JobEscrow)
          const amounts = Array.from({ length: 1 + r.int(3) }, () => parseUnits(String(1 + r.int(90)), 18));
          const { timestamp } = await stack.publicClient.getBlock();
          const deadline = Number(timestamp) + (2 + r.int(10)) * 86_400;
          await send(as(who).token.write.approve([escrowAt.address, amounts.reduce((a, b) => a + b, 0n)]));
          await send(as(who).escrow.write.postJob(["bafkreiscenariobrief", amounts, deadline]));
          posted.push({ jobId: await escrowRead().read.jobCount(), client: who, milestones: amounts.length });
        } else if (roll < 20) {
          await attempt(() => as(who).escrow.write.applyForJob([target.jobId, `bafkreiproposal${step}`]));
        } else if (roll < 27) {
          const provider = r.pick(people.filter((p) => p !== target.client));
          await attempt(() =>
            as(target.client).escrow.write.assign([target.jobId, as(provider).address as Address]),
          );
        } else if (roll < 30) {
          await attempt(() => as(target.client).escrow.write.cancel([target.jobId]));
        } else if (roll < 40) {
          await attempt(() =>
            as(who).escrow.write.submitMilestone([target.jobId, index, `bafkreideliv${step}`]),
          );
        } else if (roll < 47) {
          await attempt(() => as(target.client).escrow.write.approveMilestone([target.jobId, index]));
        } else if (roll < 50) {
          await attempt(() => as(who).escrow.write.releaseAfterReview([target.jobId, index]));
        } else if (roll < 53) {
          await attempt(() => as(target.client).escrow.write.refundExpired([target.jobId]));
        } else if (roll < 57) {
          await attempt(() => as(who).escrow.write.dispute([target.jobId, index, ""]));
        } else if (roll < 61) {
          // a dispute ends: an arbiter rules, both parties offer the same split, or the window passed
          const bps = r.pick([0, 10_000, r.int(10_001)]);
          const exit = r.int(3);
          if (exit === 0)
            await attempt(() => arbiter.write.resolveDispute([target.jobId, index, bps, "bafkreiruling"]));
          else if (exit === 1) {
            const provider = (await escrowRead().read.jobOf([target.jobId])).provider;
            const party = people.find((p) => as(p).address === provider);
            await attempt(() => as(target.client).escrow.write.offerSettlement([target.jobId, index, bps]));
            if (party)
              await attempt(() => as(party).escrow.write.offerSettlement([target.jobId, index, bps]));
          } else await attempt(() => as(who).escrow.write.settleAfterDisputeWindow([target.jobId, index]));
        } else if (roll < 64) {
          await attempt(() => as(who).escrow.write.rate([target.jobId, 1 + r.int(5), ""]));
        } else if (roll < 72) {
          // AZR: transfers and delegations
          const token = as(who).token;
          await send(
            r.int(3) === 0
              ? token.write.delegate([as(other).address as Address])
              : token.write.transfer([as(other).address as Address, parseUnits(String(1 + r.int(50)), 18)]),
          );
        } else if (roll < 80) {
          // mining: a new learner passes a seeded course; the relayer submits the voucher
          const { timestamp } = await stack.publicClient.getBlock();
          const completion = {
            learner: learnerAddress(`scenario ${r.seed} ${step}`),
            courseId: BigInt(1 + r.int(3)),
            score: 7_000 + r.int(3_001),
            deadline: timestamp + 3_600n,
          };
          const signature = await signCompletion(verifier, pokAt.address, completion);
          await send(relayer.write.claim([completion, signature]));
          claimed.push((BigInt(completion.learner) << 96n) | completion.courseId);
        } else if (roll < 83) {
          // the issuer revokes a credential it issued
          if (claimed.length > 0) await attempt(() => issuer.write.revoke([r.pick(claimed), "scenario"]));
        } else if (roll < 86) {
          // a donation to the CitadelFund
          const amount = parseUnits(String(1 + r.int(20)), 18);
          const donor = clientsFor(chain, localAccount(who)).walletClient;
          await send(as(who).token.write.approve([fundAt.address, amount]));
          await send(getContract({ ...fundAt, client: donor }).write.donate([tokenAt.address, amount]));
        } else if (roll < 89) {
          // a vote on the seeded open proposal (refused once voted, or once the vote has closed)
          const voter = clientsFor(chain, localAccount(who)).walletClient;
          const governor = getContract({ ...governorAt, client: voter });
          await attempt(() => governor.write.castVote([seededOpenProposal, r.int(3)]));
        } else {
          await advanceTime(
            stack.publicClient,
            r.int(12) === 0 ? 31 * 86_400 : r.int(4) === 0 ? 8 * 86_400 : r.int(86_400),
          );
        }
      }
      await eventually(() =>
        expectJobsMatchChain(
          stack.indexer.url,
          stack.manifest,
          stack.publicClient,
          `after a random scenario (${label})`,
        ),
      );
      await eventually(() =>
        expectAccountsMatchChain(stack.indexer.url, stack.manifest, stack.publicClient, label),
      );
      // Credentials as isValid judges them, the CitadelFund's balance, the open proposal's tally.
      const credential = getContract({ ...credentialAt, client: stack.publicClient });
      const token = getContract({ ...tokenAt, client: stack.publicClient });
      const governor = getContract({ ...governorAt, client: stack.publicClient });
      await eventually(async () => {
        for (const id of claimed) {
          const response = await fetch(`${stack.indexer.url}/credentials/${id}`);
          const body = (await response.json()) as { validNow: boolean };
          expect(body.validNow, `${label}: credential ${id}`).to.equal(await credential.read.isValid([id]));
        }
        const citadel = (await (await fetch(`${stack.indexer.url}/citadel`)).json()) as { balance: string };
        expect(BigInt(citadel.balance), `${label}: CitadelFund`).to.equal(
          await token.read.balanceOf([fundAt.address]),
        );
        const { proposal } = await graphql<{
          proposal: { forVotes: string; againstVotes: string; abstainVotes: string };
        }>(
          stack.indexer.url,
          `
            query ($id: BigInt!) {
              proposal(id: $id) {
                forVotes
                againstVotes
                abstainVotes
              }
            }
          `,
          {
            id: seededOpenProposal.toString(),
          },
        );
        const tally = await governor.read.proposalVotes([seededOpenProposal]);
        expect(
          [proposal.againstVotes, proposal.forVotes, proposal.abstainVotes].map(BigInt),
          label,
        ).to.deep.equal([...tally]);
      });
      expect(claimed.length, `${label}: the scenario claimed something`).to.be.greaterThan(0);
    });

    it("adds up each day's stats to the chain's totals: AZR mined, claims, jobs, volume, the CitadelFund's balance", async function () {
      const escrow = escrowRead();
      const pok = getContract({
        ...contractOf(stack.manifest, "ProofOfKnowledge"),
        client: stack.publicClient,
      });
      const token = getContract({ ...contractOf(stack.manifest, "AzoraToken"), client: stack.publicClient });
      const toBlock = await stack.publicClient.getBlockNumber();
      const [claimed, posted, released, resolved, settled] = await Promise.all([
        pok.getEvents.Claimed({}, { fromBlock: 0n, toBlock }),
        escrow.getEvents.JobPosted({}, { fromBlock: 0n, toBlock }),
        escrow.getEvents.MilestoneReleased({}, { fromBlock: 0n, toBlock }),
        escrow.getEvents.DisputeResolved({}, { fromBlock: 0n, toBlock }),
        escrow.getEvents.DisputeSettled({}, { fromBlock: 0n, toBlock }),
      ]);
      expect(settled.map((e) => e.args.kind)).to.include.members([0, 1]); // agreed, and by default
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
            ...settled.map((e) => e.args.providerShare! + e.args.citadelShare!),
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
