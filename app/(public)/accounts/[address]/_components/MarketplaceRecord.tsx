import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Address as Hex } from "viem";
import { Address, Amount, Card, VerifierLink } from "@/app/_components/ui";
import { ReadFailure } from "@/app/_components/ReadFailure";
import { indexerRead } from "@/app/_lib/server-data";
import { JobStatusBadge } from "@/app/(public)/jobs/_components/JobStatusBadge";
import { RatingSummary } from "@/app/(public)/jobs/_components/Stars";
import { accountJobsParts } from "@/app/(public)/jobs/_lib/jobs-data";
import type { AccountJobs, JobRow, RatingRow } from "@/app/(public)/jobs/_lib/jobs-data";

/**
 * An account's marketplace record: jobs done as provider and posted as client, ratings both
 * ways, and the credentials it holds (only valid ones counted). Rendered on the server.
 */
export async function MarketplaceRecord({ address }: { address: Hex }) {
  const t = await getTranslations("jobs");
  const read = await indexerRead(accountJobsParts(address));
  return (
    <Card title={t("profile.title")} id="marketplace-title">
      {!read.ok ? <ReadFailure source="indexer" kind={read.kind} /> : <Record data={read.data} />}
    </Card>
  );
}

async function Record({ data }: { data: AccountJobs }) {
  const t = await getTranslations("jobs");
  const now = BigInt(Math.floor(Date.now() / 1000));
  const valid = data.credentials.items.filter((c) => !c.revoked && (c.expiresAt === 0n || c.expiresAt > now));
  return (
    <div data-testid="marketplace-record">
      <p>
        <RatingSummary rep={data.reputation} />
      </p>
      <h3>{t("profile.asProvider")}</h3>
      <p className="muted">{t("profile.done", { count: data.reputation?.jobsAsProvider ?? 0 })}</p>
      <Jobs jobs={data.asProvider.items} />
      <h3>{t("profile.asClient")}</h3>
      <p className="muted">{t("profile.done", { count: data.reputation?.jobsAsClient ?? 0 })}</p>
      <Jobs jobs={data.asClient.items} />
      <h3>{t("profile.received")}</h3>
      <Ratings ratings={data.received.items} who="rater" />
      <h3>{t("profile.given")}</h3>
      <Ratings ratings={data.given.items} who="ratee" />
      <h3>{t("profile.credentials")}</h3>
      <p data-testid="valid-credentials">{t("profile.validCount", { count: valid.length })}</p>
      {data.credentials.items.length > 0 && (
        <ul className="history">
          {data.credentials.items.map((c) => (
            <li key={c.id.toString()}>
              <VerifierLink href={`/credentials/${c.id}`}>
                {t("profile.course", { course: c.courseId.toString() })}
              </VerifierLink>
              {valid.includes(c) ? "" : ` · ${t("profile.invalid")}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

async function Jobs({ jobs }: { jobs: JobRow[] }) {
  const t = await getTranslations("jobs");
  if (jobs.length === 0) return <p className="muted">{t("profile.none")}</p>;
  return (
    <ul className="history">
      {jobs.map((job) => (
        <li key={job.id.toString()}>
          <Link href={`/jobs/${job.id}`}>{t("list.untitled", { id: job.id.toString() })}</Link>{" "}
          <JobStatusBadge status={job.status} /> <Amount value={job.total} />
        </li>
      ))}
    </ul>
  );
}

async function Ratings({ ratings, who }: { ratings: RatingRow[]; who: "rater" | "ratee" }) {
  const t = await getTranslations("jobs");
  if (ratings.length === 0) return <p className="muted">{t("profile.none")}</p>;
  return (
    <ul className="history">
      {ratings.map((r) => (
        <li key={r.id}>
          {t("actions.rate.stars", { count: r.score })} · <Address address={r[who]} /> ·{" "}
          <Link href={`/jobs/${r.jobId}`}>{t("list.untitled", { id: r.jobId.toString() })}</Link>
        </li>
      ))}
    </ul>
  );
}
