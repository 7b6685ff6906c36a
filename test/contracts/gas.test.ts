import { readFile, writeFile } from "node:fs/promises";
import { expect } from "chai";
import { globalOptions } from "hardhat";
import type { Hash } from "viem";
import { formatProposalDescription, proposalOf, proposeArgs } from "../../protocol/proposals";
import { signCompletion, signBallot, signDelegation, signPermit } from "../../protocol/eip712";
import { VoteType } from "../../protocol/enums";
import { learnerAddress } from "../support/accounts";
import {
  AZR,
  COURSE,
  credentialIdOf,
  gaslessVoter,
  governed,
  marketplace,
  networkHelpers,
  registerCourse,
  viem,
} from "../support/fixture";
import { proposals } from "../support/governance";
import { walletOf } from "./helpers/wallets";

/**
 * Gas of every user operation against the committed snapshot, `gas-snapshot.json` next to this
 * file (as Uniswap's and OpenZeppelin's gas snapshots): the test fails when an operation costs more
 * than 1% above its snapshot, or when the measured operations and the snapshot's differ. A change
 * that moves gas on purpose rewrites the snapshot with `GAS_SNAPSHOT=update npm run gas` and
 * commits it with the change. `npm run lint` runs this check.
 */
const SNAPSHOT = new URL("./gas-snapshot.json", import.meta.url);
const TOLERANCE = 0.01;
const DAY = 24 * 60 * 60;

const { time } = networkHelpers;

type Gas = Map<string, number>;

async function gasOf(hash: Promise<Hash>): Promise<number> {
  const publicClient = await viem.getPublicClient();
  const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
  if (receipt.status !== "success") throw new Error(`transaction ${receipt.transactionHash} reverted`);
  return Number(receipt.gasUsed);
}

