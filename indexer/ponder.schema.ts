import { index, onchainEnum, onchainTable, relations } from "ponder";
import type { PgColumnsBuilders } from "ponder";

// Columns many tables share, written once.

/** The transaction that wrote the row, and its block's time (unix seconds). */
const transactionColumns = (t: PgColumnsBuilders) => ({
  timestamp: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
});

/** The same with the block number: for rows that each record one event log. */
const logColumns = (t: PgColumnsBuilders) => ({
  blockNumber: t.bigint().notNull(),
  ...transactionColumns(t),
});

/** A JSON array of strings (addresses, calldata, decimal amounts or row ids). */
const stringList = (t: PgColumnsBuilders) => t.json().$type<string[]>().notNull();

/** One row per address that ever held, sent, received or delegated AZR. */
export const account = onchainTable(
  "account",
  (t) => ({
    address: t.hex().primaryKey(),
    balance: t.bigint().notNull(),
    /** Voting power delegated to this account (ERC-5805 `getVotes`). */
    votes: t.bigint().notNull(),
    /** Whom this account delegates its votes to; null until it first delegates. */
    delegate: t.hex(),
    transferCount: t.integer().notNull(),
    /** AZR received as a learner's 90% share of mining rewards. */
    minedAzr: t.bigint().notNull(),
    /** Credentials currently held (issued minus burned; revoked ones still count as held). */
    credentialsHeld: t.integer().notNull(),
    /** Marketplace jobs completed with this account as the client, and as the provider. */
    jobsAsClient: t.integer().notNull(),
    jobsAsProvider: t.integer().notNull(),
    /** Ratings received and the sum of their scores: the average is `ratingSum / ratingCount`. */
    ratingCount: t.integer().notNull(),
    ratingSum: t.integer().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  // The home page's holders and /me's delegates: largest first (Ponder orders ties by the key).
  (table) => ({
    balanceIdx: index().on(table.balance, table.address),
    votesIdx: index().on(table.votes, table.address),
  }),
);

export const transfer = onchainTable(
  "transfer",
  (t) => ({
    /** `<txHash>-<logIndex>` */
    id: t.text().primaryKey(),
    from: t.hex().notNull(),
    to: t.hex().notNull(),
    amount: t.bigint().notNull(),
    ...logColumns(t),
  }),
  // An account's history, newest first: sent and received, each in the order pages read it.
  (table) => ({
    fromIdx: index().on(table.from, table.timestamp, table.id),
    toIdx: index().on(table.to, table.timestamp, table.id),
    transactionIdx: index().on(table.transactionHash),
  }),
);

export const delegationChange = onchainTable(
  "delegation_change",
  (t) => ({
    id: t.text().primaryKey(),
    delegator: t.hex().notNull(),
    fromDelegate: t.hex().notNull(),
    toDelegate: t.hex().notNull(),
    ...logColumns(t),
  }),
  (table) => ({
    delegatorIdx: index().on(table.delegator, table.timestamp, table.id),
    toDelegateIdx: index().on(table.toDelegate),
  }),
);

/** A course of ProofOfKnowledge's registry. */
export const course = onchainTable("course", (t) => ({
  id: t.bigint().primaryKey(),
  /** The title credentials name the course by (the package's own title may differ). */
  title: t.text().notNull(),
  contentCid: t.text().notNull(),
  verifier: t.hex().notNull(),
  reward: t.bigint().notNull(),
  /** Lowest passing score, basis points. */
  minScore: t.integer().notNull(),
  /** Seconds a credential stays valid (0 = never expires). */
  validity: t.bigint().notNull(),
  active: t.boolean().notNull(),
  claimCount: t.integer().notNull(),
  registeredAt: t.bigint().notNull(),
  updatedAt: t.bigint().notNull(),
}));

/** One paid claim: reward minted, split 90/10, credential issued. */
export const claim = onchainTable(
  "claim",
  (t) => ({
    id: t.text().primaryKey(),
    learner: t.hex().notNull(),
    courseId: t.bigint().notNull(),
    credentialId: t.bigint().notNull(),
    verifier: t.hex().notNull(),
    reward: t.bigint().notNull(),
    learnerShare: t.bigint().notNull(),
    citadelShare: t.bigint().notNull(),
    epoch: t.bigint().notNull(),
    /** Who sent the claim transaction: the learner, or a relayer paying the gas. */
    submittedBy: t.hex().notNull(),
    ...logColumns(t),
  }),
  (table) => ({
    learnerIdx: index().on(table.learner, table.timestamp),
    courseIdx: index().on(table.courseId),
  }),
);

/** A soulbound credential (AzoraCredential token). */
export const credential = onchainTable(
  "credential",
  (t) => ({
    id: t.bigint().primaryKey(),
    holder: t.hex().notNull(),
    courseId: t.bigint().notNull(),
    issuer: t.hex().notNull(),
    score: t.integer().notNull(),
    issuedAt: t.bigint().notNull(),
    /** Unix time it expires, 0 = never. */
    expiresAt: t.bigint().notNull(),
    revoked: t.boolean().notNull(),
    revokedBy: t.hex(),
    revokedReason: t.text(),
    revokedAt: t.bigint(),
    burned: t.boolean().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  // A holder's credentials, newest first (the verifier route, /me, the account page).
  (table) => ({
    holderIdx: index().on(table.holder, table.issuedAt, table.id),
    courseIdx: index().on(table.courseId),
  }),
);

export const flowDirection = onchainEnum("flow_direction", ["in", "out"]);
export const flowSource = onchainEnum("flow_source", ["mining", "escrow", "donation", "release"]);

/** Money into and out of the CitadelFund, tagged with its source. */
export const citadelFlow = onchainTable(
  "citadel_flow",
  (t) => ({
    id: t.text().primaryKey(),
    /** For a release: the proposal whose execution paid it (null for any other flow). */
    proposalId: t.bigint(),
    direction: flowDirection("direction").notNull(),
    source: flowSource("source").notNull(),
    /** The token (address(0) for ETH). */
    token: t.hex().notNull(),
    /** Who paid in, or who received a release. */
    counterparty: t.hex().notNull(),
    amount: t.bigint().notNull(),
    ...logColumns(t),
  }),
  // The treasury page and GET /citadel: one token's flows (one direction or both), newest first;
  // a proposal's releases.
  (table) => ({
    tokenIdx: index().on(table.token, table.timestamp, table.id),
    tokenDirectionIdx: index().on(table.token, table.direction, table.timestamp, table.id),
    proposalIdx: index().on(table.proposalId),
  }),
);

/** `refunded`: every milestone went back to the client, nothing paid the provider (no ratings). */
export const jobStatus = onchainEnum("job_status", [
  "open",
  "assigned",
  "completed",
  "cancelled",
  "refunded",
]);
export const milestoneStatus = onchainEnum("milestone_status", [
  "pending",
  "submitted",
  "disputed",
  "released",
  "refunded",
  "resolved",
  "cancelled",
]);
export const releaseKind = onchainEnum("release_kind", ["approved", "review_timeout"]);

/** A marketplace job of JobEscrow, and where its money went. */
export const job = onchainTable(
  "job",
  (t) => ({
    id: t.bigint().primaryKey(),
    client: t.hex().notNull(),
    /** The assigned provider; null while the job is open. */
    provider: t.hex(),
    briefCid: t.text().notNull(),
    /** Last second (unix) at which milestones can be submitted. */
    deadline: t.bigint().notNull(),
    status: jobStatus("status").notNull(),
    milestoneCount: t.integer().notNull(),
    applicationCount: t.integer().notNull(),
    /** AZR escrowed at posting. */
    total: t.bigint().notNull(),
    /** AZR paid to the provider (90% of releases and of their part of disputes). */
    paidToProvider: t.bigint().notNull(),
    /** AZR paid to the CitadelFund. */
    paidToCitadel: t.bigint().notNull(),
    /** AZR returned to the client (cancellation, deadline refunds, dispute splits). */
    refunded: t.bigint().notNull(),
    postedAt: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  // The job list (all, or one status) and an account's jobs, newest first.
  (table) => ({
    postedIdx: index().on(table.postedAt, table.id),
    clientIdx: index().on(table.client, table.postedAt, table.id),
    providerIdx: index().on(table.provider, table.postedAt, table.id),
    statusIdx: index().on(table.status, table.postedAt, table.id),
  }),
);

/** A provider's application for a job. */
export const application = onchainTable(
  "application",
  (t) => ({
    /** `<jobId>-<provider>` */
    id: t.text().primaryKey(),
    jobId: t.bigint().notNull(),
    provider: t.hex().notNull(),
    proposalCid: t.text().notNull(),
    ...transactionColumns(t),
  }),
  (table) => ({ jobIdx: index().on(table.jobId), providerIdx: index().on(table.provider) }),
);

/** A milestone of a job. */
export const milestone = onchainTable(
  "milestone",
  (t) => ({
    /** `<jobId>-<index>` */
    id: t.text().primaryKey(),
    jobId: t.bigint().notNull(),
    index: t.integer().notNull(),
    amount: t.bigint().notNull(),
    status: milestoneStatus("status").notNull(),
    deliverableCid: t.text(),
    submittedAt: t.bigint(),
    /** When the client's review window ends (set at submission). */
    reviewEndsAt: t.bigint(),
    /** How it was released (null unless released). */
    releasedBy: releaseKind("released_by"),
    providerShare: t.bigint().notNull(),
    citadelShare: t.bigint().notNull(),
    clientRefund: t.bigint().notNull(),
    settledAt: t.bigint(),
  }),
  (table) => ({ jobIdx: index().on(table.jobId, table.index) }),
);

/** A dispute of a milestone, and its split once resolved (by an arbiter, by agreement or by default). */
export const dispute = onchainTable(
  "dispute",
  (t) => ({
    /** `<jobId>-<index>`: a milestone is disputed at most once. */
    id: t.text().primaryKey(),
    jobId: t.bigint().notNull(),
    index: t.integer().notNull(),
    openedBy: t.hex().notNull(),
    reasonCid: t.text().notNull(),
    openedAt: t.bigint().notNull(),
    resolved: t.boolean().notNull(),
    /** Who ruled: null when the parties agreed or the dispute window passed. */
    arbiter: t.hex(),
    /** The provider's part, in basis points. */
    providerBps: t.integer(),
    resolutionCid: t.text(),
    resolvedAt: t.bigint(),
  }),
  // A job's disputes; the arbiters' queue (unresolved, oldest first).
  (table) => ({
    jobIdx: index().on(table.jobId, table.index),
    queueIdx: index().on(table.resolved, table.openedAt, table.id),
  }),
);

/** A rating of one party of a completed job by the other. */
export const rating = onchainTable(
  "rating",
  (t) => ({
    /** `<jobId>-<rater>` */
    id: t.text().primaryKey(),
    jobId: t.bigint().notNull(),
    rater: t.hex().notNull(),
    ratee: t.hex().notNull(),
    score: t.integer().notNull(),
    commentCid: t.text().notNull(),
    ...transactionColumns(t),
  }),
  (table) => ({
    rateeIdx: index().on(table.ratee, table.timestamp, table.id),
    raterIdx: index().on(table.rater, table.timestamp, table.id),
    jobIdx: index().on(table.jobId),
  }),
);

export const proposalStatus = onchainEnum("proposal_status", ["created", "queued", "executed", "canceled"]);

/**
 * A DAO proposal of AzoraGovernor. `status` follows its events; whether a vote is pending,
 * active, succeeded or defeated depends on the clock and the quorum: `GET /proposals/:id` adds
 * the Governor's own `state`.
 */
export const proposal = onchainTable(
  "proposal",
  (t) => ({
    id: t.bigint().primaryKey(),
    proposer: t.hex().notNull(),
    /** The on-chain description, as written. */
    description: t.text().notNull(),
    /** Its title and the CID of its full text, when it follows the convention (else null). */
    title: t.text(),
    descriptionCid: t.text(),
    targets: stringList(t),
    /** ETH sent with each call, as decimal strings. */
    values: stringList(t),
    calldatas: stringList(t),
    /** Vote start (the snapshot) and end, in seconds (AZR's clock); the end moves if extended. */
    voteStart: t.bigint().notNull(),
    voteEnd: t.bigint().notNull(),
    extended: t.boolean().notNull(),
    status: proposalStatus("status").notNull(),
    /** When the Timelock may execute it (set when queued). */
    eta: t.bigint(),
    forVotes: t.bigint().notNull(),
    againstVotes: t.bigint().notNull(),
    abstainVotes: t.bigint().notNull(),
    voterCount: t.integer().notNull(),
    createdAt: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    createdIdx: index().on(table.createdAt, table.id),
    proposerIdx: index().on(table.proposer),
    statusIdx: index().on(table.status),
  }),
);

export const voteSupport = onchainEnum("vote_support", ["against", "for", "abstain"]);

/** A vote cast on a proposal. */
export const vote = onchainTable(
  "vote",
  (t) => ({
    /** `<proposalId>-<voter>`: one vote per account and proposal. */
    id: t.text().primaryKey(),
    proposalId: t.bigint().notNull(),
    voter: t.hex().notNull(),
    support: voteSupport("support").notNull(),
    weight: t.bigint().notNull(),
    reason: t.text().notNull(),
    /** Whether someone else sent it (a relayer submitting the voter's signature). */
    relayed: t.boolean().notNull(),
    ...transactionColumns(t),
  }),
  // A proposal's votes, largest first; a voter's votes.
  (table) => ({
    proposalIdx: index().on(table.proposalId, table.weight, table.id),
    voterIdx: index().on(table.voter, table.proposalId),
  }),
);

/** The CitadelFund releases of one transaction, until a proposal execution claims them. */
export const releaseBatch = onchainTable("release_batch", (t) => ({
  /** The transaction hash. */
  id: t.hex().primaryKey(),
  flowIds: stringList(t),
}));

/** Who voted on which day: the distinct voters of `dailyStat.activeVoters`. */
export const voterDay = onchainTable("voter_day", (t) => ({
  /** `<day>-<voter>` */
  id: t.text().primaryKey(),
}));

/**
 * Who holds which role of which contract (AccessControl roles, and the CitadelFund's owner as role
 * "owner"): the audit trail of the handover to governance. A revoked holder stays, inactive.
 */
export const roleMember = onchainTable(
  "role_member",
  (t) => ({
    /** `<contract>-<role>-<account>` */
    id: t.text().primaryKey(),
    contract: t.hex().notNull(),
    contractName: t.text().notNull(),
    /** The role id (bytes32), or "owner". */
    role: t.text().notNull(),
    /** DEFAULT_ADMIN_ROLE, MINTER_ROLE, …, or "owner" (null for a role id we cannot name). */
    roleName: t.text(),
    account: t.hex().notNull(),
    active: t.boolean().notNull(),
    /** Who granted (or transferred) it last, and who revoked it. */
    grantedBy: t.hex(),
    revokedBy: t.hex(),
    updatedAt: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ accountIdx: index().on(table.account), contractIdx: index().on(table.contract) }),
);

/** An operation of the AzoraTimelock: a passed proposal's calls, scheduled then executed. */
export const timelockOperation = onchainTable("timelock_operation", (t) => ({
  /** The operation id (bytes32). */
  id: t.hex().primaryKey(),
  /** "scheduled", "executed" or "cancelled". */
  status: t.text().$type<"scheduled" | "executed" | "cancelled">().notNull(),
  targets: stringList(t),
  /** Seconds of delay it was scheduled with, and when it became executable. */
  delay: t.bigint().notNull(),
  readyAt: t.bigint().notNull(),
  scheduledAt: t.bigint().notNull(),
  executedAt: t.bigint(),
  scheduledIn: t.hex().notNull(),
}));

/**
 * The CitadelFund's flows of one token, summed as they arrive (one row per token): what it
 * received by source, what governance released, and how many flows of each direction.
 */
export const citadelTotal = onchainTable("citadel_total", (t) => ({
  /** The token (address(0) for ETH). */
  token: t.hex().primaryKey(),
  receivedMining: t.bigint().notNull(),
  receivedEscrow: t.bigint().notNull(),
  receivedDonation: t.bigint().notNull(),
  released: t.bigint().notNull(),
  flowsIn: t.integer().notNull(),
  flowsOut: t.integer().notNull(),
}));

/** What happened on one UTC day, for charts: one row per day that saw activity. */
export const dailyStat = onchainTable("daily_stat", (t) => ({
  /** Days since 1970-01-01 (UTC), from block timestamps. */
  day: t.bigint().primaryKey(),
  /** The day as YYYY-MM-DD. */
  date: t.text().notNull(),
  /** AZR minted by mining (rewards: the learners' 90% and the CitadelFund's 10%). */
  azrMined: t.bigint().notNull(),
  claims: t.integer().notNull(),
  jobsPosted: t.integer().notNull(),
  /** AZR escrowed by the jobs posted. */
  jobVolume: t.bigint().notNull(),
  /** AZR the escrow released for work (to providers and the CitadelFund's share). */
  escrowReleased: t.bigint().notNull(),
  /** The CitadelFund's AZR balance at the end of the day (as of its last event that day). */
  citadelBalance: t.bigint().notNull(),
  votesCast: t.integer().notNull(),
  /** Distinct accounts that voted that day. */
  activeVoters: t.integer().notNull(),
}));

export const accountRelations = relations(account, ({ many }) => ({
  sent: many(transfer, { relationName: "sent" }),
  received: many(transfer, { relationName: "received" }),
  delegations: many(delegationChange),
  credentials: many(credential),
  claims: many(claim),
  ratingsReceived: many(rating, { relationName: "ratee" }),
}));

export const transferRelations = relations(transfer, ({ one }) => ({
  sender: one(account, { fields: [transfer.from], references: [account.address], relationName: "sent" }),
  recipient: one(account, { fields: [transfer.to], references: [account.address], relationName: "received" }),
}));

export const delegationChangeRelations = relations(delegationChange, ({ one }) => ({
  account: one(account, { fields: [delegationChange.delegator], references: [account.address] }),
}));

export const courseRelations = relations(course, ({ many }) => ({
  claims: many(claim),
  credentials: many(credential),
}));

export const claimRelations = relations(claim, ({ one }) => ({
  learnerAccount: one(account, { fields: [claim.learner], references: [account.address] }),
  course: one(course, { fields: [claim.courseId], references: [course.id] }),
  credential: one(credential, { fields: [claim.credentialId], references: [credential.id] }),
}));

export const credentialRelations = relations(credential, ({ one }) => ({
  course: one(course, { fields: [credential.courseId], references: [course.id] }),
  owner: one(account, { fields: [credential.holder], references: [account.address] }),
}));

export const jobRelations = relations(job, ({ many, one }) => ({
  milestones: many(milestone),
  applications: many(application),
  disputes: many(dispute),
  ratings: many(rating),
  clientAccount: one(account, { fields: [job.client], references: [account.address] }),
}));

export const milestoneRelations = relations(milestone, ({ one }) => ({
  job: one(job, { fields: [milestone.jobId], references: [job.id] }),
}));

export const applicationRelations = relations(application, ({ one }) => ({
  job: one(job, { fields: [application.jobId], references: [job.id] }),
}));

export const disputeRelations = relations(dispute, ({ one }) => ({
  job: one(job, { fields: [dispute.jobId], references: [job.id] }),
}));

export const ratingRelations = relations(rating, ({ one }) => ({
  job: one(job, { fields: [rating.jobId], references: [job.id] }),
  rateeAccount: one(account, {
    fields: [rating.ratee],
    references: [account.address],
    relationName: "ratee",
  }),
}));

export const proposalRelations = relations(proposal, ({ many }) => ({
  votes: many(vote),
  releases: many(citadelFlow),
}));

export const voteRelations = relations(vote, ({ one }) => ({
  proposal: one(proposal, { fields: [vote.proposalId], references: [proposal.id] }),
  voterAccount: one(account, { fields: [vote.voter], references: [account.address] }),
}));

export const citadelFlowRelations = relations(citadelFlow, ({ one }) => ({
  proposal: one(proposal, { fields: [citadelFlow.proposalId], references: [proposal.id] }),
}));
