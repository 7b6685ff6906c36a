import { expect } from "chai";
import { getAddress } from "viem";
import type { Address, Hash } from "viem";
import { signPermit, signCompletion } from "../../protocol/eip712";
import { revertName } from "../support/errors";
import { AZR, marketplace, networkHelpers } from "../support/fixture";
import type { Signer } from "../support/fixture";
import { rng, seedFromEnv } from "../support/random";
import { learnerAddress } from "../support/accounts";

const { loadFixture, time } = networkHelpers;

const DAY = 24 * 60 * 60;
/** Random steps per run; `ESCROW_STEPS=<n> npm test` runs more. */
const STEPS = Number(process.env.ESCROW_STEPS ?? 10_000);
const DISPUTE_WINDOW = 30 * DAY;

type MilestoneState =
  "Pending" | "Submitted" | "Disputed" | "Released" | "Refunded" | "Resolved" | "Cancelled";
const UNSETTLED: ReadonlySet<MilestoneState> = new Set(["Pending", "Submitted", "Disputed"]);
const MILESTONE_STATUS: readonly MilestoneState[] = [
  "Pending",
  "Submitted",
  "Disputed",
  "Released",
  "Refunded",
  "Resolved",
  "Cancelled",
];
const JOB_STATUS = ["None", "Open", "Assigned", "Completed", "Cancelled", "Refunded"] as const;

interface ModelJob {
  id: bigint;
  client: Signer;
  provider?: Signer;
  status: (typeof JOB_STATUS)[number];
  deadline: number;
  /** Whether a milestone paid the provider: then the job ends Completed, else Refunded. */
  paid: boolean;
  milestones: {
    amount: bigint;
    status: MilestoneState;
    reviewEndsAt: number;
    disputeEndsAt: number;
    offers: { client?: number; provider?: number };
  }[];
  applicants: Set<Address>;
  rated: Set<Address>;
}

/** The rules' outcome of an action: refused, or these AZR movements (positive = received). */
type Outcome = { refused: true } | { refused: false; moves: Map<Address, bigint> };

const refused: Outcome = { refused: true };

/**
 * The actions of a step, by the roll (0–99) below which each is chosen; 96+ lets time pass. Besides
 * the marketplace: mining claims by new learners (and replays), a guardian pausing claims and
 * governance resuming them, governance removing or restoring JobEscrow or ProofOfKnowledge as a
 * CitadelFund source (payouts go on), and AZR sent straight to the escrow (stray, never owed).
 */
const ACTIONS = [
  [12, "post"],
  [22, "apply"],
  [30, "assign"],
  [33, "cancel"],
  [45, "submit"],
  [53, "approve or release after review"],
  [58, "refund after the deadline"],
  [64, "dispute"],
  [69, "resolve"],
  [75, "offer a settlement"],
  [78, "settle after the dispute window"],
  [79, "remove or restore a fund source"],
  [80, "send AZR straight to the escrow"],
  [88, "claim"],
  [89, "pause or resume claims"],
  [96, "rate"],
] as const;

/** The course every claim is for: an odd reward, so the CitadelFund's 10% rounds. */
const REWARD = AZR(100) + 7n;

/** Every custom error an action in this test may be refused with. */
const REFUSALS = new Set([
  "JobEscrowInvalidMilestoneAmount",
  "JobEscrowJobNotFound",
  "JobEscrowUnexpectedJobStatus",
  "JobEscrowNotClient",
  "JobEscrowNotProvider",
  "JobEscrowNotParty",
  "JobEscrowClientCannotApply",
  "JobEscrowAlreadyApplied",
  "JobEscrowNotApplicant",
  "JobEscrowDeadlinePassed",
  "JobEscrowDeadlineNotReached",
  "JobEscrowMilestoneNotFound",
  "JobEscrowUnexpectedMilestoneStatus",
  "JobEscrowReviewWindowOpen",
  "JobEscrowReviewWindowClosed",
  "JobEscrowNothingToRefund",
  "JobEscrowAlreadyRated",
  "JobEscrowArbiterIsParty",
  "JobEscrowAssignmentClosed",
  "JobEscrowDisputeWindowOpen",
  "JobEscrowDisputeWindowClosed",
  "JobEscrowInvalidSplit",
  "JobEscrowInvalidDeadline",
  "ProofOfKnowledgeClaimsPaused",
  "AzoraCredentialAlreadyIssued",
]);

