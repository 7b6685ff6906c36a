import { ponder } from "ponder:registry";
import { timelockOperation } from "ponder:schema";
import { indexRoles } from "./lib/roles";

indexRoles("AzoraTimelock");

// One CallScheduled per call of a batch (index 0, 1, …): the first creates the operation.
ponder.on("AzoraTimelock:CallScheduled", async ({ event, context }) => {
  const { id, target, delay } = event.args;
  await context.db
    .insert(timelockOperation)
    .values({
      id,
      status: "scheduled",
      targets: [target],
      delay,
      readyAt: event.block.timestamp + delay,
      scheduledAt: event.block.timestamp,
      scheduledIn: event.transaction.hash,
    })
    .onConflictDoUpdate((row) => ({ targets: [...row.targets, target] }));
});

ponder.on("AzoraTimelock:CallExecuted", async ({ event, context }) => {
  await context.db
    .update(timelockOperation, { id: event.args.id })
    .set({ status: "executed", executedAt: event.block.timestamp });
});

ponder.on("AzoraTimelock:Cancelled", async ({ event, context }) => {
  await context.db.update(timelockOperation, { id: event.args.id }).set({ status: "cancelled" });
});
