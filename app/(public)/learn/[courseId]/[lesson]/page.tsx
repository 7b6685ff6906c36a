import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ErrorState, PageHeader } from "@/app/_components/ui";
import { CourseUnavailable } from "../../_components/CourseUnavailable";
import { Markdown } from "../../_components/Markdown";
import { PackageFailure } from "../../_components/PackageFailure";
import { lessonMarkdown, parseLessonNumber } from "../../_lib/courses";
import { loadCourse } from "../../_lib/load";
import "../../learn.css";

interface LessonPageProps {
  params: Promise<{ courseId: string; lesson: string }>;
}

export async function generateMetadata({ params }: LessonPageProps): Promise<Metadata> {
  const { courseId, lesson } = await params;
  const loaded = await loadCourse(courseId);
  if (loaded.state !== "ok") return { title: (await getTranslations("learn"))("title") };
  const n = parseLessonNumber(lesson, loaded.pkg.lessons.length);
  return { title: n ? `${loaded.pkg.lessons[n - 1]?.title} · ${loaded.pkg.title}` : loaded.pkg.title };
}

/**
 * One lesson, its Markdown from the course package checked against its CID and rendered without
 * raw HTML. The service worker keeps every lesson page a learner opened, and its images, so it
 * reads again with no network.
 */
export default async function LessonPage({ params }: LessonPageProps) {
  const { courseId, lesson } = await params;
  const t = await getTranslations("learn");
  const loaded = await loadCourse(courseId);
  if (loaded.state !== "ok") return <CourseUnavailable loaded={loaded} />;
  const { course, pkg } = loaded;
  const courseUrl = `/learn/${course.id}`;
  const total = pkg.lessons.length;
  const n = parseLessonNumber(lesson, total);
  const current = n ? pkg.lessons[n - 1] : undefined;
  if (!n || !current) {
    return (
      <>
        <PageHeader title={pkg.title} />
        <ErrorState
          title={t("lesson.notFound")}
          next={
            <p>
              <Link href={courseUrl}>{t("lesson.backToCourse")}</Link>
            </p>
          }
        />
      </>
    );
  }
  const markdown = await lessonMarkdown(course.contentCid, current.file);
  const lessonUrls = new Map(pkg.lessons.map((l, i) => [l.file, `${courseUrl}/${i + 1}`]));
  const previous = pkg.lessons[n - 2];
  const next = pkg.lessons[n];
  return (
    <>
      <PageHeader
        title={<span lang={pkg.language}>{current.title}</span>}
        lead={t("lesson.position", { n, total })}
        links={[{ href: courseUrl, label: <span lang={pkg.language}>{pkg.title}</span> }]}
      />
      <article lang={pkg.language} data-testid="lesson">
        {markdown.ok ? (
          <Markdown source={markdown.data} ctx={{ cid: course.contentCid, file: current.file, lessonUrls }} />
        ) : (
          <PackageFailure reason={markdown.reason} />
        )}
      </article>
      <nav className="lesson-nav" aria-label={t("lesson.position", { n, total })}>
        {previous ? (
          <Link href={`${courseUrl}/${n - 1}`} rel="prev">
            {t("lesson.previous", { title: previous.title })}
          </Link>
        ) : (
          <Link href={courseUrl}>{t("lesson.backToCourse")}</Link>
        )}
        {next ? (
          <Link href={`${courseUrl}/${n + 1}`} rel="next" data-testid="next-lesson">
            {t("lesson.next", { title: next.title })}
          </Link>
        ) : (
          <Link className="button-link" href={`${courseUrl}/quiz`} data-testid="lesson-to-quiz">
            {t("lesson.toQuiz")}
          </Link>
        )}
      </nav>
      <p className="muted">{t("lesson.offline")}</p>
    </>
  );
}
