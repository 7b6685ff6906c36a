import { ponder } from "ponder:registry";
import { citadelFlow, proposal, releaseBatch, vote, voteSupport, voterDay } from "ponder:schema";
import { VoteType } from "../../protocol/enums";
import { labelFor } from "./lib/enums";
import { parseProposalDescription } from "../../protocol/proposals";
import { dayOf, touchDay } from "./lib/daily";

ponder.on("AzoraGovernor:ProposalCreated", async ({ event, context }) => {
  const { proposalId, proposer, targets, values, calldatas, voteStart, voteEnd, description } = event.args;
  const parsed = parseProposalDescription(description);
  await context.db.insert(proposal).values({
    id: proposalId,
    proposer,
    description,
    title: parsed?.title ?? null,
    descriptionCid: parsed?.cid ?? null,
    targets: [...targets],
    values: values.map(String),
    calldatas: [...calldatas],
    voteStart,
    voteEnd,
    extended: false,
    status: "created",
    forVotes: 0n,
    againstVotes: 0n,
    abstainVotes: 0n,
    voterCount: 0,
    createdAt: event.block.timestamp,
    updatedAt: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
});

ponder.on("AzoraGovernor:VoteCast", async ({ event, context }) => {
  const { voter, proposalId, support, weight, reason } = event.args;
  const side = labelFor(voteSupport, VoteType, support);
  const timestamp = event.block.timestamp;
  await context.db.insert(vote).values({
    id: `${proposalId}-${voter}`,
    proposalId,
    voter,
    support: side,
    weight,
    reason,
    relayed: event.transaction.from.toLowerCase() !== voter.toLowerCase(),
    timestamp,
    transactionHash: event.transaction.hash,
  });
  await context.db.update(proposal, { id: proposalId }).set((row) => ({
    forVotes: row.forVotes + (side === "for" ? weight : 0n),
    againstVotes: row.againstVotes + (side === "against" ? weight : 0n),
    abstainVotes: row.abstainVotes + (side === "abstain" ? weight : 0n),
    voterCount: row.voterCount + 1,
    updatedAt: timestamp,
  }));
  const firstToday = await context.db
    .insert(voterDay)
    .values({ id: `${dayOf(timestamp)}-${voter}` })
    .onConflictDoNothing();
  await touchDay(context.db, timestamp, { votesCast: 1, activeVoters: firstToday ? 1 : 0 });
});

ponder.on("AzoraGovernor:ProposalExtended", async ({ event, context }) => {
  const { proposalId, extendedDeadline } = event.args;
  await context.db
    .update(proposal, { id: proposalId })
    .set({ voteEnd: extendedDeadline, extended: true, updatedAt: event.block.timestamp });
});

ponder.on("AzoraGovernor:ProposalQueued", async ({ event, context }) => {
  const { proposalId, etaSeconds } = event.args;
  await context.db
    .update(proposal, { id: proposalId })
    .set({ status: "queued", eta: etaSeconds, updatedAt: event.block.timestamp });
});

ponder.on("AzoraGovernor:ProposalCanceled", async ({ event, context }) => {
  await context.db
    .update(proposal, { id: event.args.proposalId })
    .set({ status: "canceled", updatedAt: event.block.timestamp });
});

// The Governor emits ProposalExecuted after the Timelock has run the calls, so the CitadelFund's
// releases of the same transaction are already indexed (see CitadelFund.ts): claim them.
ponder.on("AzoraGovernor:ProposalExecuted", async ({ event, context }) => {
  const { proposalId } = event.args;
  await context.db
    .update(proposal, { id: proposalId })
    .set({ status: "executed", updatedAt: event.block.timestamp });
  const batch = await context.db.find(releaseBatch, { id: event.transaction.hash });
  if (!batch) return;
  for (const id of batch.flowIds) await context.db.update(citadelFlow, { id }).set({ proposalId });
  await context.db.delete(releaseBatch, { id: batch.id });
});
