import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ErrorState, PageHeader } from "@/app/_components/ui";

/** No credential with this id was ever issued on this chain (a 404). */
export default async function CredentialNotFound() {
  const t = await getTranslations("credentials");
  return (
    <>
      <PageHeader title={t("notFound.title")} lead={t("lead.none")} />
      <span data-testid="verdict" data-verdict="none" hidden />
      <ErrorState
        title={t("notFound.what")}
        next={
          <p>
            <Link href="/verify">{t("invalid.next")}</Link>
          </p>
        }
      />
    </>
  );
}
