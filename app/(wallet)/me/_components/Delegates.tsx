"use client";
import { useTranslations } from "next-intl";
import { Address, Amount, Card, DataTable, ListState } from "@/app/_components/ui";
import type { Column } from "@/app/_components/ui";
import { useBlock } from "wagmi";
import { manifest } from "@/deployments/index";
import { many } from "@/app/_lib/indexer-query";
import type { CountedPage, Part } from "@/app/_lib/indexer-query";
import { REFRESH_MS } from "@/app/_wallet/refresh";
import { useIndexerRead } from "@/app/_wallet/useIndexer";
import { column, numericColumn } from "@/app/_lib/columns";

const DELEGATES = 20;

/**
 * One request: how many proposals had opened to vote by `now` (chain time: the Governor opens a
 * vote once its snapshot is in the past), and for each voter (`voter<i>`) how many votes it cast.
 * Only the counts are read (one row each at most). Every list is ordered: Ponder refuses a list
 * whose orderBy is null, and the whole request fails with it.
 */
function participationParts(voters: readonly string[], now: bigint) {
  const parts: Record<string, Part<CountedPage<unknown>>> = {
    opened: many(
      "proposal",
      { id: "bigint" },
      { where: { voteStart_lt: now }, orderBy: "createdAt", limit: 1, count: true },
    ),
  };
  voters.forEach((voter, index) => {
    parts[`voter${index}`] = many(
      "vote",
      { id: true },
      { where: { voter: voter.toLowerCase() }, orderBy: "timestamp", limit: 1, count: true },
    );
  });
  return parts;
}

/**
 * The delegates with the most voting power, and how many of the proposals opened to vote so far
 * each voted on. Each delegate's count is the `totalCount` of its own votes (one vote per proposal
 * and voter), so no page limit can cut it short; proposals still pending, which nobody can have
 * voted on yet, are not counted against anyone.
 */
export function Delegates() {
  const t = useTranslations("me");
  // The chain's clock, not the reader's: a proposal opens at its snapshot time on the chain.
  const block = useBlock({ chainId: manifest.chainId, query: { refetchInterval: REFRESH_MS } });
  const delegates = useIndexerRead("delegates", {
    delegates: many(
      "account",
      { address: true, votes: "bigint" },
      { where: { votes_gt: 0n }, orderBy: "votes", orderDirection: "desc", limit: DELEGATES },
    ),
  });
  const voters = delegates.data?.delegates.items.map((d) => d.address) ?? [];
  const now = block.data?.timestamp;
  const participation = useIndexerRead("delegateParticipation", participationParts(voters, now ?? 0n));
  type Row = { address: `0x${string}`; votes: bigint; voted: number | undefined };
  const counts = participation.data && now !== undefined ? participation.data : undefined;
  const total = counts?.opened?.totalCount;
  const rows: Row[] = (delegates.data?.delegates.items ?? []).map((d, index) => ({
    address: d.address,
    votes: d.votes,
    voted: counts?.[`voter${index}`]?.totalCount,
  }));
  const columns: Column<Row>[] = [
    column("who", t("delegation.delegate"), (r) => <Address address={r.address} copy={false} />),
    numericColumn("power", t("delegation.power"), (r) => <Amount value={r.votes} />),
    numericColumn("participation", t("delegation.participation"), (r) =>
      r.voted === undefined || total === undefined
        ? ""
        : t("delegation.participated", { voted: r.voted, total }),
    ),
  ];
  return (
    <Card title={t("delegation.delegatesTitle")} id="delegates-title">
      <ListState
        pending={delegates.isPending}
        loading={t("delegation.loading")}
        count={rows.length}
        empty={t("delegation.noDelegates")}
      >
        <DataTable
          data-testid="delegates"
          caption={t("delegation.delegatesCaption", { shown: rows.length })}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.address}
        />
      </ListState>
    </Card>
  );
}
