import { index, onchainEnum, onchainTable, relations } from "ponder";

/** One row per address that ever held, sent, received or delegated AZR. */
export const account = onchainTable("account", (t) => ({
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
  updatedAt: t.bigint().notNull(),
}));

export const transfer = onchainTable(
  "transfer",
  (t) => ({
    /** `<txHash>-<logIndex>` */
    id: t.text().primaryKey(),
    from: t.hex().notNull(),
    to: t.hex().notNull(),
    amount: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    fromIdx: index().on(table.from),
    toIdx: index().on(table.to),
    timestampIdx: index().on(table.timestamp),
  }),
);

export const delegationChange = onchainTable(
  "delegation_change",
  (t) => ({
    id: t.text().primaryKey(),
    delegator: t.hex().notNull(),
    fromDelegate: t.hex().notNull(),
    toDelegate: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    delegatorIdx: index().on(table.delegator),
    toDelegateIdx: index().on(table.toDelegate),
  }),
);

/** A course of ProofOfKnowledge's registry. */
export const course = onchainTable("course", (t) => ({
  id: t.bigint().primaryKey(),
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
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ learnerIdx: index().on(table.learner), courseIdx: index().on(table.courseId) }),
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
  (table) => ({ holderIdx: index().on(table.holder), courseIdx: index().on(table.courseId) }),
);

export const flowDirection = onchainEnum("flow_direction", ["in", "out"]);
export const flowSource = onchainEnum("flow_source", ["mining", "escrow", "donation", "release"]);

/** Money into and out of the CitadelFund, tagged with its source. */
export const citadelFlow = onchainTable(
  "citadel_flow",
  (t) => ({
    id: t.text().primaryKey(),
    direction: flowDirection("direction").notNull(),
    source: flowSource("source").notNull(),
    /** The token (address(0) for ETH). */
    token: t.hex().notNull(),
    /** Who paid in, or who received a release. */
    counterparty: t.hex().notNull(),
    amount: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ timestampIdx: index().on(table.timestamp), tokenIdx: index().on(table.token) }),
);

export const accountRelations = relations(account, ({ many }) => ({
  sent: many(transfer, { relationName: "sent" }),
  received: many(transfer, { relationName: "received" }),
  delegations: many(delegationChange),
  credentials: many(credential),
  claims: many(claim),
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
