import { getContract } from "viem";
import type { Account, Chain, Hash, PublicClient, TransactionReceipt, Transport, WalletClient } from "viem";
import { formatProposalDescription, operationArgs, proposalOf, proposeArgs } from "../../protocol/proposals";
import type { Proposal as ProposalText } from "../../content/formats/proposal";
import { VoteType } from "../../protocol/enums";
import { DEMO_PEOPLE, walletLike } from "./learning";
import { localAccount } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import type { Manifest } from "../../protocol/manifest";
import type { Proposal, ProposalCall } from "../../protocol/proposals";
import { advanceTimePast } from "./governance";

/**
 * On the local chain only, enacts `calls` the way the DAO does, at once: the demo person with the
 * most votes proposes them (their text published with `publish`), every demo person with votes
 * votes for, the clock moves past the vote and the Timelock's delay, and the proposal is queued
 * and executed. After the handover this is the only way to change what governance owns; on a
 * real chain the same proposal goes through a real vote.
 *
 * Refuses, saying why, when no demo person can propose (an unseeded chain).
 */
export async function enactLocally(
  manifest: Manifest,
  { publicClient, like }: { publicClient: PublicClient; like: WalletClient<Transport, Chain, Account> },
  text: ProposalText,
  calls: ProposalCall[],
  publish: (text: ProposalText) => Promise<string>,
): Promise<{ proposal: Proposal; receipt: TransactionReceipt }> {
  const governorAt = contractOf(manifest, "AzoraGovernor");
  const read = getContract({ ...governorAt, client: publicClient }).read;
  const token = getContract({ ...contractOf(manifest, "AzoraToken"), client: publicClient });
  const as = (index: number) => getContract({ ...governorAt, client: walletLike(like, localAccount(index)) });
  const send = async (hash: Promise<Hash>) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
    if (receipt.status !== "success")
      throw new Error(`governance transaction ${receipt.transactionHash} reverted`);
    return receipt;
  };

  const voters = [];
  for (const { index } of DEMO_PEOPLE) {
    const votes = await token.read.getVotes([localAccount(index).address]);
    if (votes > 0n) voters.push({ index, votes });
  }
  voters.sort((a, b) => (b.votes > a.votes ? 1 : -1));
  const proposer = voters[0];
  const threshold = await read.proposalThreshold();
  if (!proposer || proposer.votes < threshold) {
    throw new Error(
      "Governance owns this, and no demo account holds the votes to propose it " +
        `(${threshold} AZR wei needed): seed the chain first (npm run dev seeds delegated votes)`,
    );
  }

  const cid = await publish(text);
  const proposal = proposalOf(calls, formatProposalDescription({ title: text.title, cid }));
  await send(as(proposer.index).write.propose(proposeArgs(proposal)));
  await advanceTimePast(publicClient, await read.proposalSnapshot([proposal.id]));
  for (const { index } of voters) await send(as(index).write.castVote([proposal.id, VoteType.For]));
  await advanceTimePast(publicClient, await read.proposalDeadline([proposal.id]));
  await send(as(proposer.index).write.queue(operationArgs(proposal)));
  await advanceTimePast(publicClient, (await read.proposalEta([proposal.id])) - 1n);
  const receipt = await send(as(proposer.index).write.execute(operationArgs(proposal)));
  return { proposal, receipt };
}
