import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui";
import { Upcoming } from "@/app/_components/Upcoming";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jobs"))("title") };
}

/** The marketplace (issue: the marketplace in the app). */
export default async function JobsPage() {
  const t = await getTranslations("jobs");
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <Upcoming heading={t("soon.heading")} items={t.raw("soon.items") as string[]}>
        <p>{t.rich("soon.meanwhile", { link: (chunks) => <Link href="/">{chunks}</Link> })}</p>
      </Upcoming>
    </>
  );
}
