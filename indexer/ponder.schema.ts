import { index, onchainTable, relations } from "ponder";

/** One row per address that ever held, sent, received or delegated AZR. */
export const account = onchainTable("account", (t) => ({
  address: t.hex().primaryKey(),
  balance: t.bigint().notNull(),
  /** Voting power delegated to this account (ERC-5805 `getVotes`). */
  votes: t.bigint().notNull(),
  /** Whom this account delegates its votes to; null until it first delegates. */
  delegate: t.hex(),
  transferCount: t.integer().notNull(),
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

export const accountRelations = relations(account, ({ many }) => ({
  sent: many(transfer, { relationName: "sent" }),
  received: many(transfer, { relationName: "received" }),
  delegations: many(delegationChange),
}));

export const transferRelations = relations(transfer, ({ one }) => ({
  sender: one(account, { fields: [transfer.from], references: [account.address], relationName: "sent" }),
  recipient: one(account, { fields: [transfer.to], references: [account.address], relationName: "received" }),
}));

export const delegationChangeRelations = relations(delegationChange, ({ one }) => ({
  account: one(account, { fields: [delegationChange.delegator], references: [account.address] }),
}));
