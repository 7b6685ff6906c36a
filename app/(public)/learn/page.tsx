import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, EmptyState, PageHeader } from "@/app/_components/ui";
import { ReadFailure } from "@/app/_components/ReadFailure";
import { indexerRead } from "@/app/_lib/server-data";
import { CourseFacts } from "./_components/CourseFacts";
import { PackageFailure } from "./_components/PackageFailure";
import { catalogParts, coursePackage } from "./_lib/courses";
import { languageName } from "./_lib/score";
import "./learn.css";
import { FilterOptions } from "@/app/_components/FilterOptions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("learn"))("title") };
}

const LEVELS = ["beginner", "intermediate", "advanced"] as const;

interface LearnPageProps {
  searchParams: Promise<{ language?: string | string[]; level?: string | string[] }>;
}

/** The course catalog: every active course from the indexer, its package checked against its CID. */
export default async function LearnPage({ searchParams }: LearnPageProps) {
  const t = await getTranslations("learn");
  const locale = await getLocale();
  const query = await searchParams;
  const wantLanguage = typeof query.language === "string" ? query.language : "";
  const wantLevel = typeof query.level === "string" ? query.level : "";

  const read = await indexerRead(catalogParts());
  if (!read.ok) {
    return (
      <>
        <PageHeader title={t("title")} lead={t("lead")} />
        <ReadFailure source={read.source} kind={read.kind} />
      </>
    );
  }
  const courses = await Promise.all(
    read.data.courses.items.map(async (course) => ({ course, pkg: await coursePackage(course.contentCid) })),
  );
  const languages = [...new Set(courses.flatMap(({ pkg }) => (pkg.ok ? [pkg.data.language] : [])))].sort();
  const shown = courses.filter(
    ({ pkg }) =>
      !pkg.ok ||
      ((!wantLanguage || pkg.data.language === wantLanguage) && (!wantLevel || pkg.data.level === wantLevel)),
  );

  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <form method="get" action="/learn" className="learn-filter" aria-label={t("filter.legend")}>
        <label>
          {t("filter.language")}
          <select name="language" defaultValue={wantLanguage}>
            <FilterOptions
              any={t("filter.any")}
              choices={languages.map((tag) => ({ value: tag, label: languageName(tag, locale) }))}
            />
          </select>
        </label>
        <label>
          {t("filter.level")}
          <select name="level" defaultValue={wantLevel}>
            <FilterOptions
              any={t("filter.any")}
              choices={LEVELS.map((level) => ({ value: level, label: t(`level.${level}`) }))}
            />
          </select>
        </label>
        <button type="submit">{t("filter.apply")}</button>
      </form>
      {shown.length === 0 ? (
        <EmptyState title={t("empty.title")}>
          <p>{t("empty.next")}</p>
        </EmptyState>
      ) : (
        <ul className="course-list" data-testid="course-list">
          {shown.map(({ course, pkg }) => (
            <li key={course.id.toString()}>
              <Card
                title={
                  <Link href={`/learn/${course.id}`}>{pkg.ok ? pkg.data.title : t("course.notFound")}</Link>
                }
                id={`course-${course.id}`}
              >
                {pkg.ok ? (
                  <>
                    <p>{pkg.data.summary}</p>
                    <CourseFacts course={course} pkg={pkg.data} />
                    <p className="muted">{t("facts.earned", { count: course.claimCount })}</p>
                  </>
                ) : (
                  <PackageFailure reason={pkg.reason} />
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
