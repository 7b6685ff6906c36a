import { useLocale, useTranslations } from "next-intl";
import type { Course } from "@/content/formats/course";
import { Amount } from "@/app/_components/ui";
import { splitPayout } from "@/protocol/fee";
import { formatScore, languageName } from "../_lib/score";
import type { IndexedCourse } from "../_lib/courses";

/** A course's facts as a description list: level, language, time, lessons, the 90/10 reward, pass mark. */
export function CourseFacts({ course, pkg }: { course: IndexedCourse; pkg: Course }) {
  const t = useTranslations("learn");
  const locale = useLocale();
  const { recipient, citadel } = splitPayout(course.reward);
  const passMark = Math.max(pkg.quiz.passingScore, course.minScore);
  return (
    <dl className="course-facts">
      <div>
        <dt>{t("facts.level")}</dt>
        <dd>{t(`level.${pkg.level}`)}</dd>
      </div>
      <div>
        <dt>{t("facts.language")}</dt>
        <dd lang={pkg.language}>{languageName(pkg.language, locale)}</dd>
      </div>
      <div>
        <dt>{t("facts.time")}</dt>
        <dd>
          {t("facts.minutes", { minutes: pkg.estimatedMinutes })} ·{" "}
          {t("facts.lessons", { count: pkg.lessons.length })}
        </dd>
      </div>
      <div>
        <dt>{t("facts.youGet")}</dt>
        <dd data-testid="course-learner-share">
          <Amount value={recipient} />
        </dd>
      </div>
      <div>
        <dt>{t("facts.citadelGets")}</dt>
        <dd>
          <Amount value={citadel} />
        </dd>
      </div>
      <div>
        <dt>{t("facts.passMark")}</dt>
        <dd>{formatScore(passMark, locale)}</dd>
      </div>
    </dl>
  );
}
