import { expect } from "chai";
import { getAddress, parseEventLogs, toHex, zeroHash } from "viem";
import { DEFAULT_DEPLOY_CONFIG } from "../../scripts/deploy/contracts";
import { Roles } from "../../protocol/roles";
import { VoteType, ProposalState } from "../../protocol/enums";
import { operationArgs, stateBitmap } from "../../protocol/proposals";
import {
  COURSE,
  AZR,
  FUND_DONATION_AZR,
  governed,
  networkHelpers,
  viem,
  VOTERS_AZR,
} from "../support/fixture";
import { proposals } from "../support/governance";
import { expectRevert } from "./helpers/revert";

const { loadFixture } = networkHelpers;
const settings = DEFAULT_DEPLOY_CONFIG.governance;

/** Expects `call` refused with GovernorUnexpectedProposalState: `p` is `state`, the call needs `needed`. */
const expectStateRefusal = (call: Promise<unknown>, p: { id: bigint }, state: number, needed: number) =>
  expectRevert(call, "GovernorUnexpectedProposalState", [p.id, state, stateBitmap(needed)]);

describe("AzoraGovernor", () => {
  describe("settings", () => {
    it("is a standard OpenZeppelin Governor on AZR's timestamp clock, with the production defaults", async () => {
      const { governor, token, timelock } = await loadFixture(governed);
      expect(await governor.read.name()).to.equal("Azora Governor");
      expect(await governor.read.version()).to.equal("1");
      expect(await governor.read.CLOCK_MODE()).to.equal("mode=timestamp");
      expect(await governor.read.clock()).to.equal(await networkHelpers.time.latest());
      expect(await governor.read.COUNTING_MODE()).to.equal("support=bravo&quorum=for,abstain");
      expect(await governor.read.token()).to.equal(getAddress(token.address));
      expect(await governor.read.timelock()).to.equal(getAddress(timelock.address));
      expect(await governor.read.votingDelay()).to.equal(BigInt(settings.votingDelaySeconds));
      expect(await governor.read.votingPeriod()).to.equal(BigInt(settings.votingPeriodSeconds));
      expect(await governor.read.proposalThreshold()).to.equal(AZR(settings.proposalThresholdAzr));
      expect(await governor.read.quorumNumerator()).to.equal(BigInt(settings.quorumPercent));
      expect(await governor.read.quorumDenominator()).to.equal(100n);
      expect(await governor.read.lateQuorumVoteExtension()).to.equal(settings.lateQuorumExtensionSeconds);
      expect(await timelock.read.getMinDelay()).to.equal(BigInt(settings.timelockDelaySeconds));
    });

    it("answers supportsInterface for IGovernor, ERC-165 and ERC-1155 receiving, as Governor tools expect", async () => {
      const { governor } = await loadFixture(governed);
      const ids = await viem.deployContract("MockInterfaceIds");
      expect(await governor.read.supportsInterface([await ids.read.governor()])).to.equal(true);
      expect(await governor.read.supportsInterface([await ids.read.erc1155Receiver()])).to.equal(true);
      expect(await governor.read.supportsInterface(["0x01ffc9a7"])).to.equal(true); // ERC-165
      expect(await governor.read.supportsInterface(["0xffffffff"])).to.equal(false);
    });

    it("sets quorum at 4% of AZR's supply at the proposal's snapshot", async () => {
      const { governor, token } = await loadFixture(governed);
      const now = BigInt(await networkHelpers.time.latest());
      await networkHelpers.mine();
      const supply = await token.read.getPastTotalSupply([now]);
      expect(await governor.read.quorum([now])).to.equal((supply * 4n) / 100n);
    });

    it("refuses a proposal from an account below the threshold", async () => {
      const g = await loadFixture(governed);
      const { fund, token, dave } = g;
      const { propose } = proposals(g);
      await expectRevert(
        propose(
          [
            {
              ...fund,
              target: fund.address,
              functionName: "release",
              args: [token.address, dave.account.address, 1n],
            },
          ],
          "Pay dave",
          dave,
        ),
        "GovernorInsufficientProposerVotes",
        [getAddress(dave.account.address), 0n, AZR(settings.proposalThresholdAzr)],
      );
    });
  });

  describe("full lifecycles through the Timelock", () => {
    it("pays a grant from the CitadelFund: propose → vote → queue → execute, each state and event checked", async () => {
      const g = await loadFixture(governed);
      const { governor, timelock, fund, token, carol, alice, bob } = g;
      const { proposeGrant, pastSnapshot, pastDeadline, pastEta, vote, queue, execute } = proposals(g);
      const grant = AZR(1_000);
      const p = await proposeGrant("Grant 1,000 AZR to carol", grant);
      expect(await governor.read.state([p.id])).to.equal(ProposalState.Pending);
      expect(await governor.read.proposalProposer([p.id])).to.equal(getAddress(alice.account.address));
      await expectStateRefusal(vote(p, bob), p, ProposalState.Pending, ProposalState.Active);

      await pastSnapshot(p);
      expect(await governor.read.state([p.id])).to.equal(ProposalState.Active);
      await viem.assertions.emitWithArgs(vote(p, alice), governor, "VoteCast", [
        getAddress(alice.account.address),
        p.id,
        VoteType.For,
        AZR(VOTERS_AZR.alice - FUND_DONATION_AZR),
        "",
      ]);
      await vote(p, bob, VoteType.Against);
      await expectRevert(vote(p, alice), "GovernorAlreadyCastVote", [getAddress(alice.account.address)]);
      expect(await governor.read.proposalVotes([p.id])).to.deep.equal([
        AZR(VOTERS_AZR.bob),
        AZR(VOTERS_AZR.alice - FUND_DONATION_AZR),
        0n,
      ]);
      await expectStateRefusal(queue(p), p, ProposalState.Active, ProposalState.Succeeded);

      await pastDeadline(p);
      expect(await governor.read.state([p.id])).to.equal(ProposalState.Succeeded);
      const queued = await queue(p);
      const eta = await governor.read.proposalEta([p.id]);
      await viem.assertions.emitWithArgs(Promise.resolve(queued), governor, "ProposalQueued", [p.id, eta]);
      expect(eta).to.equal(
        BigInt(await networkHelpers.time.latest()) + BigInt(settings.timelockDelaySeconds),
      );
      expect(await governor.read.state([p.id])).to.equal(ProposalState.Queued);

      // Nobody executes before the Timelock's delay. GovernorTimelockControl schedules with the salt
      // `bytes20(governor) ^ descriptionHash`.
      const salt = toHex(BigInt(p.descriptionHash) ^ (BigInt(governor.address) << 96n), { size: 32 });
      const operationId = await timelock.read.hashOperationBatch([
        p.targets,
        p.values,
        p.calldatas,
        zeroHash,
        salt,
      ]);
      expect(await timelock.read.isOperationPending([operationId])).to.equal(true);
      const TimelockReady = 2; // TimelockController.OperationState.Ready
      await expectRevert(execute(p), "TimelockUnexpectedOperationState", [
        operationId,
        stateBitmap(TimelockReady),
      ]);

      await pastEta(p);
      const balanceBefore = await token.read.balanceOf([carol.account.address]);
      const executed = execute(p);
      await viem.assertions.emitWithArgs(executed, fund, "Released", [
        getAddress(token.address),
        getAddress(carol.account.address),
        grant,
      ]);
      expect(await governor.read.state([p.id])).to.equal(ProposalState.Executed);
      expect((await token.read.balanceOf([carol.account.address])) - balanceBefore).to.equal(grant);
      expect(await token.read.balanceOf([fund.address])).to.equal(AZR(FUND_DONATION_AZR) - grant);
      await expectStateRefusal(execute(p), p, ProposalState.Executed, ProposalState.Queued);
    });

    it("changes a course's reward", async () => {
      const g = await loadFixture(governed);
      const { pok, verifier } = g;
      const { propose, passAndExecute } = proposals(g);
      const p = await propose(
        [
          {
            ...pok,
            target: pok.address,
            functionName: "updateCourse",
            args: [
              1n,
              {
                title: COURSE.title,
                contentCid: COURSE.contentCid,
                reward: AZR(150),
                verifier: verifier.account.address,
                minScore: COURSE.minScore,
                validity: COURSE.validity,
              },
            ],
          },
        ],
        "Course 1 pays 150 AZR",
      );
      await viem.assertions.emitWithArgs(passAndExecute(p), pok, "CourseUpdated", [
        1n,
        getAddress(verifier.account.address),
        {
          title: COURSE.title,
          contentCid: COURSE.contentCid,
          reward: AZR(150),
          verifier: getAddress(verifier.account.address),
          minScore: COURSE.minScore,
          validity: COURSE.validity,
        },
      ]);
      expect(await pok.read.rewardOf([1n])).to.equal(AZR(150));
    });

    it("changes an emission parameter (the budget per epoch)", async () => {
      const g = await loadFixture(governed);
      const { pok, publicClient } = g;
      const { propose, passAndExecute } = proposals(g);
      const { epochLength, halvingInterval, initialBudget } = await pok.read.emissionSchedule();
      const p = await propose(
        [
          {
            ...pok,
            target: pok.address,
            functionName: "setEmissionSchedule",
            args: [epochLength, initialBudget / 2n, halvingInterval],
          },
        ],
        "Halve the mining budget",
      );
      const receipt = await publicClient.waitForTransactionReceipt({ hash: await passAndExecute(p) });
      const [set] = parseEventLogs({ abi: pok.abi, logs: receipt.logs, eventName: "EmissionScheduleSet" });
      expect(set?.args.initialBudget).to.equal(initialBudget / 2n);
      expect((await pok.read.emissionSchedule()).initialBudget).to.equal(initialBudget / 2n);
    });

    it("appoints an escrow arbiter, who can then resolve a dispute", async () => {
      const g = await loadFixture(governed);
      const { escrow, token, timelock, alice, bob, dave } = g;
      const { propose, passAndExecute } = proposals(g);
      // A job of alice's with bob's first milestone in dispute.
      await token.write.approve([escrow.address, AZR(300)], { account: alice.account });
      const deadline = (await networkHelpers.time.latest()) + 30 * 86_400;
      await escrow.write.postJob([COURSE.contentCid, [AZR(100), AZR(200)], deadline], {
        account: alice.account,
      });
      const jobId = await escrow.read.jobCount();
      await escrow.write.applyForJob([jobId, COURSE.contentCid], { account: bob.account });
      await escrow.write.assign([jobId, bob.account.address], { account: alice.account });
      await escrow.write.submitMilestone([jobId, 0n, COURSE.contentCid], { account: bob.account });
      await escrow.write.dispute([jobId, 0n, COURSE.contentCid], { account: alice.account });
      const resolve = () =>
        escrow.write.resolveDispute([jobId, 0n, 5_000, COURSE.contentCid], { account: dave.account });
      await expectRevert(resolve(), "AccessControlUnauthorizedAccount", [
        getAddress(dave.account.address),
        Roles.ARBITER,
      ]);

      const p = await propose(
        [
          {
            ...escrow,
            target: escrow.address,
            functionName: "grantRole",
            args: [Roles.ARBITER, dave.account.address],
          },
        ],
        "Appoint dave as an escrow arbiter",
      );
      await viem.assertions.emitWithArgs(passAndExecute(p), escrow, "RoleGranted", [
        Roles.ARBITER,
        getAddress(dave.account.address),
        getAddress(timelock.address),
      ]);
      expect(await escrow.read.hasRole([Roles.ARBITER, dave.account.address])).to.equal(true);
      await viem.assertions.emit(resolve(), escrow, "DisputeResolved");
    });

    it("changes its own settings only through a proposal", async () => {
      const g = await loadFixture(governed);
      const { governor } = g;
      const { propose, passAndExecute } = proposals(g);
      const p = await propose(
        [{ ...governor, target: governor.address, functionName: "setVotingPeriod", args: [14 * 24 * 3600] }],
        "Two-week votes",
      );
      await viem.assertions.emitWithArgs(passAndExecute(p), governor, "VotingPeriodSet", [
        BigInt(settings.votingPeriodSeconds),
        BigInt(14 * 24 * 3600),
      ]);
      expect(await governor.read.votingPeriod()).to.equal(BigInt(14 * 24 * 3600));
    });
  });

  describe("quorum", () => {
    it("defeats a proposal that every voter supports when too few voted", async () => {
      const g = await loadFixture(governed);
      const { governor, carol } = g;
      const { proposeGrant, pastSnapshot, pastDeadline, vote, queue } = proposals(g);
      const p = await proposeGrant("A quiet grant");
      await pastSnapshot(p);
      await vote(p, carol); // 5,000 AZR for, none against: below 4% of the supply
      const quorum = await governor.read.quorum([await governor.read.proposalSnapshot([p.id])]);
      expect(AZR(VOTERS_AZR.carol) < quorum).to.equal(true);
      await pastDeadline(p);
      expect(await governor.read.state([p.id])).to.equal(ProposalState.Defeated);
      await expectStateRefusal(queue(p), p, ProposalState.Defeated, ProposalState.Succeeded);
    });

    it("extends the vote when quorum is reached late, so opponents can still answer", async () => {
      const g = await loadFixture(governed);
      const { governor, carol, bob, alice } = g;
      const { proposeGrant, pastSnapshot, vote } = proposals(g);
      const p = await proposeGrant("A late grant");
      await pastSnapshot(p);
      const deadline = await governor.read.proposalDeadline([p.id]);
      await vote(p, carol);
      await networkHelpers.time.increaseTo(deadline - 3_600n);
      const late = vote(p, bob); // quorum reached one hour before the end
      const reachedAt = BigInt(await networkHelpers.time.latest()) + 1n;
      const extended = reachedAt + BigInt(settings.lateQuorumExtensionSeconds);
      await viem.assertions.emitWithArgs(late, governor, "ProposalExtended", [p.id, extended]);
      expect(await governor.read.proposalDeadline([p.id])).to.equal(extended);
      await networkHelpers.time.increaseTo(deadline + 1n);
      expect(await governor.read.state([p.id])).to.equal(ProposalState.Active);
      await vote(p, alice, VoteType.Against); // the answer the extension made room for
      await networkHelpers.time.increaseTo(extended + 1n);
      expect(await governor.read.state([p.id])).to.equal(ProposalState.Defeated);
    });
  });

  describe("cancellation", () => {
    it("lets the proposer cancel while pending, after which nobody can vote", async () => {
      const g = await loadFixture(governed);
      const { governor } = g;
      const { proposeGrant, pastSnapshot, vote } = proposals(g);
      const p = await proposeGrant("Withdrawn");
      await viem.assertions.emitWithArgs(
        governor.write.cancel(operationArgs(p), { account: g.alice.account }),
        governor,
        "ProposalCanceled",
        [p.id],
      );
      expect(await governor.read.state([p.id])).to.equal(ProposalState.Canceled);
      await pastSnapshot(p);
      await expectStateRefusal(vote(p, g.alice), p, ProposalState.Canceled, ProposalState.Active);
    });

    it("refuses a cancel by anyone but the proposer, and by the proposer once voting started", async () => {
      const g = await loadFixture(governed);
      const { governor, bob, alice } = g;
      const { proposeGrant, pastSnapshot } = proposals(g);
      const p = await proposeGrant("Not yours to cancel");
      await expectRevert(
        governor.write.cancel(operationArgs(p), { account: bob.account }),
        "GovernorUnableToCancel",
        [p.id, getAddress(bob.account.address)],
      );
      await pastSnapshot(p);
      await expectRevert(
        governor.write.cancel(operationArgs(p), { account: alice.account }),
        "GovernorUnableToCancel",
        [p.id, getAddress(alice.account.address)],
      );
    });
  });
});
