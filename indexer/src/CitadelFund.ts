import { ponder } from "ponder:registry";
import { zeroAddress } from "viem";
import { citadelFlow, flowSource, releaseBatch } from "ponder:schema";
import { CitadelSource } from "../../protocol/enums";
import { labelFor } from "./lib/enums";
import { eventId } from "./lib/account";
import { setRole } from "./lib/roles";

ponder.on("CitadelFund:InflowRecorded", async ({ event, context }) => {
  const { source, token, from, amount } = event.args;
  await context.db.insert(citadelFlow).values({
    id: eventId(event),
    direction: "in",
    source: labelFor(flowSource, CitadelSource, source),
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
