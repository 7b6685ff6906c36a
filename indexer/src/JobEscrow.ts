import { ponder } from "ponder:registry";
import type { Context } from "ponder:registry";
import { application, dispute, job, milestone, rating, releaseKind } from "ponder:schema";
import { ReleaseKind } from "../../protocol/enums";
import { labelFor } from "./lib/enums";
import { touchAccount } from "./lib/account";
import { indexRoles } from "./lib/roles";
import { touchDay } from "./lib/daily";

indexRoles("JobEscrow");

const milestoneId = (jobId: bigint, index: bigint) => `${jobId}-${index}`;

/** Adds a payout to a job's totals. */
async function addToJob(
  db: Context["db"],
  jobId: bigint,
  timestamp: bigint,
  paid: { provider?: bigint; citadel?: bigint; refunded?: bigint },
) {
  await db.update(job, { id: jobId }).set((row) => ({
    paidToProvider: row.paidToProvider + (paid.provider ?? 0n),
    paidToCitadel: row.paidToCitadel + (paid.citadel ?? 0n),
    refunded: row.refunded + (paid.refunded ?? 0n),
    updatedAt: timestamp,
  }));
}

ponder.on("JobEscrow:JobPosted", async ({ event, context }) => {
  const { jobId, client, briefCid, amounts, total, deadline } = event.args;
  await context.db.insert(job).values({
    id: jobId,
    client,
    provider: null,
    briefCid,
    deadline: BigInt(deadline),
    status: "open",
    milestoneCount: amounts.length,
    applicationCount: 0,
    total,
    paidToProvider: 0n,
    paidToCitadel: 0n,
    refunded: 0n,
    postedAt: event.block.timestamp,
    updatedAt: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
  await context.db.insert(milestone).values(
    amounts.map((amount, index) => ({
      id: milestoneId(jobId, BigInt(index)),
      jobId,
      index,
      amount,
      status: "pending" as const,
      providerShare: 0n,
      citadelShare: 0n,
      clientRefund: 0n,
    })),
  );
  await touchDay(context.db, event.block.timestamp, { jobsPosted: 1, jobVolume: total });
});

ponder.on("JobEscrow:ApplicationSubmitted", async ({ event, context }) => {
  const { jobId, provider, proposalCid } = event.args;
  await context.db.insert(application).values({
    id: `${jobId}-${provider}`,
    jobId,
    provider,
    proposalCid,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
  await context.db
    .update(job, { id: jobId })
    .set((row) => ({ applicationCount: row.applicationCount + 1, updatedAt: event.block.timestamp }));
});

ponder.on("JobEscrow:JobAssigned", async ({ event, context }) => {
  const { jobId, provider } = event.args;
  await context.db
    .update(job, { id: jobId })
    .set({ provider, status: "assigned", updatedAt: event.block.timestamp });
});

ponder.on("JobEscrow:JobCancelled", async ({ event, context }) => {
  const { jobId, refund } = event.args;
  const row = await context.db.find(job, { id: jobId });
  if (!row) throw new Error(`JobCancelled for unknown job ${jobId}`);
  await context.db.update(job, { id: jobId }).set({
    status: "cancelled",
    refunded: row.refunded + refund,
    updatedAt: event.block.timestamp,
  });
  for (let index = 0n; index < BigInt(row.milestoneCount); index++) {
    await context.db
      .update(milestone, { id: milestoneId(jobId, index) })
      .set((m) => ({ status: "cancelled", clientRefund: m.amount, settledAt: event.block.timestamp }));
  }
});

ponder.on("JobEscrow:MilestoneSubmitted", async ({ event, context }) => {
  const { jobId, index, deliverableCid, reviewEndsAt } = event.args;
  await context.db.update(milestone, { id: milestoneId(jobId, index) }).set({
    status: "submitted",
    deliverableCid,
    submittedAt: event.block.timestamp,
    reviewEndsAt: BigInt(reviewEndsAt),
  });
});

ponder.on("JobEscrow:MilestoneReleased", async ({ event, context }) => {
  const { jobId, index, kind, providerShare, citadelShare } = event.args;
  const releasedBy = labelFor(releaseKind, ReleaseKind, kind);
  await context.db.update(milestone, { id: milestoneId(jobId, index) }).set({
    status: "released",
    releasedBy,
    providerShare,
    citadelShare,
    settledAt: event.block.timestamp,
  });
  await addToJob(context.db, jobId, event.block.timestamp, {
    provider: providerShare,
    citadel: citadelShare,
  });
  await touchDay(context.db, event.block.timestamp, { escrowReleased: providerShare + citadelShare });
});

ponder.on("JobEscrow:MilestoneRefunded", async ({ event, context }) => {
  const { jobId, index, amount } = event.args;
  await context.db
    .update(milestone, { id: milestoneId(jobId, index) })
    .set({ status: "refunded", clientRefund: amount, settledAt: event.block.timestamp });
  await addToJob(context.db, jobId, event.block.timestamp, { refunded: amount });
});

ponder.on("JobEscrow:MilestoneDisputed", async ({ event, context }) => {
  const { jobId, index, by, reasonCid } = event.args;
  await context.db.update(milestone, { id: milestoneId(jobId, index) }).set({ status: "disputed" });
  await context.db.insert(dispute).values({
    id: milestoneId(jobId, index),
    jobId,
    index: Number(index),
    openedBy: by,
    reasonCid,
    openedAt: event.block.timestamp,
    resolved: false,
  });
});

/** A dispute's end, by an arbiter (`arbiter`, `reasonCid`) or without one (both null). */
async function resolveDispute(
  db: Context["db"],
  timestamp: bigint,
  args: {
    jobId: bigint;
    index: bigint;
    providerBps: number;
    providerShare: bigint;
    citadelShare: bigint;
    clientRefund: bigint;
    arbiter: `0x${string}` | null;
    reasonCid: string | null;
  },
) {
  const { jobId, index, providerBps, providerShare, citadelShare, clientRefund, arbiter, reasonCid } = args;
  const id = milestoneId(jobId, index);
  await db.update(milestone, { id }).set({
    status: "resolved",
    providerShare,
    citadelShare,
    clientRefund,
    settledAt: timestamp,
  });
  await db.update(dispute, { id }).set({
    resolved: true,
    arbiter,
    providerBps,
    resolutionCid: reasonCid,
    resolvedAt: timestamp,
  });
  await addToJob(db, jobId, timestamp, {
    provider: providerShare,
    citadel: citadelShare,
    refunded: clientRefund,
  });
  await touchDay(db, timestamp, { escrowReleased: providerShare + citadelShare });
}

ponder.on("JobEscrow:DisputeResolved", async ({ event, context }) => {
  await resolveDispute(context.db, event.block.timestamp, event.args);
});

ponder.on("JobEscrow:DisputeSettled", async ({ event, context }) => {
  await resolveDispute(context.db, event.block.timestamp, { ...event.args, arbiter: null, reasonCid: null });
});

ponder.on("JobEscrow:JobRefunded", async ({ event, context }) => {
  await context.db.update(job, { id: event.args.jobId }).set({
    status: "refunded",
    updatedAt: event.block.timestamp,
  });
});

ponder.on("JobEscrow:JobCompleted", async ({ event, context }) => {
  const row = await context.db.update(job, { id: event.args.jobId }).set({
    status: "completed",
    updatedAt: event.block.timestamp,
  });
  await touchAccount(context.db, row.client, event.block.timestamp, { jobsAsClient: 1 });
  if (row.provider) {
    await touchAccount(context.db, row.provider, event.block.timestamp, { jobsAsProvider: 1 });
  }
});

ponder.on("JobEscrow:Rated", async ({ event, context }) => {
  const { jobId, rater, ratee, score, commentCid } = event.args;
  await context.db.insert(rating).values({
    id: `${jobId}-${rater}`,
    jobId,
    rater,
    ratee,
    score,
    commentCid,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
  await touchAccount(context.db, ratee, event.block.timestamp, { rating: score });
});
