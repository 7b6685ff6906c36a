import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Address, Card, DateTime, EmptyState, PageHeader } from "@/app/_components/ui";
import { ReadFailure } from "@/app/_components/ReadFailure";
import { indexerRead } from "@/app/_lib/server-data";
import { openDisputesParts } from "../_lib/jobs-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jobs"))("disputes.title") };
}

/** The arbiter's view: every dispute waiting for a ruling; the split is one transaction on the job's page. */
export default async function DisputesPage() {
  const t = await getTranslations("jobs");
  const read = await indexerRead(openDisputesParts());
  return (
    <>
      <PageHeader
        title={t("disputes.title")}
        lead={t("disputes.lead")}
        links={[{ href: "/jobs", label: t("detail.back") }]}
      />
      {!read.ok ? (
        <ReadFailure source="indexer" kind={read.kind} />
      ) : read.data.disputes.items.length === 0 ? (
        <EmptyState title={t("disputes.empty")} />
      ) : (
        <ul style={{ listStyle: "none", padding: 0 }} data-testid="disputes">
          {read.data.disputes.items.map((d) => (
            <li key={d.id}>
              <Card
                title={t("disputes.line", { job: d.jobId.toString(), milestone: d.index + 1 })}
                id={`dispute-${d.id}`}
              >
                <p>
                  {t("disputes.openedBy")} <Address address={d.openedBy} /> · {t("disputes.openedAt")}{" "}
                  <DateTime seconds={d.openedAt} />
                </p>
                <p>
                  <a href={`/ipfs/${d.reasonCid}`}>{t("disputes.reason")}</a> ·{" "}
                  <Link href={`/jobs/${d.jobId}`}>{t("disputes.rule")}</Link>
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
