import { formatProposalDescription, operationArgs, proposalOf, proposeArgs } from "../../protocol/proposals";
import { VoteType } from "../../protocol/enums";
import type { Proposal, ProposalCall } from "../../protocol/proposals";
import { COURSE, governed, networkHelpers } from "./fixture";
import type { Signer } from "./fixture";

type Governed = Awaited<ReturnType<typeof governed>>;

/**
 * Proposal moves for the governance tests, on a `governed` deployment. Times move with
 * `networkHelpers.time.increaseTo`, to just past the Governor's own snapshot, deadline and eta.
 */
export function proposals(g: Governed) {
  const { governor } = g;

  /** Proposes `calls` from `proposer` (alice by default) under a description with a real-looking CID. */
  async function propose(
    calls: ProposalCall[],
    title: string,
    proposer: Signer = g.alice,
  ): Promise<Proposal> {
    const proposal = proposalOf(calls, formatProposalDescription({ title, cid: COURSE.contentCid }));
    await governor.write.propose(proposeArgs(proposal), { account: proposer.account });
    return proposal;
  }
  /** Proposes a grant of `amount` AZR wei from the CitadelFund to carol (the tests' usual proposal). */
  const proposeGrant = (title: string, amount = 1n, proposer: Signer = g.alice) =>
    propose(
      [
        {
          ...g.fund,
          target: g.fund.address,
          functionName: "release",
          args: [g.token.address, g.carol.account.address, amount],
        },
      ],
      title,
      proposer,
    );
  const pastSnapshot = async (p: Proposal) =>
    networkHelpers.time.increaseTo((await governor.read.proposalSnapshot([p.id])) + 1n);
  const pastDeadline = async (p: Proposal) =>
    networkHelpers.time.increaseTo((await governor.read.proposalDeadline([p.id])) + 1n);
  const pastEta = async (p: Proposal) =>
    networkHelpers.time.increaseTo(await governor.read.proposalEta([p.id]));
  const vote = (p: Proposal, voter: Signer, support: number = VoteType.For) =>
    governor.write.castVote([p.id, support], { account: voter.account });
  const queue = (p: Proposal, by: Signer = g.relayer) =>
    governor.write.queue(operationArgs(p), { account: by.account });
  const execute = (p: Proposal, by: Signer = g.relayer) =>
    governor.write.execute(operationArgs(p), { account: by.account });

  /** Alice votes for `p`, it passes, is queued, waits out the Timelock; returns the execute transaction. */
  async function passAndExecute(p: Proposal) {
    await pastSnapshot(p);
    await vote(p, g.alice);
    await pastDeadline(p);
    await queue(p);
    await pastEta(p);
    return execute(p);
  }

  return { propose, proposeGrant, pastSnapshot, pastDeadline, pastEta, vote, queue, execute, passAndExecute };
}
