import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui";
import { ClientMessages } from "@/app/_i18n/client-messages";
import { CourseUnavailable } from "@/app/(public)/learn/_components/CourseUnavailable";
import { loadCourse } from "@/app/(public)/learn/_lib/load";
import { splitPayout } from "@/protocol/fee";
import { Quiz } from "./_components/Quiz";
import "@/app/(public)/learn/learn.css";

interface QuizPageProps {
  params: Promise<{ courseId: string }>;
}

export async function generateMetadata({ params }: QuizPageProps): Promise<Metadata> {
  const loaded = await loadCourse((await params).courseId);
  const t = await getTranslations("learn");
  return { title: loaded.state === "ok" ? t("quiz.title", { course: loaded.pkg.title }) : t("title") };
}

/** The quiz (a wallet page: the learner signs their answers, for free), its grade and the claim. */
export default async function QuizPage({ params }: QuizPageProps) {
  const { courseId } = await params;
  const t = await getTranslations("learn");
  const loaded = await loadCourse(courseId);
  if (loaded.state !== "ok") return <CourseUnavailable loaded={loaded} />;
  const { course, pkg } = loaded;
  const { recipient, citadel } = splitPayout(course.reward);
  return (
    <>
      <PageHeader
        title={t("quiz.title", { course: pkg.title })}
        lead={t("quiz.lead")}
        links={[{ href: `/learn/${course.id}`, label: t("lesson.backToCourse") }]}
      />
      <ClientMessages sections={["learn", "wallet"]}>
        <Quiz
          courseId={course.id.toString()}
          courseTitle={pkg.title}
          language={pkg.language}
          passMark={Math.max(pkg.quiz.passingScore, course.minScore)}
          learnerShare={recipient.toString()}
          citadelShare={citadel.toString()}
        />
      </ClientMessages>
    </>
  );
}
