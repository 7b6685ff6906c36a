import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import {
  Address,
  Amount,
  Card,
  DataTable,
  DateTime,
  EmptyState,
  PageHeader,
  StatusBadge,
} from "@/app/_components/ui";
import type { Column, Tone } from "@/app/_components/ui";
import { ReadFailure } from "@/app/_components/ReadFailure";
import { getRuntimeConfig } from "@/app/_lib/server-config";
import { indexerRead } from "@/app/_lib/server-data";
import { splitPayout } from "@/protocol/fee";
import { JobActionsIsland } from "../_components/JobActionsIsland";
import { JobStatusBadge } from "../_components/JobStatusBadge";
import { RatingSummary } from "../_components/Stars";
import { jobParts, readBrief, reputationsParts } from "../_lib/jobs-data";
import type { JobDetail, MilestoneRow } from "../_lib/jobs-data";
import { column, numericColumn } from "@/app/_lib/columns";
import { AmountFact, Fact } from "@/app/_components/Fact";

interface JobPageProps {
  params: Promise<{ id: string }>;
}

function parseId(value: string): bigint | null {
  return /^[0-9]{1,30}$/.test(value) ? BigInt(value) : null;
}

export async function generateMetadata({ params }: JobPageProps): Promise<Metadata> {
  const { id } = await params;
  return { title: (await getTranslations("jobs"))("detail.metaTitle", { id }) };
}

const MILESTONE_TONES: Record<string, Tone> = {
  pending: "neutral",
  submitted: "info",
  disputed: "bad",
  released: "ok",
  refunded: "neutral",
  resolved: "ok",
  cancelled: "neutral",
};

