import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui";
import { Upcoming } from "@/app/_components/Upcoming";

interface LessonPageProps {
  params: Promise<{ courseId: string; lesson: string }>;
}

export async function generateMetadata({ params }: LessonPageProps): Promise<Metadata> {
  const { courseId, lesson } = await params;
  return { title: (await getTranslations("learn"))("lesson.title", { course: courseId, lesson }) };
}

/**
 * One lesson (issue: learn to earn). The service worker keeps every lesson page a learner opened,
 * and its images, so it reads again with no network.
 */
export default async function LessonPage({ params }: LessonPageProps) {
  const { courseId, lesson } = await params;
  const t = await getTranslations("learn");
  return (
    <>
      <PageHeader title={t("lesson.title", { course: courseId, lesson })} lead={t("lesson.lead")} />
      <Upcoming heading={t("soon.heading")} items={t.raw("lesson.items") as string[]}>
        <p>
          <Link href={`/learn/${encodeURIComponent(courseId)}`}>{t("lesson.backToCourse")}</Link>
        </p>
      </Upcoming>
    </>
  );
}
