import { expect } from "chai";
import { getAddress, zeroAddress } from "viem";
import type { Address, Hash } from "viem";
import {
  CitadelSource,
  JobStatus as Job,
  MilestoneStatus as Milestone,
  ReleaseKind as Release,
} from "../../protocol/enums";
import { DEFAULT_DEPLOY_CONFIG } from "../../scripts/deploy/contracts";
import { Roles } from "../../protocol/roles";
import { signPermit } from "../../protocol/eip712";
import { AZR, marketplace, networkHelpers, nextBlockAt, viem } from "../support/fixture";
import type { Signer } from "../support/fixture";
import { expectEachRevert, expectRevert } from "./helpers/revert";

const { loadFixture, time } = networkHelpers;

const DAY = 24 * 60 * 60;
const WEEK = 7 * DAY;
const BRIEF = "bafkreibriefbriefbriefbriefbriefbriefbriefbriefbriefbrief";
const PROPOSAL = "bafkreiproposalproposalproposalproposalproposalproposal";
const DELIVERABLE = "bafkreideliverabledeliverabledeliverabledeliverable";
const REASON = "bafkreireasonreasonreasonreasonreasonreasonreasonreason";
const ADMIN = `0x${"00".repeat(32)}` as const;

/** Three milestones of odd sizes, so every 10% share rounds. */
const AMOUNTS = [AZR(100) + 7n, AZR(250) + 3n, AZR(50) + 9n] as const;
const TOTAL = AMOUNTS.reduce((a, b) => a + b, 0n);

type Market = Awaited<ReturnType<typeof marketplace>>;

/** A permit for the escrow to take TOTAL of carol's AZR until `deadline`, signed by `signer` (carol, or not). */
function carolsPermit(
  { escrow, token, carol }: Market,
  deadline: bigint,
  nonce: bigint,
  signer: Signer = carol,
) {
  return signPermit(signer, token.address, {
    owner: carol.account.address,
    spender: escrow.address,
    value: TOTAL,
    nonce,
    deadline,
  });
}

/** A milestone as `milestoneOf` returns it: pending, with no window and no offer, unless `fields` says so. */
function milestone(amount: bigint, fields: { reviewEndsAt?: number; status?: number } = {}) {
  return {
    amount,
    reviewEndsAt: 0,
    status: Milestone.Pending,
    disputeEndsAt: 0,
    clientOfferBps: 0,
    providerOfferBps: 0,
    ...fields,
  };
}

/** Approves and posts a job from `client` (alice by default), due in 30 days; returns its id. */
async function post(
  market: Market,
  { client = market.alice, amounts = [...AMOUNTS] }: { client?: Signer; amounts?: bigint[] } = {},
) {
  const { escrow, token } = market;
  const total = amounts.reduce((a, b) => a + b, 0n);
  await token.write.approve([escrow.address, total], { account: client.account });
  const deadline = (await time.latest()) + 30 * DAY;
  await escrow.write.postJob([BRIEF, amounts, deadline], { account: client.account });
  return { jobId: await escrow.read.jobCount(), deadline };
}

/** An open job by alice that bob and carol applied for. */
async function openJob() {
  const market = await marketplace();
  const { escrow, bob, carol } = market;
  const { jobId, deadline } = await post(market);
  await escrow.write.applyForJob([jobId, PROPOSAL], { account: bob.account });
  await escrow.write.applyForJob([jobId, PROPOSAL], { account: carol.account });
  return { ...market, jobId, deadline };
}

/** alice's job, assigned to bob. */
async function assignedJob() {
  const market = await openJob();
  await market.escrow.write.assign([market.jobId, market.bob.account.address], {
    account: market.alice.account,
  });
  return market;
}

/** alice's job assigned to bob, who submitted milestone 0. */
async function submittedMilestone() {
  const market = await assignedJob();
  await market.escrow.write.submitMilestone([market.jobId, 0n, DELIVERABLE], {
    account: market.bob.account,
  });
  return market;
}

/** Milestone 0 of alice's job with bob, disputed by alice. */
async function disputedMilestone() {
  const market = await submittedMilestone();
  await market.escrow.write.dispute([market.jobId, 0n, REASON], { account: market.alice.account });
  return market;
}

/** alice's job with bob, every milestone approved: the job is completed. */
async function completedJob() {
  const market = await assignedJob();
  const { escrow, jobId, alice, bob } = market;
  for (let index = 0n; index < BigInt(AMOUNTS.length); index++) {
    await escrow.write.submitMilestone([jobId, index, DELIVERABLE], { account: bob.account });
    await escrow.write.approveMilestone([jobId, index], { account: alice.account });
  }
  return market;
}

/** AZR balances of `accounts`, read together. */
function balances(market: Market, accounts: readonly Address[]) {
  return Promise.all(accounts.map((account) => market.token.read.balanceOf([account])));
}

/** What `action` changed in the AZR balances of `accounts`, in order. */
async function deltas(market: Market, accounts: readonly Address[], action: () => Promise<Hash>) {
  const before = await balances(market, accounts);
  await action();
  const after = await balances(market, accounts);
  return after.map((balance, i) => balance - before[i]!);
}