/** AZR, mining and the marketplace, on the local deployment (as `npm run dev` makes it). */
async function measureMarket(gas: Gas) {
  const m = await marketplace();
  const { token, pok, credential, escrow, fund } = m;
  const { deployer, alice, bob, carol, dave, verifier, relayer, arbiter } = m;
  const record = async (name: string, hash: Promise<Hash>) => gas.set(name, await gasOf(hash));

  // AZR
  await record(
    "AzoraToken.transfer to a new holder",
    token.write.transfer([dave.account.address, AZR(10)], { account: alice.account }),
  );
  await record(
    "AzoraToken.transfer to a holder",
    token.write.transfer([dave.account.address, AZR(10)], { account: alice.account }),
  );
  await record(
    "AzoraToken.approve",
    token.write.approve([carol.account.address, AZR(1)], { account: alice.account }),
  );
  await record(
    "AzoraToken.delegate to self (first)",
    token.write.delegate([bob.account.address], { account: bob.account }),
  );
  const deadline = BigInt(await time.latest()) + 3_600n;
  const permit = await signPermit(alice, token.address, {
    owner: alice.account.address,
    spender: carol.account.address,
    value: AZR(2),
    nonce: await token.read.nonces([alice.account.address]),
    deadline,
  });
  await record(
    "AzoraToken.permit (relayed)",
    token.write.permit(
      [alice.account.address, carol.account.address, AZR(2), deadline, permit.v, permit.r, permit.s],
      {
        account: relayer.account,
      },
    ),
  );
  const delegator = walletOf(deployer, gaslessVoter);
  await token.write.transfer([gaslessVoter.address, AZR(5)], { account: alice.account });
  const delegation = { delegatee: gaslessVoter.address, nonce: 0n, expiry: deadline };
  const d = await signDelegation(delegator, token.address, delegation);
  await record(
    "AzoraToken.delegateBySig (relayed)",
    token.write.delegateBySig([gaslessVoter.address, 0n, deadline, d.v, d.r, d.s], {
      account: relayer.account,
    }),
  );

  // CitadelFund
  await token.write.approve([fund.address, AZR(5)], { account: alice.account });
  await record("CitadelFund.donate", fund.write.donate([token.address, AZR(5)], { account: alice.account }));

  // Mining: course 1 (valid a year) and course 2 (never expires), signed by `verifier`.
  await registerCourse(m, { verifierLimit: 1_000 });
  await pok.write.registerCourse([
    {
      title: "A course",
      contentCid: COURSE.contentCid,
      reward: AZR(150),
      verifier: verifier.account.address,
      minScore: COURSE.minScore,
      validity: 0,
    },
  ]);
  const claim = async (learner: `0x${string}`, courseId: bigint) => {
    const completion = { learner, courseId, score: 8_500, deadline: BigInt(await time.latest()) + 3_600n };
    const signature = await signCompletion(verifier, pok.address, completion);
    return pok.write.claim([completion, signature], { account: relayer.account });
  };
  // The first claim ever also gives the CitadelFund its first AZR: paid once, not measured.
  await gasOf(claim(learnerAddress("gas warm-up"), 1n));
  const newcomer = learnerAddress("gas newcomer");
  await record("ProofOfKnowledge.claim: first claim by a new learner", claim(newcomer, 1n));
  await record("ProofOfKnowledge.claim: by a learner holding AZR", claim(dave.account.address, 1n));
  await record("ProofOfKnowledge.claim: a second course", claim(newcomer, 2n));
  const idOf = credentialIdOf;
  await record(
    "AzoraCredential.revoke by its issuer",
    credential.write.revoke([idOf(newcomer, 1n), "answers leaked"], { account: verifier.account }),
  );
  await record(
    "AzoraCredential.burn",
    credential.write.burn([idOf(dave.account.address, 1n)], { account: dave.account }),
  );
  await record(
    "AzoraCredential.reinstate (governance)",
    credential.write.reinstate([idOf(newcomer, 1n), "revoked by mistake"], { account: deployer.account }),
  );
  // Emergencies: local account #7 is the local deployment's guardian.
  await record(
    "ProofOfKnowledge.pauseClaims (guardian)",
    pok.write.pauseClaims({ account: arbiter.account }),
  );
  await record(
    "ProofOfKnowledge.unpauseClaims (governance)",
    pok.write.unpauseClaims({ account: deployer.account }),
  );
  await record(
    "ProofOfKnowledge.disableVerifier (guardian)",
    pok.write.disableVerifier([verifier.account.address], { account: arbiter.account }),
  );

  // Marketplace: a job of three milestones through every step; bob, its provider, has delegated
  // his votes, so his pay also moves the votable supply.
  const amounts = [AZR(100), AZR(150), AZR(250)];
  const total = amounts.reduce((a, b) => a + b, 0n);
  const due = async (days: number) => (await time.latest()) + days * DAY;
  const jobDeadline = await due(30);
  const p = await signPermit(alice, token.address, {
    owner: alice.account.address,
    spender: escrow.address,
    value: total,
    nonce: await token.read.nonces([alice.account.address]),
    deadline: BigInt(jobDeadline),
  });
  await record(
    "JobEscrow.postJobWithPermit (3 milestones)",
    escrow.write.postJobWithPermit(
      ["bafkreibrief", amounts, jobDeadline, BigInt(jobDeadline), p.v, p.r, p.s],
      {
        account: alice.account,
      },
    ),
  );
  const job = await escrow.read.jobCount();
  const as = (who: typeof alice) => ({ account: who.account });
  await record("JobEscrow.applyForJob", escrow.write.applyForJob([job, "bafkreiproposal"], as(bob)));
  await escrow.write.applyForJob([job, "bafkreiproposal"], as(carol));
  await record("JobEscrow.assign", escrow.write.assign([job, bob.account.address], as(alice)));
  await record(
    "JobEscrow.submitMilestone",
    escrow.write.submitMilestone([job, 0n, "bafkreideliverable"], as(bob)),
  );
  await record(
    "JobEscrow.approveMilestone (90/10, to a delegated provider)",
    escrow.write.approveMilestone([job, 0n], as(alice)),
  );
  await escrow.write.submitMilestone([job, 1n, "bafkreideliverable"], as(bob));
  await record("JobEscrow.dispute", escrow.write.dispute([job, 1n, "bafkreireason"], as(alice)));
  await record(
    "JobEscrow.resolveDispute (60/40, to a delegated provider)",
    escrow.write.resolveDispute([job, 1n, 6_000, "bafkreiruling"], as(arbiter)),
  );
  await escrow.write.submitMilestone([job, 2n, "bafkreideliverable"], as(bob));
  await time.increase(Number(await escrow.read.reviewWindow()) + 1);
  await record(
    "JobEscrow.releaseAfterReview (to a delegated provider)",
    escrow.write.releaseAfterReview([job, 2n], as(bob)),
  );
  await record("JobEscrow.rate", escrow.write.rate([job, 5, "bafkreicomment"], as(alice)));

  // A second job, with carol (no delegation) as provider: an approval, a settlement both offer,
  // and a dispute left to the default after the dispute window.
  await token.write.approve([escrow.address, total], as(alice));
  await escrow.write.postJob(["bafkreibrief", amounts, await due(30)], as(alice));
  const second = await escrow.read.jobCount();
  await escrow.write.applyForJob([second, "bafkreiproposal"], as(carol));
  await escrow.write.assign([second, carol.account.address], as(alice));
  for (const index of [0n, 1n, 2n]) {
    await escrow.write.submitMilestone([second, index, "bafkreideliverable"], as(carol));
  }
  await record(
    "JobEscrow.approveMilestone (90/10, to an undelegated provider)",
    escrow.write.approveMilestone([second, 0n], as(alice)),
  );
  await escrow.write.dispute([second, 1n, "bafkreireason"], as(alice));
  await escrow.write.dispute([second, 2n, "bafkreireason"], as(carol));
  await record(
    "JobEscrow.offerSettlement (an offer)",
    escrow.write.offerSettlement([second, 1n, 7_000], as(alice)),
  );
  await record(
    "JobEscrow.offerSettlement (the matching offer: settles)",
    escrow.write.offerSettlement([second, 1n, 7_000], as(carol)),
  );
  await time.increase(Number(await escrow.read.DISPUTE_WINDOW()) + 1);
  await record(
    "JobEscrow.settleAfterDisputeWindow (50/50)",
    escrow.write.settleAfterDisputeWindow([second, 2n], as(dave)),
  );

  await token.write.approve([escrow.address, total], as(alice));
  await record(
    "JobEscrow.postJob (3 milestones)",
    escrow.write.postJob(["bafkreibrief", amounts, await due(30)], as(alice)),
  );
  await record(
    "JobEscrow.cancel (3 milestones)",
    escrow.write.cancel([await escrow.read.jobCount()], as(alice)),
  );
  await token.write.approve([escrow.address, total], as(alice));
  await escrow.write.postJob(["bafkreibrief", amounts, await due(3)], as(alice));
  const expiring = await escrow.read.jobCount();
  await escrow.write.applyForJob([expiring, "bafkreiproposal"], as(bob));
  await escrow.write.assign([expiring, bob.account.address], as(alice));
  await time.increase(4 * DAY);
  await record("JobEscrow.refundExpired (3 milestones)", escrow.write.refundExpired([expiring], as(alice)));
}

