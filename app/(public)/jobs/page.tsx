import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Address, Amount, Card, DateTime, EmptyState, PageHeader } from "@/app/_components/ui";
import { ReadFailure } from "@/app/_components/ReadFailure";
import { indexerRead } from "@/app/_lib/server-data";
import { JobStatusBadge } from "./_components/JobStatusBadge";
import { RatingSummary } from "./_components/Stars";
import { JOB_STATUSES, jobListParts, readBrief, reputationsParts } from "./_lib/jobs-data";
import type { JobStatusName } from "./_lib/jobs-data";
import { Fact } from "@/app/_components/Fact";
import { FilterOptions } from "@/app/_components/FilterOptions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jobs"))("title") };
}

interface JobsPageProps {
  searchParams: Promise<{ status?: string; skill?: string; q?: string; after?: string }>;
}

const ORDER: Record<JobStatusName, number> = {
  open: 0,
  assigned: 1,
  completed: 2,
  cancelled: 3,
  refunded: 4,
};

function isStatus(value: string | undefined): value is JobStatusName {
  return (JOB_STATUSES as readonly string[]).includes(value ?? "");
}

/** The marketplace: open jobs first, filtered by status and skill, searched by text. Server-rendered. */
export default async function JobsPage({ searchParams }: JobsPageProps) {
  const params = await searchParams;
  const t = await getTranslations("jobs");
  const status = isStatus(params.status) ? params.status : undefined;
  const skill = (params.skill ?? "").trim().slice(0, 60).toLowerCase();
  const q = (params.q ?? "").trim().slice(0, 100).toLowerCase();
  const after = typeof params.after === "string" && params.after.length < 500 ? params.after : null;

  const list = await indexerRead(jobListParts(status, after));
  const header = (
    <PageHeader
      title={t("title")}
      lead={t("lead")}
      links={[
        { href: "/jobs/new", label: t("list.post"), primary: true },
        { href: "/jobs/disputes", label: t("list.disputes") },
      ]}
    />
  );
  if (!list.ok) {
    return (
      <>
        {header}
        <ReadFailure source="indexer" kind={list.kind} />
      </>
    );
  }
  const jobs = list.data.jobs.items;
  const [briefs, reps] = await Promise.all([
    Promise.all(jobs.map((job) => readBrief(job.briefCid))),
    jobs.length ? indexerRead(reputationsParts(jobs.map((job) => job.client))) : null,
  ]);
  const repOf = (address: string) =>
    reps?.ok
      ? reps.data.reputations.items.find((r) => r.address.toLowerCase() === address.toLowerCase())
      : undefined;
  const rows = jobs
    .map((job, i) => ({ job, brief: briefs[i] ?? null }))
    .filter(({ brief }) => !skill || (brief?.skills ?? []).some((s) => s.toLowerCase() === skill))
    .filter(
      ({ brief }) =>
        !q ||
        [brief?.title, brief?.summary, brief?.description, ...(brief?.skills ?? [])]
          .join(" ")
          .toLowerCase()
          .includes(q),
    )
    .sort((a, b) => ORDER[a.job.status] - ORDER[b.job.status] || Number(b.job.postedAt - a.job.postedAt));
  const skills = [...new Set(briefs.flatMap((b) => b?.skills ?? []))].sort();

  return (
    <>
      {header}
      <form className="form" method="get" action="/jobs" role="search" aria-label={t("list.searchLabel")}>
        <div className="form-row">
          <label htmlFor="jobs-q" className="visually-hidden">
            {t("list.search")}
          </label>
          <input
            id="jobs-q"
            name="q"
            type="search"
            defaultValue={params.q ?? ""}
            placeholder={t("list.search")}
          />
        </div>
        <div className="form-row">
          <label htmlFor="jobs-status">{t("list.status")}</label>
          <select id="jobs-status" name="status" defaultValue={status ?? ""}>
            <FilterOptions
              any={t("list.anyStatus")}
              choices={JOB_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            />
          </select>
          <label htmlFor="jobs-skill">{t("list.skill")}</label>
          <select id="jobs-skill" name="skill" defaultValue={skill}>
            <FilterOptions
              any={t("list.anySkill")}
              choices={skills.map((s) => ({ value: s.toLowerCase(), label: s }))}
            />
          </select>
          <button type="submit">{t("list.apply")}</button>
        </div>
      </form>
      <p className="muted" data-testid="jobs-count">
        {t("list.count", { shown: rows.length, total: list.data.jobs.totalCount })}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={t("list.empty")}>
          <p>
            <Link href="/jobs/new">{t("list.post")}</Link>
          </p>
        </EmptyState>
      ) : (
        <ul className="job-list" style={{ listStyle: "none", padding: 0 }} data-testid="job-list">
          {rows.map(({ job, brief }) => (
            <li key={job.id.toString()}>
              <Card
                title={brief?.title ?? t("list.untitled", { id: job.id.toString() })}
                id={`job-${job.id}`}
              >
                <p>
                  <JobStatusBadge status={job.status} />{" "}
                  <Link href={`/jobs/${job.id}`}>{t("list.open", { id: job.id.toString() })}</Link>
                </p>
                {brief ? <p>{brief.summary}</p> : <p className="muted">{t("brief.missing")}</p>}
                <dl className="facts">
                  <Fact term={t("facts.budget")}>
                    <Amount value={job.total} />
                    <span className="fact-note">{t("facts.milestones", { count: job.milestoneCount })}</span>
                  </Fact>
                  <Fact term={t("facts.deadline")}>
                    <DateTime seconds={job.deadline} withTime={false} />
                  </Fact>
                  <Fact term={t("facts.applicants")}>{job.applicationCount}</Fact>
                  <Fact term={t("facts.client")}>
                    <Address address={job.client} />
                    <span className="fact-note">
                      <RatingSummary rep={repOf(job.client)} />{" "}
                      {t("facts.clientHistory", { count: repOf(job.client)?.jobsAsClient ?? 0 })}
                    </span>
                  </Fact>
                </dl>
                {brief && brief.skills.length > 0 && (
                  <p className="muted">{t("facts.skills", { skills: brief.skills.join(", ") })}</p>
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}
      {list.data.jobs.hasNextPage && list.data.jobs.endCursor && (
        <p>
          <Link
            href={`/jobs?${new URLSearchParams({ ...(status ? { status } : {}), after: list.data.jobs.endCursor }).toString()}`}
          >
            {t("list.more")}
          </Link>
        </p>
      )}
    </>
  );
}
