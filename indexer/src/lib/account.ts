import type { Context } from "ponder:registry";
import { account } from "ponder:schema";
import type { Address } from "viem";

/** What one event changes on an account row: deltas, except `votes` and `delegate` which are set. */
export interface AccountChange {
  balance?: bigint;
  votes?: bigint;
  delegate?: Address;
  transfers?: number;
  minedAzr?: bigint;
  credentials?: number;
  jobsAsClient?: number;
  jobsAsProvider?: number;
  /** A rating received, with this score. */
  rating?: number;
}

/** Applies `change` to an account row, creating it with zeroes first if needed. */
export async function touchAccount(
  db: Context["db"],
  address: Address,
  timestamp: bigint,
  change: AccountChange,
) {
  await db
    .insert(account)
    .values({
      address,
      balance: change.balance ?? 0n,
      votes: change.votes ?? 0n,
      delegate: change.delegate ?? null,
      transferCount: change.transfers ?? 0,
      minedAzr: change.minedAzr ?? 0n,
      credentialsHeld: change.credentials ?? 0,
      jobsAsClient: change.jobsAsClient ?? 0,
      jobsAsProvider: change.jobsAsProvider ?? 0,
      ratingCount: change.rating === undefined ? 0 : 1,
      ratingSum: change.rating ?? 0,
      updatedAt: timestamp,
    })
    .onConflictDoUpdate((row) => ({
      balance: row.balance + (change.balance ?? 0n),
      votes: change.votes ?? row.votes,
      delegate: change.delegate ?? row.delegate,
      transferCount: row.transferCount + (change.transfers ?? 0),
      minedAzr: row.minedAzr + (change.minedAzr ?? 0n),
      credentialsHeld: row.credentialsHeld + (change.credentials ?? 0),
      jobsAsClient: row.jobsAsClient + (change.jobsAsClient ?? 0),
      jobsAsProvider: row.jobsAsProvider + (change.jobsAsProvider ?? 0),
      ratingCount: row.ratingCount + (change.rating === undefined ? 0 : 1),
      ratingSum: row.ratingSum + (change.rating ?? 0),
      updatedAt: timestamp,
    }));
}

/** Row id of an event: `<txHash>-<logIndex>`. */
export function eventId(event: { transaction: { hash: string }; log: { logIndex: number } }): string {
  return `${event.transaction.hash}-${event.log.logIndex}`;
}
