import { ponder } from "ponder:registry";
import type { Context } from "ponder:registry";
import { account, delegationChange, transfer } from "ponder:schema";
import { zeroAddress } from "viem";
import type { Address } from "viem";

/** Applies `change` to an account row, creating it with zeroes first if needed. */
async function touchAccount(
  db: Context["db"],
  address: Address,
  timestamp: bigint,
  change: { balance?: bigint; votes?: bigint; delegate?: Address; transfers?: number },
) {
  await db
    .insert(account)
    .values({
      address,
      balance: change.balance ?? 0n,
      votes: change.votes ?? 0n,
      delegate: change.delegate ?? null,
      transferCount: change.transfers ?? 0,
      updatedAt: timestamp,
    })
    .onConflictDoUpdate((row) => ({
      balance: row.balance + (change.balance ?? 0n),
      votes: change.votes ?? row.votes,
      delegate: change.delegate ?? row.delegate,
      transferCount: row.transferCount + (change.transfers ?? 0),
      updatedAt: timestamp,
    }));
}

ponder.on("AzoraToken:Transfer", async ({ event, context }) => {
  const { from, to, value } = event.args;
  const timestamp = event.block.timestamp;
  if (from !== zeroAddress)
    await touchAccount(context.db, from, timestamp, { balance: -value, transfers: 1 });
  if (to !== zeroAddress) await touchAccount(context.db, to, timestamp, { balance: value, transfers: 1 });
  await context.db.insert(transfer).values({
    id: `${event.transaction.hash}-${event.log.logIndex}`,
    from,
    to,
    amount: value,
    blockNumber: event.block.number,
    timestamp,
    transactionHash: event.transaction.hash,
  });
});

ponder.on("AzoraToken:DelegateChanged", async ({ event, context }) => {
  const { delegator, fromDelegate, toDelegate } = event.args;
  await touchAccount(context.db, delegator, event.block.timestamp, { delegate: toDelegate });
  await context.db.insert(delegationChange).values({
    id: `${event.transaction.hash}-${event.log.logIndex}`,
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
