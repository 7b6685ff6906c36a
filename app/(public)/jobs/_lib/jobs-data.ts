import "server-only";
import { jobBriefSchema } from "@/content/formats/job-brief";
import type { JobBrief } from "@/content/formats/job-brief";
import { readContentJson } from "@/app/_lib/content-json";
import { many, one, rows } from "@/app/_lib/indexer-query";
import type { PartsData } from "@/app/_lib/indexer-query";

// The marketplace's reads of the indexer (typed from its schema) and of the job briefs on IPFS.

export const JOBS_PAGE_SIZE = 50;
export const JOB_STATUSES = ["open", "assigned", "completed", "cancelled", "refunded"] as const;
export type JobStatusName = (typeof JOB_STATUSES)[number];

const JOB = {
  id: "bigint",
  client: true,
  provider: true,
  briefCid: true,
  deadline: "bigint",
  status: true,
  milestoneCount: true,
  applicationCount: true,
  total: "bigint",
  paidToProvider: "bigint",
  paidToCitadel: "bigint",
  refunded: "bigint",
  postedAt: "bigint",
  updatedAt: "bigint",
  transactionHash: true,
} as const;
const MILESTONE = {
  id: true,
  jobId: "bigint",
  index: true,
  amount: "bigint",
  status: true,
  deliverableCid: true,
  submittedAt: "bigint",
  reviewEndsAt: "bigint",
  releasedBy: true,
  providerShare: "bigint",
  citadelShare: "bigint",
  clientRefund: "bigint",
  settledAt: "bigint",
} as const;
const APPLICATION = { id: true, provider: true, proposalCid: true, timestamp: "bigint" } as const;
const DISPUTE = {
  id: true,
  jobId: "bigint",
  index: true,
  openedBy: true,
  reasonCid: true,
  openedAt: "bigint",
  resolved: true,
  arbiter: true,
  providerBps: true,
  resolutionCid: true,
  resolvedAt: "bigint",
} as const;
const RATING = {
  id: true,
  jobId: "bigint",
  rater: true,
  ratee: true,
  score: true,
  commentCid: true,
  timestamp: "bigint",
} as const;
const CREDENTIAL = {
  id: "bigint",
  courseId: "bigint",
  score: true,
  expiresAt: "bigint",
  revoked: true,
} as const;
const REPUTATION = {
  address: true,
  jobsAsClient: true,
  jobsAsProvider: true,
  ratingCount: true,
  ratingSum: true,
} as const;

/** A page of jobs, open ones first when no status is asked for (the list orders by status, then newest). */
export function jobListParts(status: JobStatusName | undefined, after: string | null) {
  return {
    jobs: many("job", JOB, {
      where: status ? { status } : {},
      orderBy: "postedAt",
      orderDirection: "desc",
      limit: JOBS_PAGE_SIZE,
      after,
      count: true,
    }),
  };
}

/** One job with its milestones, applications, disputes and ratings. */
export function jobParts(id: bigint) {
  return {
    job: one("job", { id }, JOB),
    milestones: rows("milestone", MILESTONE, { jobId: id }, ["index", "asc"], 20),
    applications: rows("application", APPLICATION, { jobId: id }, ["timestamp", "asc"], 100),
    disputes: rows("dispute", DISPUTE, { jobId: id }, ["index", "asc"], 20),
    ratings: rows("rating", RATING, { jobId: id }, ["timestamp", "asc"], 2),
  };
}

/** Disputes still waiting for an arbiter, oldest first. */
export function openDisputesParts() {
  return {
    disputes: rows("dispute", DISPUTE, { resolved: false }, ["openedAt", "asc"], 100),
  };
}

/** The marketplace record of an account: its jobs as client and provider, ratings received and given. */
export function accountJobsParts(address: string) {
  const lower = address.toLowerCase();
  return {
    reputation: one("account", { address: lower }, REPUTATION),
    asClient: rows("job", JOB, { client: lower }, ["postedAt", "desc"], 20),
    asProvider: rows("job", JOB, { provider: lower }, ["postedAt", "desc"], 20),
    received: rows("rating", RATING, { ratee: lower }, ["timestamp", "desc"], 20),
    given: rows("rating", RATING, { rater: lower }, ["timestamp", "desc"], 20),
    credentials: rows("credential", CREDENTIAL, { holder: lower, burned: false }, ["issuedAt", "desc"], 50),
  };
}

/** The reputation rows of several accounts (clients in the list, applicants on a job). */
export function reputationsParts(addresses: string[]) {
  const lower = [...new Set(addresses.map((a) => a.toLowerCase()))];
  return {
    reputations: many("account", REPUTATION, {
      where: { address_in: lower },
      orderBy: "address",
      limit: 100,
    }),
  };
}

export type JobList = PartsData<ReturnType<typeof jobListParts>>;
export type JobDetail = PartsData<ReturnType<typeof jobParts>>;
export type JobRow = JobList["jobs"]["items"][number];
export type MilestoneRow = JobDetail["milestones"]["items"][number];
export type ApplicationRow = JobDetail["applications"]["items"][number];
export type DisputeRow = JobDetail["disputes"]["items"][number];
export type RatingRow = JobDetail["ratings"]["items"][number];
export type Reputation = PartsData<ReturnType<typeof reputationsParts>>["reputations"]["items"][number];
export type AccountJobs = PartsData<ReturnType<typeof accountJobsParts>>;

/** A job's brief from the content store, checked against the brief format; null when missing, too large, or not a brief. */
export function readBrief(cid: string): Promise<JobBrief | null> {
  return readContentJson(cid, jobBriefSchema, { maxBytes: 64 * 1024, timeoutMs: 4_000 });
}

/** A text in the reader's plain words: the average rating with one decimal, or null without ratings. */
export function averageRating(
  rep: { ratingCount: number; ratingSum: number } | null | undefined,
): number | null {
  return rep && rep.ratingCount > 0 ? rep.ratingSum / rep.ratingCount : null;
}
