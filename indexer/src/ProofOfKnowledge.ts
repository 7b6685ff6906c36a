import { ponder } from "ponder:registry";
import { claim, course } from "ponder:schema";
import { eventId, touchAccount } from "./lib/account";
import { indexRoles } from "./lib/roles";
import { touchDay } from "./lib/daily";
import type { CourseSettings } from "../../protocol/course";

indexRoles("ProofOfKnowledge");

/** A course's settings as CourseRegistered and CourseUpdated both carry them, as `course` stores them. */
function courseSettings({ validity, ...settings }: CourseSettings) {
  return { ...settings, validity: BigInt(validity) };
}

ponder.on("ProofOfKnowledge:CourseRegistered", async ({ event, context }) => {
  await context.db.insert(course).values({
    id: event.args.courseId,
    ...courseSettings(event.args.settings),
    active: true,
    claimCount: 0,
    registeredAt: event.block.timestamp,
    updatedAt: event.block.timestamp,
  });
});

ponder.on("ProofOfKnowledge:CourseUpdated", async ({ event, context }) => {
  await context.db
    .update(course, { id: event.args.courseId })
    .set({ ...courseSettings(event.args.settings), updatedAt: event.block.timestamp });
});

ponder.on("ProofOfKnowledge:CourseActivated", async ({ event, context }) => {
  await context.db
    .update(course, { id: event.args.courseId })
    .set({ active: true, updatedAt: event.block.timestamp });
});

ponder.on("ProofOfKnowledge:CourseDeactivated", async ({ event, context }) => {
  await context.db
    .update(course, { id: event.args.courseId })
    .set({ active: false, updatedAt: event.block.timestamp });
});

ponder.on("ProofOfKnowledge:Claimed", async ({ event, context }) => {
  const { learner, courseId, credentialId, verifier, reward, learnerShare, citadelShare, epoch } = event.args;
  await context.db.insert(claim).values({
    id: eventId(event),
    learner,
    courseId,
    credentialId,
    verifier,
    reward,
    learnerShare,
    citadelShare,
    epoch: BigInt(epoch),
    submittedBy: event.transaction.from,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
  await context.db.update(course, { id: courseId }).set((row) => ({ claimCount: row.claimCount + 1 }));
  await touchAccount(context.db, learner, event.block.timestamp, { minedAzr: learnerShare });
  await touchDay(context.db, event.block.timestamp, { azrMined: reward, claims: 1 });
});
