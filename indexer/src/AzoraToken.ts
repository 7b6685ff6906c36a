import { ponder } from "ponder:registry";
import { zeroAddress } from "viem";
import { account, delegationChange, transfer } from "ponder:schema";
import { eventId, touchAccount } from "./lib/account";
import { indexRoles } from "./lib/roles";
import { CITADEL_FUND, touchDay } from "./lib/daily";

indexRoles("AzoraToken");

ponder.on("AzoraToken:Transfer", async ({ event, context }) => {
  const { from, to, value } = event.args;
  const timestamp = event.block.timestamp;
  if (from !== zeroAddress)
    await touchAccount(context.db, from, timestamp, { balance: -value, transfers: 1 });
  if (to !== zeroAddress) await touchAccount(context.db, to, timestamp, { balance: value, transfers: 1 });
  await context.db.insert(transfer).values({
    id: eventId(event),
    from,
    to,
    amount: value,
    blockNumber: event.block.number,
    timestamp,
    transactionHash: event.transaction.hash,
  });
  if (from.toLowerCase() === CITADEL_FUND || to.toLowerCase() === CITADEL_FUND) {
    const fund = await context.db.find(account, { address: CITADEL_FUND });
    await touchDay(context.db, timestamp, { citadelBalance: fund?.balance ?? 0n });
  }
});

ponder.on("AzoraToken:DelegateChanged", async ({ event, context }) => {
  const { delegator, fromDelegate, toDelegate } = event.args;
  await touchAccount(context.db, delegator, event.block.timestamp, { delegate: toDelegate });
  await context.db.insert(delegationChange).values({
    id: eventId(event),
    delegator,
    fromDelegate,
    toDelegate,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
});

ponder.on("AzoraToken:DelegateVotesChanged", async ({ event, context }) => {
  const { delegate, newVotes } = event.args;
  await touchAccount(context.db, delegate, event.block.timestamp, { votes: newVotes });
});
