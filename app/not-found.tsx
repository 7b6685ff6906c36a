import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Shell } from "./_components/shell/Shell";
import { ErrorState, PageHeader } from "./_components/ui";

/** No page at this URL: the usual frame, and where to go. */
export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <Shell>
      <PageHeader title={t("notFound.title")} />
      <ErrorState
        title={t("notFound.what")}
        next={
          <>
            <p>{t("notFound.accounts")}</p>
            <p>
              <Link href="/">{t("page.home")}</Link>
            </p>
          </>
        }
      />
    </Shell>
  );
}
