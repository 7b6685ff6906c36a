import { useTranslations } from "next-intl";
import { ErrorState } from "@/app/_components/ui";
import type { PackageFailure as Reason } from "../_lib/courses";

/** A course package that could not be shown (never rendered when its bytes do not match its CID). */
export function PackageFailure({ reason }: { reason: Reason }) {
  const t = useTranslations("learn");
  return (
    <div data-testid={`package-${reason}`}>
      <ErrorState title={t(`package.${reason}`)} next={<p>{t("package.next")}</p>} />
    </div>
  );
}
