import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui";
import { Upcoming } from "@/app/_components/Upcoming";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("citadel"))("title") };
}

/** The treasury (issue: the DAO and the CitadelFund in the app). */
export default async function CitadelPage() {
  const t = await getTranslations("citadel");
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <Upcoming heading={t("soon.heading")} items={t.raw("soon.items") as string[]}>
        <p>{t.rich("soon.meanwhile", { link: (chunks) => <Link href="/">{chunks}</Link> })}</p>
      </Upcoming>
    </>
  );
}
