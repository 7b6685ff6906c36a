import Link from "next/link";
import { useTranslations } from "next-intl";
import { ErrorState, PageHeader } from "@/app/_components/ui";
import { ReadFailure } from "@/app/_components/ReadFailure";
import type { LoadedCourse } from "../_lib/load";
import { PackageFailure } from "./PackageFailure";

/** What a course page shows when its course cannot be shown: no such course, a failed read, a bad package. */
export function CourseUnavailable({ loaded }: { loaded: Exclude<LoadedCourse, { state: "ok" }> }) {
  const t = useTranslations("learn");
  return (
    <>
      <PageHeader title={t("title")} />
      {loaded.state === "notFound" ? (
        <ErrorState
          title={t("course.notFound")}
          next={
            <p>
              <Link href="/learn">{t("course.notFoundNext")}</Link>
            </p>
          }
        />
      ) : loaded.state === "readFailure" ? (
        <ReadFailure source={loaded.source} kind={loaded.kind} />
      ) : (
        <PackageFailure reason={loaded.reason} />
      )}
      <p>
        <Link href="/learn">{t("backToCatalog")}</Link>
      </p>
    </>
  );
}