describe("money invariants over random sequences (escrow, mining, the CitadelFund)", () => {
  it(`pays exactly what the rules give, the escrow holds its unsettled milestones plus strays, supply is seeded plus mined, over ${STEPS} random steps`, async function () {
    const started = Date.now();
    const market = await loadFixture(marketplace);
    const { escrow, token, fund, pok, credential } = market;
    const { deployer, alice, bob, carol, dave, verifier, relayer, arbiter } = market;
    const r = rng(seedFromEnv());
    const label = `SEED=${r.seed}`;
    const abis = [escrow.abi, token.abi, pok.abi, credential.abi];
    // Mining: one course signed by `verifier`; local account #7 (`arbiter`) is also the guardian.
    await pok.write.setVerifierLimit([verifier.account.address, 1_000_000], { account: deployer.account });
    await pok.write.registerCourse(
      [
        {
          title: "A course",
          contentCid: "bafkreimoney",
          reward: REWARD,
          verifier: verifier.account.address,
          minScore: 0,
          validity: 0,
        },
      ],
      {
        account: deployer.account,
      },
    );
    const guardian = arbiter;
    let guardianTermEndsAt = Number(
      await pok.read.roleTermOf([await pok.read.GUARDIAN_ROLE(), guardian.account.address]),
    );
    const reviewWindow = await escrow.read.reviewWindow();
    const [, minAmount] = await escrow.read.limits();

    // alice, bob and carol post jobs; bob and carol also work, as do dave, #5 and #6; carol is
    // also an arbiter, so she is sometimes refused as a party to a dispute she would resolve.
    const clients = [alice, bob, carol];
    const workers = [bob, carol, dave, verifier, relayer];
    const arbiters = [arbiter, carol];
    const everyone = [...new Set([...clients, ...workers, ...arbiters])];
    /** `job`'s client or provider, all but one time in `odds`; else anyone at all. */
    const partyOrStranger = (job: ModelJob | undefined, odds: number) =>
      job && r.int(odds) !== 0 ? r.pick([job.client, job.provider ?? job.client]) : r.pick(everyone);
    await escrow.write.grantRole([await escrow.read.ARBITER_ROLE(), carol.account.address], {
      account: deployer.account,
    });
    // Enough AZR for every job the clients may post (the fixture's deployer can still mint).
    for (const client of clients) await token.write.mint([client.account.address, AZR(10_000_000)]);
    const holders = [...everyone.map((s) => getAddress(s.account.address)), getAddress(fund.address)];
    const escrowAddress = getAddress(escrow.address);
    const tracked = [...holders, escrowAddress];
    const readBalances = async () =>
      new Map(
        await Promise.all(
          tracked.map(async (address) => [address, await token.read.balanceOf([address])] as const),
        ),
      );
    const supplyBefore = [...(await readBalances()).values()].reduce((a, b) => a + b, 0n);
    const seeded = await token.read.totalSupply();
    const money = { mined: 0n, minedToFund: 0n, strays: 0n };
    const learners: Address[] = [];
    let claimsPaused = false;

    const jobs: ModelJob[] = [];
    const counts = { done: 0, refused: 0 };
    const succeeded = new Map<string, number>();
    const at = (s: Signer) => getAddress(s.account.address);
    const fundAt = getAddress(fund.address);
    const move = (moves: Map<Address, bigint>, to: Address, amount: bigint) => {
      moves.set(to, (moves.get(to) ?? 0n) + amount);
      moves.set(escrowAddress, (moves.get(escrowAddress) ?? 0n) - amount);
    };
    /** The release rule: 10% (rounded down) to the CitadelFund, the rest to the provider. */
    const release = (moves: Map<Address, bigint>, provider: Signer, amount: bigint) => {
      move(moves, at(provider), amount - amount / 10n);
      move(moves, fundAt, amount / 10n);
    };
    const settle = (job: ModelJob) => {
      if (job.milestones.every((m) => !UNSETTLED.has(m.status)))
        job.status = job.paid ? "Completed" : "Refunded";
    };
    /** A dispute's split: `bps` of the milestone to the provider's side (90/10), the rest back. */
    const split = (moves: Map<Address, bigint>, job: ModelJob, amount: bigint, bps: number) => {
      const providerPart = (amount * BigInt(bps)) / 10_000n;
      release(moves, job.provider!, providerPart);
      move(moves, at(job.client), amount - providerPart);
      return providerPart > 0n;
    };
    let escrowIsSource = true;
    let miningIsSource = true;
    /** Mostly a job where `fits` (where the action can succeed), else any job or an unknown id. */
    const pickJob = (fits: (job: ModelJob) => boolean) => {
      const fitting = jobs.filter(fits);
      if (fitting.length > 0 && r.int(5) !== 0) return r.pick(fitting);
      return jobs.length === 0 || r.int(10) === 0 ? undefined : r.pick(jobs);
    };
    /** Mostly a milestone in `status`, else any index (now and then one past the last). */
    const pickIndex = (job: ModelJob | undefined, status: MilestoneState) => {
      if (!job) return 0n;
      const fitting = job.milestones.flatMap((m, i) => (m.status === status ? [i] : []));
      if (fitting.length > 0 && r.int(5) !== 0) return BigInt(r.pick(fitting));
      return BigInt(r.int(job.milestones.length + (r.int(10) === 0 ? 1 : 0)));
    };
    const has = (job: ModelJob, status: MilestoneState) => job.milestones.some((m) => m.status === status);

    for (let step = 0; step < STEPS; step++) {
      const now = (await time.latest()) + 1;
      const roll = r.int(100);
      if (roll >= 96) {
        // time passes, mostly hours, sometimes days, now and then weeks: review windows close,
        // deadlines pass, dispute windows end
        await time.increase(
          r.int(12) === 0 ? r.int(40 * DAY) : r.int(6) === 0 ? r.int(8 * DAY) : r.int(DAY / 4),
        );
        continue;
      }
      await time.setNextBlockTimestamp(now);
      const action = jobs.length === 0 ? "post" : ACTIONS.find(([below]) => roll < below)![1];
      let outcome: Outcome = refused;
      let send: () => Promise<Hash>;
      let after: () => void = () => {};
      let check: () => Promise<void> = async () => {};
      const live = (j: ModelJob) => now <= j.deadline;
      const assignable = (j: ModelJob) => now <= j.deadline - DAY;
      const job = pickJob(
        {
          post: () => false,
          apply: (j: ModelJob) => j.status === "Open" && assignable(j),
          assign: (j: ModelJob) => j.status === "Open" && assignable(j) && j.applicants.size > 0,
          cancel: (j: ModelJob) => j.status === "Open",
          submit: (j: ModelJob) => j.status === "Assigned" && live(j) && has(j, "Pending"),
          "approve or release after review": (j: ModelJob) => j.status === "Assigned" && has(j, "Submitted"),
          "refund after the deadline": (j: ModelJob) =>
            j.status === "Assigned" && !live(j) && has(j, "Pending"),
          dispute: (j: ModelJob) => j.status === "Assigned" && has(j, "Submitted"),
          resolve: (j: ModelJob) => j.status === "Assigned" && has(j, "Disputed"),
          "offer a settlement": (j: ModelJob) => j.status === "Assigned" && has(j, "Disputed"),
          "settle after the dispute window": (j: ModelJob) => j.status === "Assigned" && has(j, "Disputed"),
          "remove or restore a fund source": () => false,
          "send AZR straight to the escrow": () => false,
          claim: () => false,
          "pause or resume claims": () => false,
          rate: (j: ModelJob) => j.status === "Completed" && j.rated.size < 2,
        }[action],
      );
      const unknown = job === undefined ? BigInt(jobs.length + 1 + r.int(3)) : job.id;

      if (action === "post") {
        // post, by approval or by permit; now and then with a milestone below the minimum
        const client = r.pick(clients);
        const amounts = Array.from({ length: 1 + r.int(4) }, () =>
          r.int(15) === 0 ? minAmount - 1n : AZR(1 + r.int(200)) + BigInt(r.int(1_000)),
        );
        const total = amounts.reduce((a, b) => a + b, 0n);
        // now and then a deadline too close to leave a provider a day
        const deadline = now + (r.int(20) === 0 ? r.int(DAY) : DAY + 2 + r.int(30 * DAY));
        const valid = amounts.every((a) => a >= minAmount) && deadline >= now + 1 + DAY;
        if (valid) {
          const moves = new Map<Address, bigint>();
          moves.set(at(client), -total);
          moves.set(escrowAddress, total);
          outcome = { refused: false, moves };
        }
        const usePermit = r.int(2) === 0;
        if (!usePermit) await token.write.approve([escrow.address, total], { account: client.account });
        send = async () => {
          if (!usePermit) {
            await time.setNextBlockTimestamp(now + 1);
            return escrow.write.postJob(["brief", amounts, deadline], { account: client.account });
          }
          const {
            v,
            r: sr,
            s,
          } = await signPermit(client, token.address, {
            owner: client.account.address,
            spender: escrow.address,
            value: total,
            nonce: await token.read.nonces([client.account.address]),
            deadline: BigInt(deadline),
          });
          const args = ["brief", amounts, deadline, BigInt(deadline), v, sr, s] as const;
          return escrow.write.postJobWithPermit(args, { account: client.account });
        };
        after = () =>
          jobs.push({
            id: BigInt(jobs.length + 1),
            client,
            status: "Open",
            deadline,
            paid: false,
            milestones: amounts.map((amount) => ({
              amount,
              status: "Pending",
              reviewEndsAt: 0,
              disputeEndsAt: 0,
              offers: {},
            })),
            applicants: new Set(),
            rated: new Set(),
          });
      } else if (action === "apply") {
        // apply
        const worker = r.pick(workers);
        if (
          job &&
          job.status === "Open" &&
          assignable(job) &&
          job.client !== worker &&
          !job.applicants.has(at(worker))
        ) {
          outcome = { refused: false, moves: new Map() };
        }
        send = () => escrow.write.applyForJob([unknown, "proposal"], { account: worker.account });
        after = () => job!.applicants.add(at(worker));
      } else if (action === "assign") {
        // assign, usually an applicant, by the client or someone else
        const caller = job && r.int(8) !== 0 ? job.client : r.pick(everyone);
        const applicants = job ? [...job.applicants] : [];
        const provider = applicants.length > 0 && r.int(6) !== 0 ? r.pick(applicants) : at(r.pick(workers));
        if (
          job &&
          job.status === "Open" &&
          caller === job.client &&
          assignable(job) &&
          job.applicants.has(provider)
        ) {
          outcome = { refused: false, moves: new Map() };
        }
        send = () => escrow.write.assign([unknown, provider], { account: caller.account });
        after = () => {
          job!.provider = everyone.find((s) => at(s) === provider);
          job!.status = "Assigned";
        };
      } else if (action === "cancel") {
        // cancel
        const caller = job && r.int(6) !== 0 ? job.client : r.pick(everyone);
        if (job && job.status === "Open" && caller === job.client) {
          const moves = new Map<Address, bigint>();
          for (const m of job.milestones) move(moves, at(job.client), m.amount);
          outcome = { refused: false, moves };
        }
        send = () => escrow.write.cancel([unknown], { account: caller.account });
        after = () => {
          job!.status = "Cancelled";
          for (const m of job!.milestones) m.status = "Cancelled";
        };
      } else if (action === "submit") {
        // submit
        const index = pickIndex(job, "Pending");
        const caller = job?.provider && r.int(8) !== 0 ? job.provider : r.pick(everyone);
        const m = job?.milestones[Number(index)];
        if (
          job &&
          job.status === "Assigned" &&
          caller === job.provider &&
          now <= job.deadline &&
          m?.status === "Pending"
        ) {
          outcome = { refused: false, moves: new Map() };
        }
        send = () =>
          escrow.write.submitMilestone([unknown, index, "deliverable"], { account: caller.account });
        after = () => {
          m!.status = "Submitted";
          m!.reviewEndsAt = now + reviewWindow;
        };
      } else if (action === "approve or release after review") {
        // approve, or release after the review window
        const index = pickIndex(job, "Submitted");
        const m = job?.milestones[Number(index)];
        const afterReview = r.int(3) === 0;
        const caller =
          job && r.int(8) !== 0
            ? afterReview
              ? (job.provider ?? job.client)
              : job.client
            : r.pick(everyone);
        const allowed =
          job &&
          job.status === "Assigned" &&
          m?.status === "Submitted" &&
          (afterReview ? now > m.reviewEndsAt : caller === job.client);
        if (allowed) {
          const moves = new Map<Address, bigint>();
          release(moves, job.provider!, m.amount);
          outcome = { refused: false, moves };
        }
        send = () =>
          afterReview
            ? escrow.write.releaseAfterReview([unknown, index], { account: caller.account })
            : escrow.write.approveMilestone([unknown, index], { account: caller.account });
        after = () => {
          m!.status = "Released";
          job!.paid = true;
          settle(job!);
        };
      } else if (action === "refund after the deadline") {
        // take back what was never submitted, past the deadline
        const caller = job && r.int(6) !== 0 ? job.client : r.pick(everyone);
        const pending = job?.milestones.filter((m) => m.status === "Pending") ?? [];
        if (
          job &&
          job.status === "Assigned" &&
          caller === job.client &&
          now > job.deadline &&
          pending.length > 0
        ) {
          const moves = new Map<Address, bigint>();
          for (const m of pending) move(moves, at(job.client), m.amount);
          outcome = { refused: false, moves };
        }
        send = () => escrow.write.refundExpired([unknown], { account: caller.account });
        after = () => {
          for (const m of pending) m.status = "Refunded";
          settle(job!);
        };
      } else if (action === "dispute") {
        // dispute, by either party or a stranger
        const index = pickIndex(job, "Submitted");
        const m = job?.milestones[Number(index)];
        const caller = partyOrStranger(job, 8);
        if (
          job &&
          job.status === "Assigned" &&
          (caller === job.client || caller === job.provider) &&
          m?.status === "Submitted" &&
          now <= m.reviewEndsAt
        ) {
          outcome = { refused: false, moves: new Map() };
        }
        send = () => escrow.write.dispute([unknown, index, ""], { account: caller.account });
        after = () => {
          m!.status = "Disputed";
          m!.disputeEndsAt = now + DISPUTE_WINDOW;
        };
      } else if (action === "resolve") {
        // an arbiter resolves, at 0%, 100% or anything between
        const disputed = jobs.flatMap((j) =>
          j.milestones.flatMap((m, i) => (m.status === "Disputed" ? [{ j, i }] : [])),
        );
        const target = disputed.length > 0 && r.int(5) !== 0 ? r.pick(disputed) : undefined;
        const resolveJob = target?.j ?? job;
        const index = target ? BigInt(target.i) : pickIndex(resolveJob, "Disputed");
        const m = resolveJob?.milestones[Number(index)];
        const caller = r.int(10) === 0 ? r.pick(workers) : r.pick(arbiters);
        const bps = r.pick([0, 10_000, r.int(10_001)]);
        const isArbiter = arbiters.includes(caller);
        let paid = false;
        if (
          resolveJob &&
          isArbiter &&
          resolveJob.status === "Assigned" &&
          caller !== resolveJob.client &&
          caller !== resolveJob.provider &&
          m?.status === "Disputed" &&
          now <= m.disputeEndsAt
        ) {
          const moves = new Map<Address, bigint>();
          paid = split(moves, resolveJob, m.amount, bps);
          outcome = { refused: false, moves };
        }
        const id = resolveJob?.id ?? unknown;
        send = () => escrow.write.resolveDispute([id, index, bps, "reason"], { account: caller.account });
        after = () => {
          m!.status = "Resolved";
          resolveJob!.paid ||= paid;
          settle(resolveJob!);
        };
        if (!isArbiter) {
          // Not an arbiter: refused by AccessControl before any escrow rule.
          try {
            await send();
            expect.fail(`${label}: a non-arbiter resolved a dispute`);
          } catch (error) {
            expect(revertName(error, abis), label).to.equal("AccessControlUnauthorizedAccount");
          }
          counts.refused++;
          continue;
        }
      } else if (action === "offer a settlement") {
        // a party offers a split, mostly one the other side offered already, sometimes over 100%
        const index = pickIndex(job, "Disputed");
        const m = job?.milestones[Number(index)];
        const caller = partyOrStranger(job, 8);
        const byClient = job !== undefined && caller === job.client;
        const other = m ? (byClient ? m.offers.provider : m.offers.client) : undefined;
        const bps =
          r.int(25) === 0
            ? 10_001
            : other !== undefined && r.int(2) === 0
              ? other
              : r.pick([0, 10_000, r.int(10_001)]);
        const agreed = other === bps;
        let paid = false;
        if (
          job &&
          job.status === "Assigned" &&
          (caller === job.client || caller === job.provider) &&
          bps <= 10_000 &&
          m?.status === "Disputed"
        ) {
          const moves = new Map<Address, bigint>();
          if (agreed) paid = split(moves, job, m.amount, bps);
          outcome = { refused: false, moves };
        }
        send = () => escrow.write.offerSettlement([unknown, index, bps], { account: caller.account });
        after = () => {
          if (byClient) m!.offers.client = bps;
          else m!.offers.provider = bps;
          if (!agreed) return;
          m!.status = "Resolved";
          job!.paid ||= paid;
          settle(job!);
        };
      } else if (action === "settle after the dispute window") {
        // anyone applies the default 50/50 once the dispute window has passed
        const index = pickIndex(job, "Disputed");
        const m = job?.milestones[Number(index)];
        const caller = r.pick(everyone);
        let paid = false;
        if (job && job.status === "Assigned" && m?.status === "Disputed" && now > m.disputeEndsAt) {
          const moves = new Map<Address, bigint>();
          paid = split(moves, job, m.amount, 5_000);
          outcome = { refused: false, moves };
        }
        send = () => escrow.write.settleAfterDisputeWindow([unknown, index], { account: caller.account });
        after = () => {
          m!.status = "Resolved";
          job!.paid ||= paid;
          settle(job!);
        };
      } else if (action === "remove or restore a fund source") {
        // governance (the fund's owner here) toggles a source: no payout may depend on it
        if (r.int(2) === 0) {
          escrowIsSource = !escrowIsSource;
          await fund.write.setSource([escrow.address, escrowIsSource ? 2 : 0], { account: deployer.account });
        } else {
          miningIsSource = !miningIsSource;
          await fund.write.setSource([pok.address, miningIsSource ? 1 : 0], { account: deployer.account });
        }
        succeeded.set(action, (succeeded.get(action) ?? 0) + 1);
        continue;
      } else if (action === "pause or resume claims") {
        // the guardian pauses within its term (governance renews a lapsed one); governance resumes
        await time.setNextBlockTimestamp(now);
        if (claimsPaused) await pok.write.unpauseClaims({ account: deployer.account });
        else if (now > guardianTermEndsAt) {
          try {
            await pok.write.pauseClaims({ account: guardian.account });
            expect.fail(`${label} step ${step}: a guardian paused after its term`);
          } catch (error) {
            expect(revertName(error, abis), label).to.equal("ProofOfKnowledgeRoleTermEnded");
          }
          guardianTermEndsAt = now + 365 * DAY;
          await pok.write.grantRoleUntil(
            [await pok.read.GUARDIAN_ROLE(), guardian.account.address, guardianTermEndsAt],
            {
              account: deployer.account,
            },
          );
          continue;
        } else await pok.write.pauseClaims({ account: guardian.account });
        claimsPaused = !claimsPaused;
        succeeded.set(action, (succeeded.get(action) ?? 0) + 1);
        continue;
      } else if (action === "send AZR straight to the escrow") {
        // a stray transfer: the escrow holds it, owes it to nobody
        const sender = r.pick(clients);
        const amount = BigInt(1 + r.int(1_000_000));
        const moves = new Map<Address, bigint>([
          [at(sender), -amount],
          [escrowAddress, amount],
        ]);
        outcome = { refused: false, moves };
        send = () => token.write.transfer([escrow.address, amount], { account: sender.account });
        after = () => {
          money.strays += amount;
        };
      } else if (action === "claim") {
        // a learner claims (relayed); now and then one replays an old voucher
        const replay = learners.length > 0 && r.int(10) === 0;
        const learner = replay ? r.pick(learners) : learnerAddress(`money ${r.seed} ${step}`);
        const completion = { learner, courseId: 1n, score: 9_000, deadline: BigInt(now + 3_600) };
        const signature = await signCompletion(verifier, pok.address, completion);
        const share = REWARD / 10n;
        if (!replay && !claimsPaused) {
          outcome = { refused: false, moves: new Map([[fundAt, share]]) };
        }
        send = () => pok.write.claim([completion, signature], { account: relayer.account });
        after = () => {
          learners.push(learner);
          money.mined += REWARD;
          money.minedToFund += share;
        };
        check = async () => {
          expect(await token.read.balanceOf([learner]), `${label} step ${step}: learner`).to.equal(
            REWARD - share,
          );
        };
      } else {
        // rate
        const caller = partyOrStranger(job, 6);
        if (
          job &&
          job.status === "Completed" &&
          (caller === job.client || caller === job.provider) &&
          !job.rated.has(at(caller))
        ) {
          outcome = { refused: false, moves: new Map() };
        }
        send = () => escrow.write.rate([unknown, 1 + r.int(5), ""], { account: caller.account });
        after = () => job!.rated.add(at(caller));
      }

      const before = await readBalances();
      try {
        await send();
      } catch (error) {
        const name = revertName(error, abis);
        expect(
          outcome.refused,
          `${label} step ${step}: the rules allow this, but it reverted with ${name}`,
        ).to.equal(true);
        expect(REFUSALS.has(name), `${label} step ${step}: unexpected ${name}`).to.equal(true);
        counts.refused++;
        continue;
      }
      succeeded.set(action, (succeeded.get(action) ?? 0) + 1);
      expect(outcome.refused, `${label} step ${step}: the rules refuse this, but it went through`).to.equal(
        false,
      );
      if (outcome.refused) continue;
      after();
      await check();
      counts.done++;

      // Every AZR that moved went where the rules say, in the amounts they give.
      const balancesAfter = await readBalances();
      for (const address of tracked) {
        const change = balancesAfter.get(address)! - before.get(address)!;
        expect(change, `${label} step ${step}: ${address}`).to.equal(outcome.moves.get(address) ?? 0n);
      }
      // The escrow holds exactly the unsettled milestones and the strays; only mining creates AZR.
      const unsettled = jobs
        .flatMap((j) => j.milestones)
        .filter((m) => UNSETTLED.has(m.status))
        .reduce((sum, m) => sum + m.amount, 0n);
      expect(balancesAfter.get(escrowAddress), `${label} step ${step}: escrow balance`).to.equal(
        unsettled + money.strays,
      );
      const held = [...balancesAfter.values()].reduce((a, b) => a + b, 0n);
      expect(held, `${label} step ${step}: AZR conserved`).to.equal(supplyBefore + money.minedToFund);
      expect(await token.read.totalSupply(), `${label} step ${step}: supply`).to.equal(seeded + money.mined);
    }

    // The contract's own view of every job and milestone equals the model's.
    for (const job of jobs) {
      const onChain = await escrow.read.jobOf([job.id]);
      expect(JOB_STATUS[onChain.status], `${label}: job ${job.id}`).to.equal(job.status);
      const unsettledCount = job.milestones.filter((m) => UNSETTLED.has(m.status)).length;
      expect(onChain.unsettled, `${label}: job ${job.id} unsettled`).to.equal(unsettledCount);
      expect(onChain.paid, `${label}: job ${job.id} paid`).to.equal(job.paid);
      for (const [index, m] of job.milestones.entries()) {
        const milestone = await escrow.read.milestoneOf([job.id, BigInt(index)]);
        expect(MILESTONE_STATUS[milestone.status], `${label}: job ${job.id} #${index}`).to.equal(m.status);
      }
    }
    for (const [, action] of ACTIONS) {
      expect(succeeded.get(action) ?? 0, `${label}: no ${action} ever succeeded`).to.be.greaterThan(0);
    }
    // A run that refused everything, or allowed everything, would prove little.
    expect(counts.done, label).to.be.greaterThan(STEPS / 4);
    expect(counts.refused, label).to.be.greaterThan(STEPS / 20);
    for (const status of ["Completed", "Refunded", "Cancelled"] as const) {
      expect(
        jobs.some((j) => j.status === status),
        `${label}: no job ended ${status}`,
      ).to.equal(true);
    }
    console.log(
      `      ${STEPS} steps (${counts.done} done, ${counts.refused} refused, ${jobs.length} jobs) in ${((Date.now() - started) / 1000).toFixed(0)} s, ${label}`,
    );
    const settled = jobs.flatMap((j) => j.milestones).filter((m) => !UNSETTLED.has(m.status));
    for (const status of ["Released", "Refunded", "Resolved", "Cancelled"] as const) {
      expect(
        settled.some((m) => m.status === status),
        `${label}: no milestone ended ${status}`,
      ).to.equal(true);
    }
  });
});
