import { ponder } from "ponder:registry";
import { citadelFlow } from "ponder:schema";
import { eventId } from "./lib/account";

/** CitadelFund's `Source` enum, in declaration order (None is never recorded). */
const SOURCES = ["none", "mining", "escrow", "donation"] as const;

ponder.on("CitadelFund:InflowRecorded", async ({ event, context }) => {
  const { source, token, from, amount } = event.args;
  const name = SOURCES[source];
  if (name === undefined || name === "none")
    throw new Error(`CitadelFund inflow with unknown source ${source}`);
  await context.db.insert(citadelFlow).values({
    id: eventId(event),
    direction: "in",
    source: name,
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
  await context.db.insert(citadelFlow).values({
    id: eventId(event),
    direction: "out",
    source: "release",
    token,
    counterparty: to,
    amount,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
});
