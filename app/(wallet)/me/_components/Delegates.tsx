"use client";
import { useTranslations } from "next-intl";
import { Address, Amount, Card, DataTable, EmptyState, Loading } from "@/app/_components/ui";
import type { Column } from "@/app/_components/ui";
import { many } from "@/app/_lib/indexer-query";
import { useIndexerRead } from "@/app/_wallet/useIndexer";

const DELEGATES = 20;

/** The delegates with the most voting power, and how many of the latest proposals each voted on. */
export function Delegates() {
  const t = useTranslations("me");
  const delegates = useIndexerRead("delegates", {
    delegates: many(
      "account",
      { address: true, votes: "bigint", balance: "bigint" },
      {
        where: { votes_gt: 0n },
        orderBy: "votes",
        orderDirection: "desc",
        limit: DELEGATES,
      },
    ),
    proposals: many(
      "proposal",
      { id: "bigint" },
      { orderBy: "createdAt", orderDirection: "desc", limit: 100 },
    ),
  });
  const voters = delegates.data?.delegates.items.map((d) => d.address.toLowerCase()) ?? [];
  const proposalIds = delegates.data?.proposals.items.map((p) => p.id) ?? [];
  const votes = useIndexerRead("delegateVotes", {
    votes: many(
      "vote",
      { voter: true, proposalId: "bigint" },
      {
        where: { voter_in: voters, proposalId_in: proposalIds },
        limit: 100,
      },
    ),
  });
  type Row = { address: `0x${string}`; votes: bigint; voted: number };
  const counts = new Map<string, number>();
  for (const vote of votes.data?.votes.items ?? [])
    counts.set(vote.voter.toLowerCase(), (counts.get(vote.voter.toLowerCase()) ?? 0) + 1);
  const total = proposalIds.length;
  const rows: Row[] = (delegates.data?.delegates.items ?? []).map((d) => ({
    address: d.address,
    votes: d.votes,
    voted: counts.get(d.address.toLowerCase()) ?? 0,
  }));
  const columns: Column<Row>[] = [
    {
      key: "who",
      header: t("delegation.delegate"),
      label: t("delegation.delegate"),
      cell: (r) => <Address address={r.address} copy={false} />,
    },
    {
      key: "power",
      header: t("delegation.power"),
      label: t("delegation.power"),
      numeric: true,
      cell: (r) => <Amount value={r.votes} />,
    },
    {
      key: "participation",
      header: t("delegation.participation"),
      label: t("delegation.participation"),
      numeric: true,
      cell: (r) => t("delegation.participated", { voted: r.voted, total }),
    },
  ];
  return (
    <Card title={t("delegation.delegatesTitle")} id="delegates-title">
      {delegates.isPending ? (
        <Loading>{t("delegation.loading")}</Loading>
      ) : rows.length === 0 ? (
        <EmptyState title={t("delegation.noDelegates")} />
      ) : (
        <DataTable
          data-testid="delegates"
          caption={t("delegation.delegatesCaption", { shown: rows.length })}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.address}
        />
      )}
    </Card>
  );
}
