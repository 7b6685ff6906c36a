import type { Address } from "viem";
import { many, manyOfEither, one, rows } from "./indexer-query";
import type { PartsData } from "./indexer-query";

// The account page's and the home page's reads of the indexer (typed from its schema).

export const HISTORY_LIMIT = 20;
export const HOLDERS_LIMIT = 20;

const ACCOUNT = {
  address: true,
  balance: "bigint",
  votes: "bigint",
  delegate: true,
  transferCount: true,
} as const;
const TRANSFER = {
  id: true,
  from: true,
  to: true,
  amount: "bigint",
  blockNumber: "bigint",
  timestamp: "bigint",
  transactionHash: true,
} as const;
const DELEGATION = {
  id: true,
  fromDelegate: true,
  toDelegate: true,
  blockNumber: "bigint",
  timestamp: "bigint",
  transactionHash: true,
} as const;

/** An account's indexed row, its latest transfers and delegation changes (newest first). */
export function accountActivityParts(address: Address) {
  const lower = address.toLowerCase();
  return {
    account: one("account", { address: lower }, ACCOUNT),
    // Sent and received, each from its own index, merged (an OR would sort the whole history).
    transfers: manyOfEither("transfer", TRANSFER, {
      where: [{ from: lower }, { to: lower }],
      orderBy: "timestamp",
      orderDirection: "desc",
      key: "id",
      limit: HISTORY_LIMIT,
    }),
    delegations: rows(
      "delegationChange",
      DELEGATION,
      { delegator: lower },
      ["timestamp", "desc"],
      HISTORY_LIMIT,
    ),
  };
}

/** The largest AZR holders. */
export function holdersParts() {
  return {
    holders: many("account", ACCOUNT, {
      where: { balance_gt: 0n },
      orderBy: "balance",
      orderDirection: "desc",
      limit: HOLDERS_LIMIT,
      count: true,
    }),
  };
}

export type AccountActivity = PartsData<ReturnType<typeof accountActivityParts>>;
export type Holders = PartsData<ReturnType<typeof holdersParts>>;
export type IndexedAccount = Holders["holders"]["items"][number];
export type Transfer = AccountActivity["transfers"]["items"][number];
export type DelegationChange = AccountActivity["delegations"]["items"][number];
