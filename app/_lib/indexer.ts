import { getAddress } from "viem";
import type { Address, Hex } from "viem";

// The indexer's GraphQL (Ponder) returns bigints as decimal strings and addresses in lowercase:
// the parsers below turn them into bigints and checksummed addresses (what pages display).

export interface IndexedAccount {
  address: Address;
  balance: bigint;
  votes: bigint;
  delegate: Address | null;
  transferCount: number;
}

export interface Transfer {
  id: string;
  from: Address;
  to: Address;
  amount: bigint;
  blockNumber: bigint;
  timestamp: bigint;
  transactionHash: Hex;
}

export interface DelegationChange {
  id: string;
  fromDelegate: Address;
  toDelegate: Address;
  blockNumber: bigint;
  timestamp: bigint;
  transactionHash: Hex;
}

export interface AccountActivity {
  /** null when the indexer has never seen the address. */
  account: IndexedAccount | null;
  /** Newest first. */
  transfers: Transfer[];
  /** Newest first. */
  delegations: DelegationChange[];
}

export interface Holders {
  holders: IndexedAccount[];
  total: number;
}

/** Replaces the named string fields of a row by bigints. */
type Raw<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };
type RawAccount = Raw<IndexedAccount, "balance" | "votes">;
type RawTransfer = Raw<Transfer, "amount" | "blockNumber" | "timestamp">;
type RawDelegationChange = Raw<DelegationChange, "blockNumber" | "timestamp">;

export const HISTORY_LIMIT = 20;
export const HOLDERS_LIMIT = 20;

const ACCOUNT_FIELDS = "address balance votes delegate transferCount";

export const ACCOUNT_ACTIVITY_QUERY = `
query AccountActivity($address: String!, $limit: Int!) {
  account(address: $address) { ${ACCOUNT_FIELDS} }
  transfers(where: { OR: [{ from: $address }, { to: $address }] }, orderBy: "timestamp", orderDirection: "desc", limit: $limit) {
    items { id from to amount blockNumber timestamp transactionHash }
  }
  delegationChanges(where: { delegator: $address }, orderBy: "timestamp", orderDirection: "desc", limit: $limit) {
    items { id fromDelegate toDelegate blockNumber timestamp transactionHash }
  }
}`;

export interface AccountActivityResponse {
  account: RawAccount | null;
  transfers: { items: RawTransfer[] };
  delegationChanges: { items: RawDelegationChange[] };
}

export const HOLDERS_QUERY = `
query Holders($limit: Int!) {
  accounts(where: { balance_gt: "0" }, orderBy: "balance", orderDirection: "desc", limit: $limit) {
    items { ${ACCOUNT_FIELDS} }
    totalCount
  }
}`;

export interface HoldersResponse {
  accounts: { items: RawAccount[]; totalCount: number };
}

const checksum = (address: Address) => getAddress(address);

function parseAccount(raw: RawAccount): IndexedAccount {
  return {
    ...raw,
    address: checksum(raw.address),
    delegate: raw.delegate && checksum(raw.delegate),
    balance: BigInt(raw.balance),
    votes: BigInt(raw.votes),
  };
}

export function parseAccountActivity(raw: AccountActivityResponse): AccountActivity {
  return {
    account: raw.account && parseAccount(raw.account),
    transfers: raw.transfers.items.map((t) => ({
      ...t,
      from: checksum(t.from),
      to: checksum(t.to),
      amount: BigInt(t.amount),
      blockNumber: BigInt(t.blockNumber),
      timestamp: BigInt(t.timestamp),
    })),
    delegations: raw.delegationChanges.items.map((d) => ({
      ...d,
      fromDelegate: checksum(d.fromDelegate),
      toDelegate: checksum(d.toDelegate),
      blockNumber: BigInt(d.blockNumber),
      timestamp: BigInt(d.timestamp),
    })),
  };
}

export function parseHolders(raw: HoldersResponse): Holders {
  return { holders: raw.accounts.items.map(parseAccount), total: raw.accounts.totalCount };
}