/** A proposal's life on the production deployment handed over to governance. */
async function measureGovernance(gas: Gas) {
  const g = await governed();
  const { governor, fund, token, alice, bob, carol, relayer, deployer } = g;
  const record = async (name: string, hash: Promise<Hash>) => gas.set(name, await gasOf(hash));
  const { pastSnapshot, pastDeadline, pastEta, vote, queue, execute } = proposals(g);
  const grant = {
    ...fund,
    target: fund.address,
    functionName: "release",
    args: [token.address, carol.account.address, 1n],
  };
  // The gasless voter delegates to itself by signature, so its relayed vote carries weight.
  const voter = walletOf(deployer, gaslessVoter);
  const expiry = BigInt(await time.latest()) + 3_600n;
  const d = await signDelegation(voter, token.address, {
    delegatee: gaslessVoter.address,
    nonce: 0n,
    expiry,
  });
  await token.write.delegateBySig([gaslessVoter.address, 0n, expiry, d.v, d.r, d.s], {
    account: relayer.account,
  });
  const p = proposalOf([grant], formatProposalDescription({ title: "Gas: a grant", cid: COURSE.contentCid }));
  await record(
    "AzoraGovernor.propose (one call)",
    governor.write.propose(proposeArgs(p), { account: alice.account }),
  );
  await pastSnapshot(p);
  await record("AzoraGovernor.castVote (reaching quorum)", vote(p, alice));
  await record("AzoraGovernor.castVote (after quorum)", vote(p, bob, VoteType.Against));
  const ballot = { proposalId: p.id, support: VoteType.For, voter: gaslessVoter.address, nonce: 0n };
  const signature = await signBallot(voter, governor.address, ballot);
  await record(
    "AzoraGovernor.castVoteBySig (relayed)",
    governor.write.castVoteBySig([p.id, VoteType.For, gaslessVoter.address, signature], {
      account: relayer.account,
    }),
  );
  await pastDeadline(p);
  await record("AzoraGovernor.queue", queue(p));
  await pastEta(p);
  await record("AzoraGovernor.execute (a CitadelFund grant)", execute(p));
}

describe("gas of every user operation, against gas-snapshot.json", () => {
  it(`rises by at most ${TOLERANCE * 100}% for every operation`, async function () {
    // Coverage instruments the bytecode: its gas says nothing about the contracts'.
    if (globalOptions.coverage) this.skip();
    const gas: Gas = new Map();
    await measureMarket(gas);
    await measureGovernance(gas);
    const measured = Object.fromEntries([...gas.entries()].sort(([a], [b]) => a.localeCompare(b)));
    if (process.env.GAS_SNAPSHOT === "update") {
      await writeFile(SNAPSHOT, `${JSON.stringify(measured, null, 2)}\n`);
      return;
    }
    const snapshot = JSON.parse(await readFile(SNAPSHOT, "utf8")) as Record<string, number>;
    const lines = Object.entries(measured).map(([name, value]) => {
      const before = snapshot[name];
      const change = before === undefined ? "new" : `${(((value - before) / before) * 100).toFixed(2)}%`;
      return `  ${name.padEnd(58)} ${String(value).padStart(9)}  ${String(before ?? "-").padStart(9)}  ${change}`;
    });
    const risen = Object.entries(measured).filter(([name, value]) => {
      const before = snapshot[name];
      return before !== undefined && value > before * (1 + TOLERANCE);
    });
    const differ = [
      ...Object.keys(measured).filter((name) => !(name in snapshot)),
      ...Object.keys(snapshot).filter((name) => !(name in measured)),
    ];
    const report = `operation, gas now, snapshot, change:\n${lines.join("\n")}`;
    const hint = "if that is intended, run `GAS_SNAPSHOT=update npm run gas` and commit gas-snapshot.json";
    expect(differ, `operations measured and in the snapshot differ (${hint}):\n${report}`).to.deep.equal([]);
    expect(
      risen.map(([name]) => name),
      `gas rose more than 1% (${hint}):\n${report}`,
    ).to.deep.equal([]);
  });
});
