"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Address } from "viem";
import { Amount, Card, ListState } from "@/app/_components/ui";
import { manyOfEither } from "@/app/_lib/indexer-query";
import { useIndexerRead } from "@/app/_wallet/useIndexer";
import { JobStatusBadge } from "@/app/(public)/jobs/_components/JobStatusBadge";
import { whenConnected } from "./whenConnected";

const LIMIT = 20;

/** The jobs the account posted (client) or was assigned (provider), newest first: one list per index, merged. */
function myJobsParts(address: Address) {
  const lower = address.toLowerCase();
  return {
    jobs: manyOfEither(
      "job",
      { id: "bigint", client: true, status: true, total: "bigint", postedAt: "bigint" },
      {
        where: [{ client: lower }, { provider: lower }],
        orderBy: "postedAt",
        orderDirection: "desc",
        key: "id",
        limit: LIMIT,
      },
    ),
  };
}

/** The connected account's part of the marketplace on /me: its jobs, each with its role, state and total. */
export const MyJobs = whenConnected(function Jobs({ address }: { address: Address }) {
  const t = useTranslations("me");
  const tj = useTranslations("jobs");
  const indexed = useIndexerRead("myJobs", myJobsParts(address));
  const jobs = indexed.data?.jobs.items ?? [];
  return (
    <Card title={t("jobs.title")} id="my-jobs-title" data-testid="my-jobs">
      <ListState
        pending={indexed.isPending}
        loading={t("jobs.loading")}
        count={jobs.length}
        empty={t("jobs.none")}
        next={{ href: "/jobs", label: t("jobs.browse") }}
      >
        <ul className="history">
          {jobs.map((job) => (
            <li key={job.id.toString()} data-testid={`my-job-${job.id}`}>
              <Link href={`/jobs/${job.id}`}>{tj("list.untitled", { id: job.id.toString() })}</Link>{" "}
              <span className="muted">
                {job.client.toLowerCase() === address.toLowerCase()
                  ? t("jobs.asClient")
                  : t("jobs.asProvider")}
              </span>{" "}
              <JobStatusBadge status={job.status} /> <Amount value={job.total} />
            </li>
          ))}
        </ul>
      </ListState>
    </Card>
  );
});
