import { manifest } from "@/deployments/index";
import { MAX_PAGE_SIZE, many, one, rows } from "@/app/_lib/indexer-query";
import type { PartsData } from "@/app/_lib/indexer-query";

// The treasury page's reads of the indexer: the daily stats for the chart (at most DAYS rows)
// and one page of CitadelFund flows, never all of them.

export const DAYS = 90;
export const FLOWS_PAGE = 20;

const FLOW = {
  id: true,
  proposalId: "bigint",
  direction: true,
  source: true,
  counterparty: true,
  amount: "bigint",
  timestamp: "bigint",
  transactionHash: true,
} as const;

export type FlowFilter = "all" | "in" | "out";

/** AZR flows only: the amounts are shown in AZR (an ETH flow would need its own unit). */
const AZR = manifest.contracts.AzoraToken.address.toLowerCase();

const SECONDS_PER_DAY = 86_400n;

export function citadelParts(filter: FlowFilter, after: string | null) {
  return {
    // Gifts (donations) have no daily total in the indexer's stats: the latest ones, summed per day.
    gifts: many(
      "citadelFlow",
      { amount: "bigint", timestamp: "bigint" },
      {
        where: { token: AZR, source: "donation" },
        orderBy: "timestamp",
        orderDirection: "desc",
        limit: MAX_PAGE_SIZE,
      },
    ),
    days: many(
      "dailyStat",
      { day: "bigint", date: true, citadelBalance: "bigint", azrMined: "bigint", escrowReleased: "bigint" },
      { orderBy: "day", orderDirection: "desc", limit: DAYS },
    ),
    flows: many("citadelFlow", FLOW, {
      where: filter === "all" ? { token: AZR } : { token: AZR, direction: filter },
      orderBy: "timestamp",
      orderDirection: "desc",
      limit: FLOWS_PAGE,
      after,
    }),
    releases: rows("citadelFlow", FLOW, { token: AZR, direction: "out" }, ["timestamp", "desc"], FLOWS_PAGE),
    // How many flows there are, as the indexer counts them on arrival (never counted per request).
    total: one("citadelTotal", { token: AZR }, { flowsIn: true, flowsOut: true }),
  };
}

/** The number of AZR flows `filter` shows. */
export function flowCount(total: CitadelData["total"], filter: FlowFilter): number {
  if (!total) return 0;
  return filter === "in" ? total.flowsIn : filter === "out" ? total.flowsOut : total.flowsIn + total.flowsOut;
}

export type CitadelData = PartsData<ReturnType<typeof citadelParts>>;
export type Flow = CitadelData["flows"]["items"][number];
export type Day = CitadelData["days"]["items"][number];

/** The AZR given each day (days since 1970-01-01, as `dailyStat.day`). */
export function giftsByDay(gifts: CitadelData["gifts"]["items"]): Map<bigint, bigint> {
  const byDay = new Map<bigint, bigint>();
  for (const gift of gifts) {
    const day = gift.timestamp / SECONDS_PER_DAY;
    byDay.set(day, (byDay.get(day) ?? 0n) + gift.amount);
  }
  return byDay;
}