describe("JobEscrow", () => {
  describe("deployment", () => {
    it("is the CitadelFund's Escrow source, with the deploy config's parameters and arbiters (the admin too)", async () => {
      const { escrow, fund, deployer, arbiter } = await loadFixture(marketplace);
      expect(await fund.read.sourceOf([escrow.address])).to.equal(CitadelSource.Escrow);
      expect(await escrow.read.reviewWindow()).to.equal(DEFAULT_DEPLOY_CONFIG.reviewWindowSeconds);
      expect(await escrow.read.limits()).to.deep.equal([DEFAULT_DEPLOY_CONFIG.maxMilestones, AZR(1)]);
      expect(await escrow.read.hasRole([Roles.ARBITER, arbiter.account.address])).to.equal(true);
      expect(await escrow.read.hasRole([Roles.ARBITER, deployer.account.address])).to.equal(true);
      expect(await escrow.read.hasRole([ADMIN, deployer.account.address])).to.equal(true);
      expect(await escrow.read.ARBITER_ROLE()).to.equal(Roles.ARBITER);
    });

    it("refuses a zero admin, a review window out of bounds and limits out of bounds", async () => {
      const { token, fund, deployer } = await loadFixture(marketplace);
      const args = (admin: Address, window: number, max: number, min: bigint) =>
        [admin, token.address, fund.address, window, max, min] as const;
      const me = deployer.account.address;
      await expectRevert(
        viem.deployContract("JobEscrow", args(zeroAddress, WEEK, 20, AZR(1))),
        "JobEscrowInvalidAdmin",
        [zeroAddress],
      );
      await expectRevert(
        viem.deployContract("JobEscrow", args(me, 60, 20, AZR(1))),
        "JobEscrowInvalidReviewWindow",
        [60],
      );
      await expectRevert(
        viem.deployContract("JobEscrow", args(me, WEEK, 0, AZR(1))),
        "JobEscrowInvalidLimits",
        [0, AZR(1)],
      );
    });
  });

  describe("posting a job", () => {
    it("pulls the whole total into escrow and records the brief, milestones and deadline", async () => {
      const market = await loadFixture(marketplace);
      const { escrow, token, alice } = market;
      await token.write.approve([escrow.address, TOTAL], { account: alice.account });
      const deadline = (await time.latest()) + 30 * DAY;
      const before = await balances(market, [alice.account.address, escrow.address]);
      await viem.assertions.emitWithArgs(
        escrow.write.postJob([BRIEF, [...AMOUNTS], deadline], { account: alice.account }),
        escrow,
        "JobPosted",
        [1n, getAddress(alice.account.address), BRIEF, [...AMOUNTS], TOTAL, deadline],
      );
      const after = await balances(market, [alice.account.address, escrow.address]);
      expect([after[0]! - before[0]!, after[1]! - before[1]!]).to.deep.equal([-TOTAL, TOTAL]);
      const job = await escrow.read.jobOf([1n]);
      expect(job).to.deep.include({
        client: getAddress(alice.account.address),
        deadline,
        milestoneCount: 3,
        unsettled: 3,
        status: Job.Open,
        provider: zeroAddress,
      });
      expect(await escrow.read.milestoneOf([1n, 1n])).to.deep.equal(milestone(AMOUNTS[1]));
    });

    it("takes one transaction with a permit: no approval beforehand", async () => {
      const market = await loadFixture(marketplace);
      const { escrow, token, carol } = market;
      const deadline = (await time.latest()) + 30 * DAY;
      const permitDeadline = BigInt(deadline);
      const nonce = await token.read.nonces([carol.account.address]);
      const { v, r, s } = await carolsPermit(market, permitDeadline, nonce);
      const [carolDelta, escrowDelta] = await deltas(market, [carol.account.address, escrow.address], () =>
        escrow.write.postJobWithPermit([BRIEF, [...AMOUNTS], deadline, permitDeadline, v, r, s], {
          account: carol.account,
        }),
      );
      expect([carolDelta, escrowDelta]).to.deep.equal([-TOTAL, TOTAL]);
      expect(await token.read.nonces([carol.account.address])).to.equal(1n);
      expect(await token.read.allowance([carol.account.address, escrow.address])).to.equal(0n);
      expect((await escrow.read.jobOf([1n])).client).to.equal(getAddress(carol.account.address));
    });

    it("still posts when someone submitted the permit first (front-running cannot block it)", async () => {
      const market = await loadFixture(marketplace);
      const { escrow, token, carol, dave } = market;
      const deadline = (await time.latest()) + 30 * DAY;
      const { v, r, s } = await carolsPermit(market, BigInt(deadline), 0n);
      await token.write.permit([carol.account.address, escrow.address, TOTAL, BigInt(deadline), v, r, s], {
        account: dave.account,
      });
      await escrow.write.postJobWithPermit([BRIEF, [...AMOUNTS], deadline, BigInt(deadline), v, r, s], {
        account: carol.account,
      });
      expect(await token.read.balanceOf([escrow.address])).to.equal(TOTAL);
    });

    it("refuses a permit signed by someone else when nothing is approved", async () => {
      const market = await loadFixture(marketplace);
      const { escrow, carol, dave } = market;
      const deadline = (await time.latest()) + 30 * DAY;
      // dave signs a permit as if he were carol: the token rejects it, and carol approved nothing.
      const { v, r, s } = await carolsPermit(market, BigInt(deadline), 0n, dave);
      await expectRevert(
        escrow.write.postJobWithPermit([BRIEF, [...AMOUNTS], deadline, BigInt(deadline), v, r, s], {
          account: carol.account,
        }),
        "ERC20InsufficientAllowance",
        [getAddress(escrow.address), 0n, TOTAL],
      );
    });

    it("refuses no milestones and more than the limit", async () => {
      const { escrow, alice } = await loadFixture(marketplace);
      const deadline = (await time.latest()) + 2 * DAY;
      await expectRevert(
        escrow.write.postJob([BRIEF, [], deadline], { account: alice.account }),
        "JobEscrowInvalidMilestoneCount",
        [0n, 20],
      );
      await expectRevert(
        escrow.write.postJob([BRIEF, Array<bigint>(21).fill(AZR(1)), deadline], { account: alice.account }),
        "JobEscrowInvalidMilestoneCount",
        [21n, 20],
      );
    });

    it("refuses a milestone below the smallest amount, or beyond 128 bits", async () => {
      const { escrow, alice } = await loadFixture(marketplace);
      const deadline = (await time.latest()) + 2 * DAY;
      await expectRevert(
        escrow.write.postJob([BRIEF, [AZR(5), AZR(1) - 1n], deadline], { account: alice.account }),
        "JobEscrowInvalidMilestoneAmount",
        [1n, AZR(1) - 1n, AZR(1)],
      );
      await expectRevert(
        escrow.write.postJob([BRIEF, [2n ** 128n], deadline], { account: alice.account }),
        "JobEscrowInvalidMilestoneAmount",
        [0n, 2n ** 128n, AZR(1)],
      );
    });

    it("refuses a deadline in the past or more than five years away", async () => {
      const { escrow, alice } = await loadFixture(marketplace);
      const now = await time.latest();
      await time.setNextBlockTimestamp(now + 10);
      await expectRevert(
        escrow.write.postJob([BRIEF, [AZR(1)], now + 10], { account: alice.account }),
        "JobEscrowInvalidDeadline",
        [BigInt(now + 10), BigInt(now + 10)],
      );
      const far = now + 20 + 5 * 365 * DAY + 1;
      await time.setNextBlockTimestamp(now + 20);
      await expectRevert(
        escrow.write.postJob([BRIEF, [AZR(1)], far], { account: alice.account }),
        "JobEscrowInvalidDeadline",
        [BigInt(far), BigInt(now + 20)],
      );
    });

    it("refuses an empty brief CID and one over 128 bytes", async () => {
      const { escrow, alice } = await loadFixture(marketplace);
      const deadline = (await time.latest()) + 2 * DAY;
      await expectRevert(
        escrow.write.postJob(["", [AZR(1)], deadline], { account: alice.account }),
        "JobEscrowInvalidCid",
        [0n],
      );
      await expectRevert(
        escrow.write.postJob(["b".repeat(129), [AZR(1)], deadline], { account: alice.account }),
        "JobEscrowInvalidCid",
        [129n],
      );
    });

    it("refuses a client without the AZR", async () => {
      const { escrow, token, dave } = await loadFixture(marketplace);
      await token.write.approve([escrow.address, AZR(1)], { account: dave.account });
      await expectRevert(
        escrow.write.postJob([BRIEF, [AZR(1)], (await time.latest()) + 2 * DAY], { account: dave.account }),
        "ERC20InsufficientBalance",
        [getAddress(dave.account.address), 0n, AZR(1)],
      );
    });
  });

  describe("applying, assigning and cancelling", () => {
    it("records an application with its proposal CID", async () => {
      const market = await loadFixture(marketplace);
      const { escrow, dave } = market;
      const { jobId } = await post(market);
      await viem.assertions.emitWithArgs(
        escrow.write.applyForJob([jobId, PROPOSAL], { account: dave.account }),
        escrow,
        "ApplicationSubmitted",
        [jobId, getAddress(dave.account.address), PROPOSAL],
      );
      expect(await escrow.read.hasApplied([jobId, dave.account.address])).to.equal(true);
    });

    it("refuses the client's own application, a second one, an empty proposal and an unknown job", async () => {
      const { escrow, jobId, alice, bob, dave } = await loadFixture(openJob);
      await expectRevert(
        escrow.write.applyForJob([jobId, PROPOSAL], { account: alice.account }),
        "JobEscrowClientCannotApply",
        [jobId],
      );
      await expectRevert(
        escrow.write.applyForJob([jobId, PROPOSAL], { account: bob.account }),
        "JobEscrowAlreadyApplied",
        [jobId, getAddress(bob.account.address)],
      );
      await expectRevert(
        escrow.write.applyForJob([jobId, ""], { account: dave.account }),
        "JobEscrowInvalidCid",
        [0n],
      );
      await expectRevert(
        escrow.write.applyForJob([99n, PROPOSAL], { account: dave.account }),
        "JobEscrowJobNotFound",
        [99n],
      );
    });

    it("refuses applications and assignment after the deadline", async () => {
      const { escrow, jobId, deadline, alice, bob, dave } = await loadFixture(openJob);
      await time.increaseTo(deadline + 1);
      await expectRevert(
        escrow.write.applyForJob([jobId, PROPOSAL], { account: dave.account }),
        "JobEscrowAssignmentClosed",
        [jobId, deadline - DAY],
      );
      await expectRevert(
        escrow.write.assign([jobId, bob.account.address], { account: alice.account }),
        "JobEscrowAssignmentClosed",
        [jobId, deadline - DAY],
      );
    });

    it("assigns one applicant, after which nobody can apply", async () => {
      const { escrow, jobId, alice, bob, dave } = await loadFixture(openJob);
      await viem.assertions.emitWithArgs(
        escrow.write.assign([jobId, bob.account.address], { account: alice.account }),
        escrow,
        "JobAssigned",
        [jobId, getAddress(bob.account.address)],
      );
      const job = await escrow.read.jobOf([jobId]);
      expect([job.status, job.provider]).to.deep.equal([Job.Assigned, getAddress(bob.account.address)]);
      await expectRevert(
        escrow.write.applyForJob([jobId, PROPOSAL], { account: dave.account }),
        "JobEscrowUnexpectedJobStatus",
        [jobId, Job.Assigned, Job.Open],
      );
    });

    it("lets only the client assign, and only an applicant", async () => {
      const { escrow, jobId, alice, bob, dave } = await loadFixture(openJob);
      await expectRevert(
        escrow.write.assign([jobId, bob.account.address], { account: bob.account }),
        "JobEscrowNotClient",
        [jobId, getAddress(bob.account.address)],
      );
      await expectRevert(
        escrow.write.assign([jobId, dave.account.address], { account: alice.account }),
        "JobEscrowNotApplicant",
        [jobId, getAddress(dave.account.address)],
      );
    });

    it("cancels an open job with a full refund", async () => {
      const market = await loadFixture(openJob);
      const { escrow, jobId, alice } = market;
      const [aliceDelta, escrowDelta] = await deltas(market, [alice.account.address, escrow.address], () =>
        escrow.write.cancel([jobId], { account: alice.account }),
      );
      expect([aliceDelta, escrowDelta]).to.deep.equal([TOTAL, -TOTAL]);
      const job = await escrow.read.jobOf([jobId]);
      expect([job.status, job.unsettled]).to.deep.equal([Job.Cancelled, 0]);
      expect((await escrow.read.milestoneOf([jobId, 2n])).status).to.equal(Milestone.Cancelled);
    });

    it("emits JobCancelled with the refund", async () => {
      const { escrow, jobId, alice } = await loadFixture(openJob);
      await viem.assertions.emitWithArgs(
        escrow.write.cancel([jobId], { account: alice.account }),
        escrow,
        "JobCancelled",
        [jobId, TOTAL],
      );
    });

    it("lets only the client cancel, and only before assignment", async () => {
      const { escrow, jobId, alice, bob } = await loadFixture(openJob);
      await expectRevert(escrow.write.cancel([jobId], { account: bob.account }), "JobEscrowNotClient", [
        jobId,
        getAddress(bob.account.address),
      ]);
      await escrow.write.assign([jobId, bob.account.address], { account: alice.account });
      await expectRevert(
        escrow.write.cancel([jobId], { account: alice.account }),
        "JobEscrowUnexpectedJobStatus",
        [jobId, Job.Assigned, Job.Open],
      );
    });
  });

  describe("delivering and releasing", () => {
    it("starts the review window when the provider submits", async () => {
      const { escrow, jobId, bob } = await loadFixture(assignedJob);
      const at = await nextBlockAt(5);
      await viem.assertions.emitWithArgs(
        escrow.write.submitMilestone([jobId, 1n, DELIVERABLE], { account: bob.account }),
        escrow,
        "MilestoneSubmitted",
        [jobId, 1n, DELIVERABLE, at + WEEK],
      );
      expect(await escrow.read.milestoneOf([jobId, 1n])).to.deep.equal(
        milestone(AMOUNTS[1], { reviewEndsAt: at + WEEK, status: Milestone.Submitted }),
      );
    });

    it("refuses a submission by anyone but the provider, on an open job, twice, or of no milestone", async () => {
      const market = await loadFixture(submittedMilestone);
      const { escrow, jobId, alice, bob, carol } = market;
      await expectRevert(
        escrow.write.submitMilestone([jobId, 1n, DELIVERABLE], { account: carol.account }),
        "JobEscrowNotProvider",
        [jobId, getAddress(carol.account.address)],
      );
      await expectRevert(
        escrow.write.submitMilestone([jobId, 0n, DELIVERABLE], { account: bob.account }),
        "JobEscrowUnexpectedMilestoneStatus",
        [jobId, 0n, Milestone.Submitted, Milestone.Pending],
      );
      await expectRevert(
        escrow.write.submitMilestone([jobId, 3n, DELIVERABLE], { account: bob.account }),
        "JobEscrowMilestoneNotFound",
        [jobId, 3n, 3],
      );
      await expectRevert(
        escrow.write.submitMilestone([jobId, 1n, ""], { account: bob.account }),
        "JobEscrowInvalidCid",
        [0n],
      );
      const { jobId: open } = await post(market, { client: alice });
      await expectRevert(
        escrow.write.submitMilestone([open, 0n, DELIVERABLE], { account: bob.account }),
        "JobEscrowUnexpectedJobStatus",
        [open, Job.Open, Job.Assigned],
      );
    });

    it("accepts a submission up to the deadline's last second, and refuses one after", async () => {
      const { escrow, jobId, deadline, bob } = await loadFixture(assignedJob);
      await time.setNextBlockTimestamp(deadline);
      await escrow.write.submitMilestone([jobId, 1n, DELIVERABLE], { account: bob.account });
      await expectRevert(
        escrow.write.submitMilestone([jobId, 0n, DELIVERABLE], { account: bob.account }),
        "JobEscrowDeadlinePassed",
        [jobId, deadline],
      );
    });

    it("approve › pays 90% to the provider and 10% to the CitadelFund, rounded by ProtocolFee", async () => {
      const market = await loadFixture(submittedMilestone);
      const { escrow, fund, token, jobId, alice, bob } = market;
      const amount = AMOUNTS[0];
      const citadel = amount / 10n;
      const accounts = [bob.account.address, fund.address, escrow.address, alice.account.address];
      let hash: Hash | undefined;
      const changes = await deltas(market, accounts, async () => {
        hash = await escrow.write.approveMilestone([jobId, 0n], { account: alice.account });
        return hash;
      });
      expect(changes).to.deep.equal([amount - citadel, citadel, -amount, 0n]);
      await viem.assertions.emitWithArgs(Promise.resolve(hash!), escrow, "MilestoneReleased", [
        jobId,
        0n,
        getAddress(bob.account.address),
        Release.Approved,
        amount,
        amount - citadel,
        citadel,
      ]);
      await viem.assertions.emitWithArgs(Promise.resolve(hash!), fund, "InflowRecorded", [
        CitadelSource.Escrow,
        getAddress(token.address),
        getAddress(escrow.address),
        citadel,
      ]);
      const job = await escrow.read.jobOf([jobId]);
      expect([job.status, job.unsettled]).to.deep.equal([Job.Assigned, 2]);
    });

    it("lets only the client approve, and only a submitted milestone", async () => {
      const { escrow, jobId, alice, bob } = await loadFixture(submittedMilestone);
      await expectRevert(
        escrow.write.approveMilestone([jobId, 0n], { account: bob.account }),
        "JobEscrowNotClient",
        [jobId, getAddress(bob.account.address)],
      );
      await expectRevert(
        escrow.write.approveMilestone([jobId, 1n], { account: alice.account }),
        "JobEscrowUnexpectedMilestoneStatus",
        [jobId, 1n, Milestone.Pending, Milestone.Submitted],
      );
    });

    it("completes the job when its last milestone is released", async () => {
      const market = await loadFixture(assignedJob);
      const { escrow, jobId, alice, bob } = market;
      for (const index of [0n, 1n]) {
        await escrow.write.submitMilestone([jobId, index, DELIVERABLE], { account: bob.account });
        await escrow.write.approveMilestone([jobId, index], { account: alice.account });
      }
      await escrow.write.submitMilestone([jobId, 2n, DELIVERABLE], { account: bob.account });
      await viem.assertions.emitWithArgs(
        escrow.write.approveMilestone([jobId, 2n], { account: alice.account }),
        escrow,
        "JobCompleted",
        [jobId],
      );
      const job = await escrow.read.jobOf([jobId]);
      expect([job.status, job.unsettled]).to.deep.equal([Job.Completed, 0]);
      expect(await market.token.read.balanceOf([escrow.address])).to.equal(0n);
    });
  });

  describe("review window", () => {
    it("lets the provider release alone once the window has passed in silence", async () => {
      const market = await loadFixture(submittedMilestone);
      const { escrow, fund, jobId, bob } = market;
      const { reviewEndsAt } = await escrow.read.milestoneOf([jobId, 0n]);
      await expectRevert(
        escrow.write.releaseAfterReview([jobId, 0n], { account: bob.account }),
        "JobEscrowReviewWindowOpen",
        [jobId, 0n, reviewEndsAt],
      );
      await time.setNextBlockTimestamp(reviewEndsAt);
      await expectRevert(
        escrow.write.releaseAfterReview([jobId, 0n], { account: bob.account }),
        "JobEscrowReviewWindowOpen",
        [jobId, 0n, reviewEndsAt],
      );
      await time.setNextBlockTimestamp(reviewEndsAt + 1);
      const amount = AMOUNTS[0];
      const changes = await deltas(market, [bob.account.address, fund.address], () =>
        escrow.write.releaseAfterReview([jobId, 0n], { account: bob.account }),
      );
      expect(changes).to.deep.equal([amount - amount / 10n, amount / 10n]);
      expect((await escrow.read.milestoneOf([jobId, 0n])).status).to.equal(Milestone.Released);
    });

    it("marks the release as a review timeout, and anyone may make it: the provider is paid all the same", async () => {
      const { escrow, jobId, bob, carol } = await loadFixture(submittedMilestone);
      const { reviewEndsAt } = await escrow.read.milestoneOf([jobId, 0n]);
      await time.increaseTo(reviewEndsAt + 1);
      const amount = AMOUNTS[0];
      // carol applied but was not chosen: a stranger to the job.
      await viem.assertions.emitWithArgs(
        escrow.write.releaseAfterReview([jobId, 0n], { account: carol.account }),
        escrow,
        "MilestoneReleased",
        [
          jobId,
          0n,
          getAddress(bob.account.address),
          Release.ReviewTimeout,
          amount,
          amount - amount / 10n,
          amount / 10n,
        ],
      );
    });

    it("keeps a running review on the window it started with when governance changes it", async () => {
      const { escrow, jobId, deployer, bob } = await loadFixture(submittedMilestone);
      const { reviewEndsAt } = await escrow.read.milestoneOf([jobId, 0n]);
      await escrow.write.setReviewWindow([90 * DAY], { account: deployer.account });
      expect((await escrow.read.milestoneOf([jobId, 0n])).reviewEndsAt).to.equal(reviewEndsAt);
      await time.increaseTo(reviewEndsAt + 1);
      await escrow.write.releaseAfterReview([jobId, 0n], { account: bob.account });
      const at = await nextBlockAt(1);
      await escrow.write.submitMilestone([jobId, 1n, DELIVERABLE], { account: bob.account });
      expect((await escrow.read.milestoneOf([jobId, 1n])).reviewEndsAt).to.equal(at + 90 * DAY);
    });
  });

  describe("deadline", () => {
    it("returns to the client every milestone never submitted, and leaves submitted ones to review", async () => {
      const market = await loadFixture(submittedMilestone);
      const { escrow, jobId, deadline, alice, bob } = market;
      await time.setNextBlockTimestamp(deadline);
      await expectRevert(
        escrow.write.refundExpired([jobId], { account: alice.account }),
        "JobEscrowDeadlineNotReached",
        [jobId, deadline],
      );
      await time.setNextBlockTimestamp(deadline + 1);
      const refund = AMOUNTS[1] + AMOUNTS[2];
      const changes = await deltas(market, [alice.account.address, escrow.address], () =>
        escrow.write.refundExpired([jobId], { account: alice.account }),
      );
      expect(changes).to.deep.equal([refund, -refund]);
      expect((await escrow.read.milestoneOf([jobId, 1n])).status).to.equal(Milestone.Refunded);
      expect((await escrow.read.milestoneOf([jobId, 0n])).status).to.equal(Milestone.Submitted);
      expect((await escrow.read.jobOf([jobId])).unsettled).to.equal(1);
      await expectRevert(
        escrow.write.refundExpired([jobId], { account: alice.account }),
        "JobEscrowNothingToRefund",
        [jobId],
      );
      await viem.assertions.emitWithArgs(
        escrow.write.approveMilestone([jobId, 0n], { account: alice.account }),
        escrow,
        "JobCompleted",
        [jobId],
      );
      expect(await market.token.read.balanceOf([escrow.address])).to.equal(0n);
      // bob was never paid for the refunded milestones.
      expect(await market.token.read.balanceOf([bob.account.address])).to.equal(
        AZR(5_000) + AMOUNTS[0] - AMOUNTS[0] / 10n,
      );
    });

    it("emits MilestoneRefunded for each milestone taken back, and ends a job that paid nothing Refunded", async () => {
      const { escrow, jobId, deadline, alice } = await loadFixture(assignedJob);
      await time.increaseTo(deadline + 1);
      const hash = escrow.write.refundExpired([jobId], { account: alice.account });
      await viem.assertions.emitWithArgs(hash, escrow, "MilestoneRefunded", [jobId, 2n, AMOUNTS[2]]);
      await viem.assertions.emitWithArgs(hash, escrow, "JobRefunded", [jobId]);
      expect((await escrow.read.jobOf([jobId])).status).to.equal(Job.Refunded);
    });

    it("lets only the client take back", async () => {
      const { escrow, jobId, deadline, bob } = await loadFixture(assignedJob);
      await time.increaseTo(deadline + 1);
      await expectRevert(
        escrow.write.refundExpired([jobId], { account: bob.account }),
        "JobEscrowNotClient",
        [jobId, getAddress(bob.account.address)],
      );
    });
  });

  describe("disputes", () => {
    it("lets the client dispute within the review window, which stops approval and timeout release", async () => {
      const { escrow, jobId, alice, bob } = await loadFixture(submittedMilestone);
      const at = await nextBlockAt(5);
      await viem.assertions.emitWithArgs(
        escrow.write.dispute([jobId, 0n, REASON], { account: alice.account }),
        escrow,
        "MilestoneDisputed",
        [jobId, 0n, getAddress(alice.account.address), REASON, at + 30 * DAY],
      );
      const { reviewEndsAt } = await escrow.read.milestoneOf([jobId, 0n]);
      await time.increaseTo(reviewEndsAt + 1);
      await expectEachRevert(
        [
          () => escrow.write.approveMilestone([jobId, 0n], { account: alice.account }),
          () => escrow.write.releaseAfterReview([jobId, 0n], { account: bob.account }),
        ],
        "JobEscrowUnexpectedMilestoneStatus",
        [jobId, 0n, Milestone.Disputed, Milestone.Submitted],
      );
    });

    it("lets the provider dispute too, with no statement, up to the window's last second", async () => {
      const { escrow, jobId, bob } = await loadFixture(submittedMilestone);
      const { reviewEndsAt } = await escrow.read.milestoneOf([jobId, 0n]);
      await time.setNextBlockTimestamp(reviewEndsAt);
      await viem.assertions.emitWithArgs(
        escrow.write.dispute([jobId, 0n, ""], { account: bob.account }),
        escrow,
        "MilestoneDisputed",
        [jobId, 0n, getAddress(bob.account.address), "", reviewEndsAt + 30 * DAY],
      );
    });

    it("refuses a dispute by a stranger, of a pending milestone, or after the review window", async () => {
      const { escrow, jobId, alice, dave } = await loadFixture(submittedMilestone);
      await expectRevert(
        escrow.write.dispute([jobId, 0n, REASON], { account: dave.account }),
        "JobEscrowNotParty",
        [jobId, getAddress(dave.account.address)],
      );
      await expectRevert(
        escrow.write.dispute([jobId, 1n, REASON], { account: alice.account }),
        "JobEscrowUnexpectedMilestoneStatus",
        [jobId, 1n, Milestone.Pending, Milestone.Submitted],
      );
      const { reviewEndsAt } = await escrow.read.milestoneOf([jobId, 0n]);
      await time.setNextBlockTimestamp(reviewEndsAt + 1);
      await expectRevert(
        escrow.write.dispute([jobId, 0n, REASON], { account: alice.account }),
        "JobEscrowReviewWindowClosed",
        [jobId, 0n, reviewEndsAt],
      );
    });

    for (const { bps, label } of [
      { bps: 0, label: "0% (all back to the client)" },
      { bps: 10_000, label: "100% (a release)" },
      { bps: 3_333, label: "33.33%" },
    ]) {
      it(`resolve › splits at ${label} with exact amounts`, async () => {
        const market = await loadFixture(disputedMilestone);
        const { escrow, fund, jobId, alice, bob, arbiter } = market;
        const amount = AMOUNTS[0];
        const providerPart = (amount * BigInt(bps)) / 10_000n;
        const citadel = providerPart / 10n;
        const refund = amount - providerPart;
        const accounts = [bob.account.address, fund.address, alice.account.address, escrow.address];
        let hash: Hash | undefined;
        const changes = await deltas(market, accounts, async () => {
          hash = await escrow.write.resolveDispute([jobId, 0n, bps, REASON], { account: arbiter.account });
          return hash;
        });
        expect(changes).to.deep.equal([providerPart - citadel, citadel, refund, -amount]);
        await viem.assertions.emitWithArgs(Promise.resolve(hash!), escrow, "DisputeResolved", [
          jobId,
          0n,
          getAddress(arbiter.account.address),
          bps,
          providerPart - citadel,
          citadel,
          refund,
          REASON,
        ]);
        expect((await escrow.read.milestoneOf([jobId, 0n])).status).to.equal(Milestone.Resolved);
      });
    }

    it("records no CitadelFund inflow when the provider gets nothing", async () => {
      const { escrow, fund, jobId, arbiter, publicClient } = await loadFixture(disputedMilestone);
      const hash = await escrow.write.resolveDispute([jobId, 0n, 0, REASON], { account: arbiter.account });
      const { logs } = await publicClient.getTransactionReceipt({ hash });
      expect(logs.filter((log) => getAddress(log.address) === getAddress(fund.address))).to.have.length(0);
    });

    it("lets only an arbiter resolve, never one who is a party, within 0–10000 bps, with a reason", async () => {
      const { escrow, jobId, deployer, alice, dave, arbiter } = await loadFixture(disputedMilestone);
      await expectRevert(
        escrow.write.resolveDispute([jobId, 0n, 5_000, REASON], { account: dave.account }),
        "AccessControlUnauthorizedAccount",
        [getAddress(dave.account.address), Roles.ARBITER],
      );
      await escrow.write.grantRole([Roles.ARBITER, alice.account.address], { account: deployer.account });
      await expectRevert(
        escrow.write.resolveDispute([jobId, 0n, 5_000, REASON], { account: alice.account }),
        "JobEscrowArbiterIsParty",
        [jobId, getAddress(alice.account.address)],
      );
      await expectRevert(
        escrow.write.resolveDispute([jobId, 0n, 10_001, REASON], { account: arbiter.account }),
        "JobEscrowInvalidSplit",
        [10_001],
      );
      await expectRevert(
        escrow.write.resolveDispute([jobId, 0n, 5_000, ""], { account: arbiter.account }),
        "JobEscrowInvalidCid",
        [0n],
      );
      await expectRevert(
        escrow.write.resolveDispute([jobId, 1n, 5_000, REASON], { account: arbiter.account }),
        "JobEscrowUnexpectedMilestoneStatus",
        [jobId, 1n, Milestone.Pending, Milestone.Disputed],
      );
    });
  });

  describe("ratings", () => {
    it("lets client and provider each rate the other once when the job is completed", async () => {
      const { escrow, jobId, alice, bob } = await loadFixture(completedJob);
      await viem.assertions.emitWithArgs(
        escrow.write.rate([jobId, 5, REASON], { account: alice.account }),
        escrow,
        "Rated",
        [jobId, getAddress(alice.account.address), getAddress(bob.account.address), 5, REASON],
      );
      await viem.assertions.emitWithArgs(
        escrow.write.rate([jobId, 4, ""], { account: bob.account }),
        escrow,
        "Rated",
        [jobId, getAddress(bob.account.address), getAddress(alice.account.address), 4, ""],
      );
      const job = await escrow.read.jobOf([jobId]);
      expect([job.clientRated, job.providerRated]).to.deep.equal([true, true]);
      for (const who of [alice, bob]) {
        await expectRevert(
          escrow.write.rate([jobId, 3, ""], { account: who.account }),
          "JobEscrowAlreadyRated",
          [jobId, getAddress(who.account.address)],
        );
      }
    });

    it("refuses a score outside 1–5, a stranger, and a job not completed", async () => {
      const market = await loadFixture(completedJob);
      const { escrow, jobId, alice, dave } = market;
      for (const score of [0, 6]) {
        await expectRevert(
          escrow.write.rate([jobId, score, ""], { account: alice.account }),
          "JobEscrowInvalidRating",
          [score],
        );
      }
      await expectRevert(escrow.write.rate([jobId, 3, ""], { account: dave.account }), "JobEscrowNotParty", [
        jobId,
        getAddress(dave.account.address),
      ]);
      const { jobId: open } = await post(market);
      await expectRevert(
        escrow.write.rate([open, 3, ""], { account: alice.account }),
        "JobEscrowUnexpectedJobStatus",
        [open, Job.Open, Job.Completed],
      );
    });
  });

  describe("governance parameters", () => {
    it("lets the admin set the review window and the limits, with events", async () => {
      const { escrow, deployer } = await loadFixture(marketplace);
      await viem.assertions.emitWithArgs(
        escrow.write.setReviewWindow([3 * DAY], { account: deployer.account }),
        escrow,
        "ReviewWindowSet",
        [3 * DAY],
      );
      await viem.assertions.emitWithArgs(
        escrow.write.setLimits([5, AZR(10)], { account: deployer.account }),
        escrow,
        "LimitsSet",
        [5, AZR(10)],
      );
      expect(await escrow.read.reviewWindow()).to.equal(3 * DAY);
      expect(await escrow.read.limits()).to.deep.equal([5, AZR(10)]);
    });

    it("refuses windows and limits out of bounds", async () => {
      const { escrow } = await loadFixture(marketplace);
      for (const window of [60 * 60 - 1, 90 * DAY + 1]) {
        await expectRevert(escrow.write.setReviewWindow([window]), "JobEscrowInvalidReviewWindow", [window]);
      }
      for (const [max, min] of [
        [0, AZR(1)],
        [51, AZR(1)],
        [10, 9n],
      ] as const) {
        await expectRevert(escrow.write.setLimits([max, min]), "JobEscrowInvalidLimits", [max, min]);
      }
    });

    it("refuses parameter changes and arbiter appointments by anyone but the admin", async () => {
      const { escrow, alice, arbiter } = await loadFixture(marketplace);
      const me = getAddress(alice.account.address);
      await expectRevert(
        escrow.write.setReviewWindow([DAY], { account: alice.account }),
        "AccessControlUnauthorizedAccount",
        [me, ADMIN],
      );
      await expectRevert(
        escrow.write.setLimits([5, AZR(1)], { account: alice.account }),
        "AccessControlUnauthorizedAccount",
        [me, ADMIN],
      );
      await expectRevert(
        escrow.write.grantRole([Roles.ARBITER, me], { account: arbiter.account }),
        "AccessControlUnauthorizedAccount",
        [getAddress(arbiter.account.address), ADMIN],
      );
    });
  });

  describe("views", () => {
    it("answers an unknown job with status None, and refuses milestones of unknown jobs or indexes", async () => {
      const { escrow, jobId } = await loadFixture(openJob);
      expect((await escrow.read.jobOf([99n])).status).to.equal(Job.None);
      await expectRevert(escrow.read.milestoneOf([99n, 0n]), "JobEscrowJobNotFound", [99n]);
      await expectRevert(escrow.read.milestoneOf([jobId, 3n]), "JobEscrowMilestoneNotFound", [jobId, 3n, 3]);
    });
  });
});
