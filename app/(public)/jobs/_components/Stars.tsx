import { useFormatter, useTranslations } from "next-intl";
import { averageRating } from "../_lib/jobs-data";

/** An average rating in words ("4.5 of 5 from 2 ratings"), or "no ratings yet". */
export function RatingSummary({
  rep,
}: {
  rep: { ratingCount: number; ratingSum: number } | null | undefined;
}) {
  const t = useTranslations("jobs");
  const format = useFormatter();
  const average = averageRating(rep);
  if (average === null || !rep) return <span className="muted">{t("rating.none")}</span>;
  return (
    <span>
      {t("rating.average", {
        average: format.number(average, { maximumFractionDigits: 1 }),
        count: rep.ratingCount,
      })}
    </span>
  );
}
