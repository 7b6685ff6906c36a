import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageHeader, StatusBadge } from "@/app/_components/ui";
import { formatAzr } from "@/app/_lib/format";
import { questionsPerAttempt } from "@/content/formats/course";
import { splitPayout } from "@/protocol/fee";
import { CourseFacts } from "../_components/CourseFacts";
import { CourseUnavailable } from "../_components/CourseUnavailable";
import { loadCourse } from "../_lib/load";
import { formatScore } from "../_lib/score";
import "../learn.css";

interface CoursePageProps {
  params: Promise<{ courseId: string }>;
}

export async function generateMetadata({ params }: CoursePageProps): Promise<Metadata> {
  const loaded = await loadCourse((await params).courseId);
  return { title: loaded.state === "ok" ? loaded.pkg.title : (await getTranslations("learn"))("title") };
}

/** One course: what it teaches and pays, its lessons, the way to the quiz. */
export default async function CoursePage({ params }: CoursePageProps) {
  const { courseId } = await params;
  const t = await getTranslations("learn");
  const locale = await getLocale();
  const loaded = await loadCourse(courseId);
  if (loaded.state !== "ok") return <CourseUnavailable loaded={loaded} />;
  const { course, pkg } = loaded;
  const { recipient, citadel } = splitPayout(course.reward);
  const passMark = Math.max(pkg.quiz.passingScore, course.minScore);
  return (
    <>
      <PageHeader
        title={<span lang={pkg.language}>{pkg.title}</span>}
        lead={<span lang={pkg.language}>{pkg.summary}</span>}
        status={course.active ? undefined : <StatusBadge tone="warn">{t("course.inactive")}</StatusBadge>}
        links={[{ href: `/learn/${course.id}/1`, label: t("course.start"), primary: true }]}
      />
      <CourseFacts course={course} pkg={pkg} />
      <p>
        {t("course.rewardLead", {
          learner: formatAzr(recipient, locale),
          citadel: formatAzr(citadel, locale),
        })}
      </p>
      <Card title={t("course.lessonsTitle")} id="lessons-title">
        <ol className="lesson-list" data-testid="lesson-list" lang={pkg.language}>
          {pkg.lessons.map((lesson, i) => (
            <li key={lesson.file}>
              <Link href={`/learn/${course.id}/${i + 1}`}>{lesson.title}</Link>
            </li>
          ))}
        </ol>
      </Card>
      <Card title={t("course.quizTitle")} id="quiz-title">
        <p>
          {t("course.quizLead", {
            count: questionsPerAttempt(pkg),
            mark: formatScore(passMark, locale),
            amount: formatAzr(recipient, locale),
          })}
        </p>
        {course.active && (
          <p>
            <Link className="button-link" href={`/learn/${course.id}/quiz`} data-testid="take-quiz">
              {t("course.takeQuiz")}
            </Link>
          </p>
        )}
      </Card>
      <p>
        <Link href="/learn">{t("backToCatalog")}</Link>
      </p>
    </>
  );
}
