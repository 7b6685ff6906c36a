import { getContract, parseEventLogs, parseUnits } from "viem";
import type { PublicClient } from "viem";
import { formatProposalDescription, operationArgs, proposalOf, proposeArgs } from "../../protocol/proposals";
import type { Proposal as ProposalText } from "../../content/formats/proposal";
import { signBallot } from "../../protocol/eip712";
import { VoteType } from "../../protocol/enums";
import { localAccount, localRelayer } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import type { Manifest } from "../../protocol/manifest";
import type { Proposal, ProposalCall } from "../../protocol/proposals";
import { DEMO_DONATION_AZR, DEMO_GRANT_AZR, DEMO_GRANTEE, DEMO_PROPOSAL_TEXTS } from "./data";
import { confirm, walletLike } from "./learning";
import type { SeedClients } from "./learning";

/** Adds a proposal text (the `proposal` format) to the content store and returns its CID. */
export type PublishProposalText = (text: ProposalText) => Promise<string>;

/**
 * Moves the local chain's clock `seconds` ahead and mines one block. One `evm_mine` per block:
 * `hardhat_mine` with a count above 1 makes blocks the indexer refuses.
 */
export async function advanceTime(publicClient: PublicClient, seconds: bigint | number) {
  await publicClient.request({ method: "evm_increaseTime", params: [Number(seconds)] } as never);
  await publicClient.request({ method: "evm_mine", params: [] } as never);
}

/** Moves the local chain's clock to just after `timestamp` (when it is still ahead). */
export async function advanceTimePast(publicClient: PublicClient, timestamp: bigint) {
  const { timestamp: now } = await publicClient.getBlock();
  if (timestamp >= now) await advanceTime(publicClient, timestamp - now + 1n);
}

// The demo proposals' texts, the donation and the grant live in data/proposals.json (checked by ./data).
export { DEMO_DONATION_AZR, DEMO_GRANT_AZR, DEMO_GRANTEE, DEMO_PROPOSAL_TEXTS };

export interface SeededGovernance {
  /** Paid DEMO_GRANT_AZR AZR to Zawadi from the CitadelFund: proposed, voted, queued, executed. */
  executed: Proposal;
  /** Voted down (Amara against, Tendai for). */
  defeated: Proposal;
  /** Open for voting when the seed ends: Tendai has voted for it by signature, Amara not yet. */
  open: Proposal;
}

/**
 * The governance part of the demo, run after `handOverToGovernance`. Voting power is already
 * delegated by `seedAzora` (Amara holds her own and Kofi's votes, Tendai his own, Lindiwe none).
 *
 * 1. Amara donates DEMO_DONATION_AZR AZR to the CitadelFund.
 * 2. Amara proposes the grant (a CitadelFund `release` to Zawadi, #5); Tendai proposes halving the
 *    mining budget (`setEmissionSchedule`).
 * 3. When voting opens: Amara votes for the grant with a reason, and against the budget cut;
 *    Tendai votes for both, by signature, which the relayer (#9) submits.
 * 4. When voting closes: the grant passed and is queued, the budget cut is defeated. After the
 *    Timelock's delay the relayer executes the grant: Zawadi (#5) receives DEMO_GRANT_AZR AZR.
 * 5. Amara proposes raising course 1's reward to 120 AZR; voting opens and Tendai votes for it by
 *    signature. It stays open for a person to vote on (e.g. as Amara).
 *
 * The clock moves with `evm_increaseTime` + one `evm_mine`, so the seed only runs on a local chain.
 */
