import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui";
import { LOCALES } from "@/app/_i18n/config";
import { loadMessages } from "@/app/_i18n/messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("offline"))("title"), robots: { index: false } };
}

/**
 * What the service worker shows for a page it does not keep when the network is gone. It is
 * cached once, so besides the reader's language it says the same in the other two.
 */
export default async function OfflinePage() {
  const t = await getTranslations("offline");
  const locale = await getLocale();
  const others = await Promise.all(
    LOCALES.filter((other) => other !== locale).map(async (other) => ({
      locale: other,
      text: (await loadMessages(other)).offline.lead,
    })),
  );
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <section className="card">
        <p>{t("kept")}</p>
        <p>
          <Link href="/learn">{t("toLessons")}</Link>
        </p>
        {others.map(({ locale: other, text }) => (
          <p key={other} lang={other} className="muted">
            {text}
          </p>
        ))}
      </section>
    </>
  );
}
