import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui";
import { Upcoming } from "@/app/_components/Upcoming";

interface CoursePageProps {
  params: Promise<{ courseId: string }>;
}

export async function generateMetadata({ params }: CoursePageProps): Promise<Metadata> {
  const { courseId } = await params;
  return { title: (await getTranslations("learn"))("course.title", { id: courseId }) };
}

/** One course: overview and lessons (issue: learn to earn). */
export default async function CoursePage({ params }: CoursePageProps) {
  const { courseId } = await params;
  const t = await getTranslations("learn");
  return (
    <>
      <PageHeader title={t("course.title", { id: courseId })} lead={t("course.lead")} />
      <Upcoming heading={t("soon.heading")} items={t.raw("course.items") as string[]}>
        <p>
          <Link href="/learn">{t("backToCatalog")}</Link>
        </p>
      </Upcoming>
    </>
  );
}