/** One job: its brief, money, milestones, applicants, disputes, ratings and timeline; actions in a wallet island. */
export default async function JobPage({ params }: JobPageProps) {
  const { id: param } = await params;
  const id = parseId(param);
  if (id === null) notFound();
  const t = await getTranslations("jobs");
  const read = await indexerRead(jobParts(id));
  if (!read.ok) {
    return (
      <>
        <PageHeader title={t("detail.metaTitle", { id: param })} />
        <ReadFailure source="indexer" kind={read.kind} />
      </>
    );
  }
  const { job, milestones, applications, disputes, ratings } = read.data;
  if (!job) notFound();
  const [brief, reps, runtime] = await Promise.all([
    readBrief(job.briefCid),
    indexerRead(reputationsParts([job.client, ...applications.items.map((a) => a.provider)])),
    getRuntimeConfig(),
  ]);
  const repOf = (address: string) =>
    reps.ok
      ? reps.data.reputations.items.find((r) => r.address.toLowerCase() === address.toLowerCase())
      : undefined;

  const milestoneColumns: Column<MilestoneRow>[] = [
    column(
      "n",
      t("milestones.n"),
      (m) => brief?.milestones[m.index]?.title ?? t("milestones.numbered", { n: m.index + 1 }),
    ),
    numericColumn("amount", t("milestones.amount"), (m) => <Amount value={m.amount} />),
    column("status", t("milestones.status"), (m) => (
      <span data-testid={`milestone-${m.index}-status`}>
        <StatusBadge tone={MILESTONE_TONES[m.status] ?? "neutral"}>{t(`milestone.${m.status}`)}</StatusBadge>
      </span>
    )),
    column("split", t("milestones.split"), (m) => <Split m={m} />),
  ];

  return (
    <>
      <PageHeader
        title={brief?.title ?? t("list.untitled", { id: job.id.toString() })}
        lead={brief?.summary ?? t("brief.missing")}
        status={<JobStatusBadge status={job.status} />}
        links={[{ href: "/jobs", label: t("detail.back") }]}
      />

      <Card title={t("detail.money")} id="money-title">
        <dl className="facts">
          <Fact term={t("facts.budget")} testId="job-total">
            <Amount value={job.total} />
            <span className="fact-note">{t("facts.citadelShare")}</span>
          </Fact>
          <Fact term={t("facts.deadline")}>
            <DateTime seconds={job.deadline} />
          </Fact>
          <Fact term={t("facts.client")}>
            <Address address={job.client} />
            <span className="fact-note">
              <RatingSummary rep={repOf(job.client)} />
            </span>
          </Fact>
          <Fact term={t("facts.provider")}>
            {job.provider ? (
              <Address address={job.provider} />
            ) : (
              <span className="muted">{t("facts.noProvider")}</span>
            )}
          </Fact>
          <AmountFact term={t("facts.paidToProvider")} value={job.paidToProvider} testId="paid-provider" />
          <AmountFact term={t("facts.paidToCitadel")} value={job.paidToCitadel} testId="paid-citadel" />
          <AmountFact term={t("facts.refunded")} value={job.refunded} testId="refunded" />
          <AmountFact term={t("facts.inEscrow")} value={inEscrow(milestones.items)} testId="in-escrow" />
        </dl>
      </Card>

      <Card title={t("detail.actions")} id="actions-title">
        <JobActionsIsland
          runtime={runtime}
          locale={(await getLocale()) as never}
          messages={await islandMessages()}
          labels={{
            connect: t("actions.connect"),
            connectWhy: t("actions.connectWhy"),
            needsJs: t("actions.needsJs"),
          }}
          job={{
            id: job.id,
            client: job.client,
            provider: job.provider ?? null,
            status: job.status,
            deadline: job.deadline,
            applicants: applications.items.map((a) => a.provider),
            milestones: milestones.items.map((m) => ({
              index: m.index,
              status: m.status,
              reviewEndsAt: m.reviewEndsAt ?? null,
            })),
            raters: ratings.items.map((r) => r.rater),
          }}
        />
      </Card>

      <Card title={t("detail.milestones")} id="milestones-title">
        <DataTable
          caption={t("detail.milestonesCaption")}
          columns={milestoneColumns}
          rows={milestones.items}
          rowKey={(m) => m.id}
          data-testid="milestones"
        />
      </Card>

      {brief && (
        <Card title={t("detail.brief")} id="brief-title">
          <p style={{ whiteSpace: "pre-wrap" }}>{brief.description}</p>
          {brief.skills.length > 0 && (
            <p className="muted">{t("facts.skills", { skills: brief.skills.join(", ") })}</p>
          )}
          <p>
            <a href={`/ipfs/${job.briefCid}`}>{t("brief.source")}</a>
          </p>
        </Card>
      )}

      <Card title={t("detail.applicants", { count: applications.items.length })} id="applicants-title">
        {applications.items.length === 0 ? (
          <EmptyState title={t("detail.noApplicants")} />
        ) : (
          <ul className="history" data-testid="applicants">
            {applications.items.map((a) => (
              <li key={a.id}>
                <Address address={a.provider} /> <RatingSummary rep={repOf(a.provider)} />{" "}
                {t("facts.providerHistory", { count: repOf(a.provider)?.jobsAsProvider ?? 0 })}{" "}
                <a href={`/ipfs/${a.proposalCid}`}>{t("detail.pitch")}</a>{" "}
                <Link href={`/accounts/${a.provider}`}>{t("detail.profile")}</Link>
              </li>
            ))}
          </ul>
        )}
      </Card>

      {disputes.items.length > 0 && (
        <Card title={t("detail.disputes")} id="disputes-title">
          <ul className="history">
            {disputes.items.map((d) => (
              <li key={d.id}>
                {t("detail.disputeLine", { milestone: d.index + 1 })} <Address address={d.openedBy} />{" "}
                <a href={`/ipfs/${d.reasonCid}`}>{t("detail.reason")}</a>{" "}
                {d.resolved && d.providerBps !== null && d.providerBps !== undefined
                  ? t("detail.resolvedSplit", { percent: d.providerBps / 100 })
                  : t("detail.awaitingArbiter")}
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card title={t("detail.ratings")} id="ratings-title">
        {ratings.items.length === 0 ? (
          <EmptyState title={t("detail.noRatings")} />
        ) : (
          <ul className="history" data-testid="ratings">
            {ratings.items.map((r) => (
              <li key={r.id}>
                <Address address={r.rater} /> → <Address address={r.ratee} />{" "}
                {t("actions.rate.stars", { count: r.score })}{" "}
                <a href={`/ipfs/${r.commentCid}`}>{t("detail.comment")}</a>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t("detail.timeline")} id="timeline-title">
        <Timeline data={read.data} />
      </Card>
    </>
  );
}

function inEscrow(milestones: MilestoneRow[]): bigint {
  return milestones
    .filter((m) => m.status === "pending" || m.status === "submitted" || m.status === "disputed")
    .reduce((sum, m) => sum + m.amount, 0n);
}

async function Split({ m }: { m: MilestoneRow }) {
  const t = await getTranslations("jobs");
  if (m.status === "released" || m.status === "resolved") {
    return (
      <span>
        {t("milestones.paid")} <Amount value={m.providerShare} /> · {t("milestones.citadel")}{" "}
        <Amount value={m.citadelShare} />
        {m.clientRefund > 0n && (
          <>
            {" "}
            · {t("milestones.back")} <Amount value={m.clientRefund} />
          </>
        )}
      </span>
    );
  }
  if (m.status === "refunded" || m.status === "cancelled") {
    return (
      <span>
        {t("milestones.back")} <Amount value={m.clientRefund > 0n ? m.clientRefund : m.amount} />
      </span>
    );
  }
  const { recipient, citadel } = splitPayout(m.amount);
  return (
    <span className="muted">
      {t("milestones.onRelease")} <Amount value={recipient} /> + <Amount value={citadel} />
      {m.reviewEndsAt ? (
        <>
          {" "}
          · {t("milestones.reviewEnds")} <DateTime seconds={m.reviewEndsAt} />
        </>
      ) : null}
    </span>
  );
}

async function Timeline({ data }: { data: JobDetail }) {
  const t = await getTranslations("jobs");
  const job = data.job!;
  const events: { at: bigint; key: string; text: ReactNode }[] = [
    { at: job.postedAt, key: "posted", text: t("timeline.posted") },
    ...data.applications.items.map((a) => ({
      at: a.timestamp,
      key: `apply-${a.id}`,
      text: (
        <>
          {t("timeline.applied")} <Address address={a.provider} />
        </>
      ),
    })),
    ...data.milestones.items.flatMap((m) => [
      ...(m.submittedAt
        ? [{ at: m.submittedAt, key: `sub-${m.id}`, text: t("timeline.submitted", { n: m.index + 1 }) }]
        : []),
      ...(m.settledAt
        ? [
            {
              at: m.settledAt,
              key: `set-${m.id}`,
              text: (
                <>
                  {t(`timeline.settled.${m.status}`, { n: m.index + 1 })} <Split m={m} />
                </>
              ),
            },
          ]
        : []),
    ]),
    ...data.disputes.items.map((d) => ({
      at: d.openedAt,
      key: `dis-${d.id}`,
      text: t("timeline.disputed", { n: d.index + 1 }),
    })),
    ...data.ratings.items.map((r) => ({
      at: r.timestamp,
      key: `rate-${r.id}`,
      text: (
        <>
          {t("timeline.rated", { score: r.score })} <Address address={r.rater} />
        </>
      ),
    })),
  ].sort((a, b) => Number(a.at - b.at));
  return (
    <ol className="history" data-testid="timeline">
      {events.map((e) => (
        <li key={e.key}>
          <span className="history-meta">
            <DateTime seconds={e.at} />
          </span>{" "}
          <span className="history-main">{e.text}</span>
        </li>
      ))}
    </ol>
  );
}

async function islandMessages() {
  const { common, errors, wallet, jobs } = await getMessages();
  return { common, errors, wallet, jobs };
}
