import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui";
import { Upcoming } from "@/app/_components/Upcoming";
import { ClientMessages } from "@/app/_i18n/client-messages";
import { Delegates } from "./_components/Delegates";
import { Delegation } from "./_components/Delegation";
import { MyAccount } from "./_components/MyAccount";
import { LearnerDashboard } from "./_components/learner/LearnerDashboard";
import "@/app/(public)/learn/learn.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("me"))("title") };
}

/** The connected person's dashboard (a wallet page): their AZR now; credentials, jobs and votes next. */
export default async function MePage() {
  const t = await getTranslations("me");
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <ClientMessages sections={["me", "wallet", "accounts"]}>
        <MyAccount />
        <LearnerDashboard />
        <Delegation />
        <Delegates />
      </ClientMessages>
      <Upcoming heading={t("soon.heading")} items={t.raw("soon.items") as string[]} />
    </>
  );
}
