import type { Context } from "ponder:registry";
import { account, dailyStat } from "ponder:schema";
import type { Address } from "viem";
import { manifest } from "../../../deployments/index";

const DAY = 86_400n;

/** The CitadelFund, as account rows store addresses (lowercase). */
export const CITADEL_FUND = manifest.contracts.CitadelFund.address.toLowerCase() as Address;

/** What one event adds to its day's row (`citadelBalance`, when given, is set, not added). */
export interface DayChange {
  azrMined?: bigint;
  claims?: number;
  jobsPosted?: number;
  jobVolume?: bigint;
  escrowReleased?: bigint;
  citadelBalance?: bigint;
  votesCast?: number;
  activeVoters?: number;
}

/** The UTC day (days since 1970-01-01) of a block timestamp. */
export function dayOf(timestamp: bigint): bigint {
  return timestamp / DAY;
}

/**
 * Adds `change` to the row of the UTC day of `timestamp`. A day's first row starts from the
 * CitadelFund's balance at that moment, so every row carries the balance even on days the fund
 * did not move.
 */
export async function touchDay(db: Context["db"], timestamp: bigint, change: DayChange) {
  const day = dayOf(timestamp);
  const row = await db.find(dailyStat, { day });
  if (!row) {
    const fund = await db.find(account, { address: CITADEL_FUND });
    await db.insert(dailyStat).values({
      day,
      date: new Date(Number(day * DAY) * 1000).toISOString().slice(0, 10),
      azrMined: change.azrMined ?? 0n,
      claims: change.claims ?? 0,
      jobsPosted: change.jobsPosted ?? 0,
      jobVolume: change.jobVolume ?? 0n,
      escrowReleased: change.escrowReleased ?? 0n,
      citadelBalance: change.citadelBalance ?? fund?.balance ?? 0n,
      votesCast: change.votesCast ?? 0,
      activeVoters: change.activeVoters ?? 0,
    });
    return;
  }
  await db.update(dailyStat, { day }).set({
    azrMined: row.azrMined + (change.azrMined ?? 0n),
    claims: row.claims + (change.claims ?? 0),
    jobsPosted: row.jobsPosted + (change.jobsPosted ?? 0),
    jobVolume: row.jobVolume + (change.jobVolume ?? 0n),
    escrowReleased: row.escrowReleased + (change.escrowReleased ?? 0n),
    citadelBalance: change.citadelBalance ?? row.citadelBalance,
    votesCast: row.votesCast + (change.votesCast ?? 0),
    activeVoters: row.activeVoters + (change.activeVoters ?? 0),
  });
}
