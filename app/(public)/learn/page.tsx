import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui";
import { Upcoming } from "@/app/_components/Upcoming";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("learn"))("title") };
}

/** The course catalog (issue: learn to earn). */
export default async function LearnPage() {
  const t = await getTranslations("learn");
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <Upcoming heading={t("soon.heading")} items={t.raw("soon.items") as string[]}>
        <p>{t.rich("soon.meanwhile", { link: (chunks) => <Link href="/">{chunks}</Link> })}</p>
      </Upcoming>
    </>
  );
}
