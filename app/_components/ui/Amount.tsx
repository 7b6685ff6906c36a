import { useLocale } from "next-intl";
import { formatAzr } from "@/app/_lib/format";

/** An amount of AZR (18 decimals), formatted for the reader's language: "31,740 AZR", "31 740 AZR". */
export function Amount({ value, "data-testid": testId }: { value: bigint; "data-testid"?: string }) {
  const locale = useLocale();
  return (
    <span className="amount" data-testid={testId}>
      {formatAzr(value, locale)}
    </span>
  );
}
