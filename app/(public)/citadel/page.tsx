import type { Metadata } from "next";
import "@/app/(public)/dao/_components/dao.css";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ReadFailure } from "@/app/_components/ReadFailure";
import { Address, Amount, Card, DataTable, DateTime, EmptyState, PageHeader } from "@/app/_components/ui";
import type { Column } from "@/app/_components/ui";
import { indexerRead, serverPublicClient } from "@/app/_lib/server-data";
import { chainErrorKind } from "@/app/_lib/errors";
import { manifest } from "@/deployments/index";
import { contractOf } from "@/protocol/manifest";
import { CITADEL_DIVISOR } from "@/protocol/fee";
import { BalanceChart } from "./_components/BalanceChart";
import { citadelParts, flowCount, giftsByDay } from "./_components/citadel-data";
import type { Day, Flow, FlowFilter } from "./_components/citadel-data";
import { column, numericColumn } from "@/app/_lib/columns";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("citadel"))("title") };
}

interface CitadelPageProps {
  searchParams: Promise<{ flows?: string; after?: string }>;
}

async function chainBalance() {
  const token = contractOf(manifest, "AzoraToken");
  try {
    const value = await serverPublicClient().readContract({
      ...token,
      functionName: "balanceOf",
      args: [manifest.contracts.CitadelFund.address],
    });
    return { ok: true as const, value };
  } catch (error) {
    return { ok: false as const, kind: chainErrorKind(error) };
  }
}

/** The treasury: its balance now and over time, money in by source, money out by proposal. */
export default async function CitadelPage({ searchParams }: CitadelPageProps) {
  const t = await getTranslations("citadel");
  const locale = await getLocale();
  const query = await searchParams;
  const filter: FlowFilter = query.flows === "in" || query.flows === "out" ? query.flows : "all";
  const after = typeof query.after === "string" ? query.after : null;
  const [balance, read] = await Promise.all([chainBalance(), indexerRead(citadelParts(filter, after))]);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <Card title={t("balance.title")} id="balance-title">
        {balance.ok ? (
          <p className="big-figure">
            <Amount value={balance.value} data-testid="citadel-balance" />
          </p>
        ) : (
          <ReadFailure source="chain" kind={balance.kind} />
        )}
        <p data-testid="citadel-rule">
          {t("rule", {
            percent: Number(100n / CITADEL_DIVISOR),
            recipient: 100 - Number(100n / CITADEL_DIVISOR),
          })}
        </p>
        <p>
          <Link href="/dao">{t("balance.dao")}</Link>
        </p>
      </Card>
      {!read.ok ? (
        <ReadFailure source={read.source} kind={read.kind} />
      ) : (
        <>
          <Card title={t("history.title")} id="history-title">
            <BalanceChart
              days={[...read.data.days.items].reverse()}
              label={t("history.chartLabel")}
              locale={locale}
            />
            <DaysTable days={read.data.days.items} gifts={giftsByDay(read.data.gifts.items)} />
          </Card>
          <Card title={t("releases.title")} id="releases-title">
            {read.data.releases.items.length === 0 ? (
              <EmptyState title={t("releases.none")} />
            ) : (
              <FlowTable flows={read.data.releases.items} caption={t("releases.caption")} testId="releases" />
            )}
          </Card>
          <Card title={t("flows.title")} id="flows-title">
            <p className="actions">
              {(["all", "in", "out"] as const).map((f) =>
                f === filter ? (
                  <strong key={f} aria-current="page">
                    {t(`flows.filter.${f}`)}
                  </strong>
                ) : (
                  <Link
                    key={f}
                    href={f === "all" ? "/citadel#flows-title" : `/citadel?flows=${f}#flows-title`}
                  >
                    {t(`flows.filter.${f}`)}
                  </Link>
                ),
              )}
            </p>
            {read.data.flows.items.length === 0 ? (
              <EmptyState title={t("flows.none")} />
            ) : (
              <FlowTable
                flows={read.data.flows.items}
                caption={t("flows.caption", { total: flowCount(read.data.total, filter) })}
                testId="flows"
              />
            )}
            {read.data.flows.hasNextPage && read.data.flows.endCursor && (
              <p>
                <Link
                  href={`/citadel?${new URLSearchParams({ ...(filter === "all" ? {} : { flows: filter }), after: read.data.flows.endCursor }).toString()}#flows-title`}
                >
                  {t("flows.older")}
                </Link>
              </p>
            )}
          </Card>
        </>
      )}
    </>
  );
}

async function DaysTable({ days, gifts }: { days: Day[]; gifts: Map<bigint, bigint> }) {
  const t = await getTranslations("citadel");
  if (days.length === 0) return <EmptyState title={t("history.none")} />;
  const columns: Column<Day>[] = [
    column("date", t("history.date"), (d) => <DateTime seconds={d.day * 86_400n} withTime={false} />),
    numericColumn("balance", t("history.balance"), (d) => <Amount value={d.citadelBalance} />),
    numericColumn("mining", t("history.fromMining"), (d) => <Amount value={d.azrMined / CITADEL_DIVISOR} />),
    numericColumn("escrow", t("history.fromEscrow"), (d) => (
      <Amount value={d.escrowReleased / CITADEL_DIVISOR} />
    )),
    numericColumn("gifts", t("history.fromGifts"), (d) => <Amount value={gifts.get(d.day) ?? 0n} />),
  ];
  return (
    <DataTable
      data-testid="days"
      caption={t("history.caption", { days: days.length })}
      columns={columns}
      rows={days}
      rowKey={(d) => d.date}
    />
  );
}

async function FlowTable({ flows, caption, testId }: { flows: Flow[]; caption: string; testId: string }) {
  const t = await getTranslations("citadel");
  const columns: Column<Flow>[] = [
    column("when", t("flows.when"), (f) => <DateTime seconds={f.timestamp} />),
    column("source", t("flows.source"), (f) =>
      f.proposalId !== null ? (
        <Link href={`/dao/${f.proposalId.toString()}`} data-testid="release-proposal">
          {t("flows.releaseByProposal")}
        </Link>
      ) : (
        t(`source.${f.source}`)
      ),
    ),
    column("who", t("flows.who"), (f) => <Address address={f.counterparty} copy={false} />),
    numericColumn("amount", t("flows.amount"), (f) => (
      <>
        {f.direction === "out" ? "−" : "+"}
        <Amount value={f.amount} />
      </>
    )),
  ];
  return (
    <DataTable data-testid={testId} caption={caption} columns={columns} rows={flows} rowKey={(f) => f.id} />
  );
}
