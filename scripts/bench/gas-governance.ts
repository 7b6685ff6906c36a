// Governance gas: the handover to the Timelock, then one proposal's life (AzoraGovernor + AzoraTimelock).
import { getContract, parseUnits } from "viem";
import type { Account } from "viem";
import { signBallot, signDelegation } from "../../protocol/eip712";
import { VoteType } from "../../protocol/enums";
import { localAccount, localRelayer } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import { formatProposalDescription, operationArgs, proposalOf, proposeArgs } from "../../protocol/proposals";
import { LOCAL_DEPLOY_CONFIG } from "../deploy/contracts";
import { handOverToGovernance } from "../deploy/governance";
import { advanceTimePast } from "../seed/governance";
import { gasGroup } from "./setup";
import type { BenchNode, GasFigures } from "./setup";

/**
 * Governance gas on the same node, after mining: the handover to the Timelock (all its
 * transactions), then one proposal's life. Account #6 delegates to itself, #5 by signature
 * (submitted by the relayer); #1 proposes a grant from the CitadelFund and votes (reaching quorum:
 * that vote also stores the late-quorum deadline), #5 votes by signature, #6 votes; the relayer
 * queues and executes. The clock moves with evm_increaseTime.
 */
async function governanceGas({ manifest, publicClient, wallet, gasOf }: BenchNode): Promise<GasFigures> {
  const tokenAt = contractOf(manifest, "AzoraToken");
  const fundAt = contractOf(manifest, "CitadelFund");
  const governorAt = contractOf(manifest, "AzoraGovernor");
  const token = (account: Account) => getContract({ ...tokenAt, client: wallet(account) });
  const governor = (account: Account) => getContract({ ...governorAt, client: wallet(account) });
  const relayer = localRelayer();

  const before = await publicClient.getBlockNumber({ cacheTime: 0 });
  const deployer = { publicClient, walletClient: wallet(localAccount(0)) };
  await handOverToGovernance(manifest, deployer, LOCAL_DEPLOY_CONFIG.governance);
  let handover = 0n;
  for (let n = before + 1n; n <= (await publicClient.getBlockNumber({ cacheTime: 0 })); n++) {
    handover += (await publicClient.getBlock({ blockNumber: n })).gasUsed;
  }

  const [proposer, selfDelegator, signer] = [localAccount(1), localAccount(6), localAccount(5)];
  const delegate = await gasOf(token(selfDelegator).write.delegate([selfDelegator.address]));
  const expiry = (await publicClient.getBlock()).timestamp + 86_400n; // the chain's clock, ahead of ours
  const nonce = await token(signer).read.nonces([signer.address]);
  const sig = await signDelegation(wallet(signer), tokenAt.address, {
    delegatee: signer.address,
    nonce,
    expiry,
  });
  const delegateBySig = await gasOf(
    token(relayer).write.delegateBySig([signer.address, nonce, expiry, sig.v, sig.r, sig.s]),
  );

  const proposal = proposalOf(
    [
      {
        ...fundAt,
        target: fundAt.address,
        functionName: "release",
        args: [tokenAt.address, localAccount(7).address, parseUnits("1", 18)],
      },
    ],
    formatProposalDescription({
      title: "Bench grant",
      cid: "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am",
    }),
  );
  const propose = await gasOf(governor(proposer).write.propose(proposeArgs(proposal)));
  const read = governor(relayer).read;
  await advanceTimePast(publicClient, await read.proposalSnapshot([proposal.id]));
  const castVote = await gasOf(governor(proposer).write.castVote([proposal.id, VoteType.For]));
  const ballot = { proposalId: proposal.id, support: VoteType.For, voter: signer.address, nonce: 0n };
  const signature = await signBallot(wallet(signer), governorAt.address, ballot);
  const castVoteBySig = await gasOf(
    governor(relayer).write.castVoteBySig([proposal.id, VoteType.For, signer.address, signature]),
  );
  const castVoteAfter = await gasOf(governor(selfDelegator).write.castVote([proposal.id, VoteType.Against]));
  await advanceTimePast(publicClient, await read.proposalDeadline([proposal.id]));
  const queue = await gasOf(governor(relayer).write.queue(operationArgs(proposal)));
  await advanceTimePast(publicClient, (await read.proposalEta([proposal.id])) - 1n);
  const execute = await gasOf(governor(relayer).write.execute(operationArgs(proposal)));

  return [
    ["propose (one call: a CitadelFund release)", propose],
    ["castVote (the vote that reaches quorum)", castVote],
    ["castVote (after quorum)", castVoteAfter],
    ["castVoteBySig (relayed, after quorum)", castVoteBySig],
    ["queue (schedules in the Timelock)", queue],
    ["execute (through the Timelock, pays the grant)", execute],
    ["delegate (first time, self)", delegate],
    ["delegateBySig (relayed, first time, self)", delegateBySig],
    ["handover to the Timelock (all its transactions)", handover],
  ];
}

/** The last group on the node: it hands every role over to governance. */
export const governanceGasGroup = gasGroup(
  "gas-governance",
  "Governance gas per operation (AzoraGovernor + AzoraTimelock, same node)",
  governanceGas,
);
