import { ponder } from "ponder:registry";
import { zeroAddress } from "viem";
import type { Context } from "ponder:registry";
import { citadelFlow, citadelTotal, flowSource, releaseBatch } from "ponder:schema";
import type { Address } from "viem";
import { CitadelSource } from "../../protocol/enums";
import { labelFor } from "./lib/enums";
import { eventId } from "./lib/account";
import { setRole } from "./lib/roles";

/** Adds one flow to its token's `citadelTotal` row (created with zeroes first). */
async function addToCitadelTotal(
  db: Context["db"],
  token: Address,
  source: (typeof flowSource.enumValues)[number],
  amount: bigint,
) {
  const add = (of: typeof source) => (source === of ? amount : 0n);
  await db
    .insert(citadelTotal)
    .values({
      token,
      receivedMining: add("mining"),
      receivedEscrow: add("escrow"),
      receivedDonation: add("donation"),
      released: add("release"),
      flowsIn: source === "release" ? 0 : 1,
      flowsOut: source === "release" ? 1 : 0,
    })
    .onConflictDoUpdate((row) => ({
      receivedMining: row.receivedMining + add("mining"),
      receivedEscrow: row.receivedEscrow + add("escrow"),
      receivedDonation: row.receivedDonation + add("donation"),
      released: row.released + add("release"),
      flowsIn: row.flowsIn + (source === "release" ? 0 : 1),
      flowsOut: row.flowsOut + (source === "release" ? 1 : 0),
    }));
}

ponder.on("CitadelFund:InflowRecorded", async ({ event, context }) => {
  const { token, from, amount } = event.args;
  const source = labelFor(flowSource, CitadelSource, event.args.source);
  await addToCitadelTotal(context.db, token, source, amount);
  await context.db.insert(citadelFlow).values({
    id: eventId(event),
    direction: "in",
    source,
    proposalId: null,
    token,
    counterparty: from,
    amount,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
});

ponder.on("CitadelFund:Released", async ({ event, context }) => {
  const { token, to, amount } = event.args;
  const id = eventId(event);
  await addToCitadelTotal(context.db, token, "release", amount);
  await context.db.insert(citadelFlow).values({
    id,
    direction: "out",
    source: "release",
    proposalId: null,
    token,
    counterparty: to,
    amount,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
  // Money leaves only through the Timelock: the proposal executed in this transaction claims it.
  await context.db
    .insert(releaseBatch)
    .values({ id: event.transaction.hash, flowIds: [id] })
    .onConflictDoUpdate((row) => ({ flowIds: [...row.flowIds, id] }));
});

// Ownable2Step: the owner (the deployer, then the Timelock) is the fund's one role, "owner".
ponder.on("CitadelFund:OwnershipTransferred", async ({ event, context }) => {
  const { previousOwner, newOwner } = event.args;
  const common = {
    contract: event.log.address,
    contractName: "CitadelFund",
    role: "owner" as const,
    by: previousOwner,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  };
  if (previousOwner !== zeroAddress)
    await setRole(context.db, { ...common, account: previousOwner, active: false });
  await setRole(context.db, { ...common, account: newOwner, active: true });
});
