import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ErrorState, PageHeader } from "@/app/_components/ui";
import { Upcoming } from "@/app/_components/Upcoming";

interface CredentialPageProps {
  params: Promise<{ id: string }>;
}

/** A credential id: a token id of AzoraCredential, a whole number. */
const TOKEN_ID = /^[0-9]{1,78}$/;

export async function generateMetadata({ params }: CredentialPageProps): Promise<Metadata> {
  const { id } = await params;
  return { title: (await getTranslations("credentials"))("title", { id }) };
}

/** A credential's public page: the verdict from the chain (issue: verify a credential). */
export default async function CredentialPage({ params }: CredentialPageProps) {
  const { id } = await params;
  const t = await getTranslations("credentials");
  if (!TOKEN_ID.test(id)) {
    return (
      <>
        <PageHeader title={t("invalid.title")} />
        <ErrorState
          title={t("invalid.what", { id: decodeURIComponent(id) })}
          next={
            <p>
              <Link href="/verify">{t("invalid.next")}</Link>
            </p>
          }
        />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("title", { id })} lead={t("lead")} />
      <Upcoming heading={t("soon.heading")} items={t.raw("soon.items") as string[]}>
        <p>
          <Link href="/verify">{t("soon.verifyAnother")}</Link>
        </p>
      </Upcoming>
    </>
  );
}
