import { useLocale, useTranslations } from "next-intl";
import type { Course } from "@/content/formats/course";
import { splitPayout } from "@/protocol/fee";
import { formatScore, languageName } from "../_lib/score";
import type { IndexedCourse } from "../_lib/courses";
import { AmountFact, Fact } from "@/app/_components/Fact";

/** A course's facts as a description list: level, language, time, lessons, the 90/10 reward, pass mark. */
export function CourseFacts({ course, pkg }: { course: IndexedCourse; pkg: Course }) {
  const t = useTranslations("learn");
  const locale = useLocale();
  const { recipient, citadel } = splitPayout(course.reward);
  const passMark = Math.max(pkg.quiz.passingScore, course.minScore);
  return (
    <dl className="course-facts">
      <Fact term={t("facts.level")}>{t(`level.${pkg.level}`)}</Fact>
      <div>
        <dt>{t("facts.language")}</dt>
        <dd lang={pkg.language}>{languageName(pkg.language, locale)}</dd>
      </div>
      <Fact term={t("facts.time")}>
        {t("facts.minutes", { minutes: pkg.estimatedMinutes })} ·{" "}
        {t("facts.lessons", { count: pkg.lessons.length })}
      </Fact>
      <AmountFact term={t("facts.youGet")} value={recipient} testId="course-learner-share" />
      <AmountFact term={t("facts.citadelGets")} value={citadel} />
      <Fact term={t("facts.passMark")}>{formatScore(passMark, locale)}</Fact>
    </dl>
  );
}
