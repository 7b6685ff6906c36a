import type { Context } from "ponder:registry";
import { totals } from "ponder:schema";
import type { Address } from "viem";
import { manifest } from "../../../deployments/index";

/** What one event adds to the `totals` row (negative to take away). */
export type TotalsChange = Partial<Omit<typeof totals.$inferSelect, "token">>;

/** The key of the one `totals` row: the deployment's AZR token. */
const AZR = manifest.contracts.AzoraToken.address.toLowerCase() as Address;

const ZERO = { holders: 0, activeCourses: 0, openJobs: 0, jobs: 0, credentials: 0, proposals: 0 };

/** Adds `change` to the one `totals` row, creating it with zeroes first. */
export async function addToTotals(db: Context["db"], change: TotalsChange) {
  await db
    .insert(totals)
    .values({ token: AZR, ...ZERO, ...change })
    .onConflictDoUpdate((row) => ({
      holders: row.holders + (change.holders ?? 0),
      activeCourses: row.activeCourses + (change.activeCourses ?? 0),
      openJobs: row.openJobs + (change.openJobs ?? 0),
      jobs: row.jobs + (change.jobs ?? 0),
      credentials: row.credentials + (change.credentials ?? 0),
      proposals: row.proposals + (change.proposals ?? 0),
    }));
}
