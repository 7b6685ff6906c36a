import Link from "next/link";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { ReadFailure } from "@/app/_components/ReadFailure";
import { Address, Amount, Card, DataTable, EmptyState, VerifierLink } from "@/app/_components/ui";
import type { Column } from "@/app/_components/ui";
import type { IndexedAccount } from "@/app/_lib/indexer";
import { holders, indexerQuery } from "@/app/_lib/server-data";
import { getRuntimeConfig } from "@/app/_lib/server-config";
import { manifest } from "@/deployments/index";
import { DelegateName } from "@/app/_components/account/DelegateName";
import { YourAzrIsland } from "./_components/YourAzrIsland";
import { column, numericColumn } from "@/app/_lib/columns";
import { AmountFact, Fact } from "@/app/_components/Fact";

const FIGURES_QUERY = `
query HomeFigures($fund: String!) {
  holders: accounts(where: { balance_gt: "0" }, limit: 1) { totalCount }
  courses(where: { active: true }, limit: 1) { totalCount }
  openJobs: jobs(where: { status: open }, limit: 1) { totalCount }
  fund: account(address: $fund) { balance }
}`;

interface FiguresResponse {
  holders: { totalCount: number };
  courses: { totalCount: number };
  openJobs: { totalCount: number };
  fund: { balance: string } | null;
}

/** What Azora is, live figures, what to do next, and the connected wallet's AZR (optional). */
export default async function HomePage() {
  const t = await getTranslations("home");
  const [figures, top, runtime] = await Promise.all([
    indexerQuery<FiguresResponse>(FIGURES_QUERY, {
      fund: manifest.contracts.CitadelFund.address.toLowerCase(),
    }),
    holders(),
    getRuntimeConfig(),
  ]);
  return (
    <>
      <section className="intro" aria-labelledby="intro-title">
        <h1 id="intro-title">{t("title")}</h1>
        <p className="lead">{t("lead")}</p>
        <ol className="steps">
          {(["learn", "earn", "prove", "work", "decide"] as const).map((step) => (
            <li key={step}>{t.rich(`steps.${step}`, { strong: (chunks) => <strong>{chunks}</strong> })}</li>
          ))}
        </ol>
        <p className="actions">
          <Link href="/learn" className="button-link">
            {t("startLearning")}
          </Link>
          <VerifierLink href="/verify">{t("checkCredential")}</VerifierLink>
        </p>
      </section>

      <Card title={t("figures.title")} id="figures-title">
        {figures.ok ? (
          <dl className="facts" data-testid="figures">
            <Fact term={t("figures.holders")}>{figures.data.holders.totalCount}</Fact>
            <Fact term={t("figures.courses")}>{figures.data.courses.totalCount}</Fact>
            <Fact term={t("figures.openJobs")}>{figures.data.openJobs.totalCount}</Fact>
            <AmountFact term={t("figures.citadel")} value={BigInt(figures.data.fund?.balance ?? "0")} />
          </dl>
        ) : (
          <ReadFailure source={figures.source} kind={figures.kind} />
        )}
      </Card>

      <Card title={t("yourAzr.title")} id="your-azr-title">
        <YourAzrIsland
          runtime={runtime}
          locale={await getLocale()}
          messages={await islandMessages()}
          labels={{
            connect: t("yourAzr.connect"),
            connectWhy: t("yourAzr.connectWhy"),
            needsJs: t("yourAzr.needsJs"),
          }}
        />
      </Card>

      <Card title={t("holders.title")} id="holders-title">
        {!top.ok ? (
          <ReadFailure source={top.source} kind={top.kind} />
        ) : top.data.holders.items.length === 0 ? (
          <EmptyState title={t("holders.none")} />
        ) : (
          <HoldersTable holders={top.data.holders.items} total={top.data.holders.totalCount} />
        )}
      </Card>
    </>
  );
}

/** The catalog sections the wallet island translates once loaded. */
async function islandMessages() {
  const { common, errors, home, wallet, accounts } = await getMessages();
  return { common, errors, home, wallet, accounts };
}

async function HoldersTable({ holders, total }: { holders: IndexedAccount[]; total: number }) {
  const t = await getTranslations("home");
  const columns: Column<IndexedAccount>[] = [
    column("holder", t("holders.holder"), (holder) => (
      <>
        <Address address={holder.address} copy={false} />
        <span className="cell-note">
          {t("holders.delegatesTo")} <DelegateName account={holder.address} delegate={holder.delegate} />
        </span>
      </>
    )),
    numericColumn("balance", t("holders.balance"), (holder) => <Amount value={holder.balance} />),
    numericColumn("votes", t("holders.votes"), (holder) => <Amount value={holder.votes} />),
  ];
  return (
    <DataTable
      data-testid="holders"
      caption={
        total > holders.length
          ? t("holders.captionSome", { shown: holders.length, total })
          : t("holders.captionAll", { total })
      }
      columns={columns}
      rows={holders}
      rowKey={(holder) => holder.address}
    />
  );
}