export async function seedGovernance(
  manifest: Manifest,
  { publicClient, deployer }: SeedClients,
  publish: PublishProposalText,
): Promise<SeededGovernance> {
  const governorAt = contractOf(manifest, "AzoraGovernor");
  const tokenAt = contractOf(manifest, "AzoraToken");
  const fundAt = contractOf(manifest, "CitadelFund");
  const pokAt = contractOf(manifest, "ProofOfKnowledge");
  const send = (hash: Promise<`0x${string}`>) => confirm(publicClient, hash);
  const wallet = (index: number) => walletLike(deployer, localAccount(index));
  const amara = wallet(1);
  const tendai = wallet(4);
  const relayer = walletLike(deployer, localRelayer());
  const governor = (client: typeof amara) => getContract({ ...governorAt, client });
  const read = getContract({ ...governorAt, client: publicClient }).read;
  const pok = getContract({ ...pokAt, client: publicClient });

  async function propose(
    proposer: typeof amara,
    text: ProposalText,
    calls: ProposalCall[],
  ): Promise<Proposal> {
    const cid = await publish(text);
    const proposal = proposalOf(calls, formatProposalDescription({ title: text.title, cid }));
    const receipt = await send(governor(proposer).write.propose(proposeArgs(proposal)));
    const [created] = parseEventLogs({
      abi: governorAt.abi,
      logs: receipt.logs,
      eventName: "ProposalCreated",
    });
    if (created?.args.proposalId !== proposal.id) throw new Error(`proposing "${text.title}" failed`);
    return proposal;
  }
  async function voteBySignature(voter: typeof amara, proposal: Proposal, support: number) {
    const nonce = await read.nonces([voter.account.address]);
    const ballot = { proposalId: proposal.id, support, voter: voter.account.address, nonce };
    const signature = await signBallot(voter, governorAt.address, ballot);
    await send(
      governor(relayer).write.castVoteBySig([proposal.id, support, voter.account.address, signature]),
    );
  }

  const grant = parseUnits(String(DEMO_GRANT_AZR), 18);
  const donation = parseUnits(String(DEMO_DONATION_AZR), 18);
  await send(getContract({ ...tokenAt, client: amara }).write.approve([fundAt.address, donation]));
  await send(getContract({ ...fundAt, client: amara }).write.donate([tokenAt.address, donation]));

  const executed = await propose(amara, DEMO_PROPOSAL_TEXTS.grant, [
    {
      ...fundAt,
      target: fundAt.address,
      functionName: "release",
      args: [tokenAt.address, localAccount(DEMO_GRANTEE.index).address, grant],
    },
  ]);
  const { epochLength, initialBudget, halvingInterval } = await pok.read.emissionSchedule();
  const defeated = await propose(tendai, DEMO_PROPOSAL_TEXTS.budget, [
    {
      ...pokAt,
      target: pokAt.address,
      functionName: "setEmissionSchedule",
      args: [epochLength, initialBudget / 2n, halvingInterval],
    },
  ]);

  await advanceTimePast(publicClient, await read.proposalSnapshot([executed.id]));
  await send(
    governor(amara).write.castVoteWithReason([executed.id, VoteType.For, "Swahili learners are waiting"]),
  );
  await send(governor(amara).write.castVote([defeated.id, VoteType.Against]));
  await voteBySignature(tendai, executed, VoteType.For);
  await voteBySignature(tendai, defeated, VoteType.For);

  await advanceTimePast(publicClient, await read.proposalDeadline([defeated.id]));
  await advanceTimePast(publicClient, await read.proposalDeadline([executed.id]));
  await send(governor(relayer).write.queue(operationArgs(executed)));
  await advanceTimePast(publicClient, (await read.proposalEta([executed.id])) - 1n);
  await send(governor(relayer).write.execute(operationArgs(executed)));

  const course = await pok.read.course([1n]);
  if (course.verifier === "0x0000000000000000000000000000000000000000") {
    throw new Error("The governance seed changes course 1's reward: seed the courses first (seedLearning)");
  }
  const open = await propose(amara, DEMO_PROPOSAL_TEXTS.reward, [
    {
      ...pokAt,
      target: pokAt.address,
      functionName: "updateCourse",
      args: [
        1n,
        {
          title: course.title,
          contentCid: course.contentCid,
          reward: parseUnits("120", 18),
          verifier: course.verifier,
          minScore: course.minScore,
          validity: course.validity,
        },
      ],
    },
  ]);
  await advanceTimePast(publicClient, await read.proposalSnapshot([open.id]));
  await voteBySignature(tendai, open, VoteType.For);

  return { executed, defeated, open };
}
