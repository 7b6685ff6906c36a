import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui";
import { ClientMessages } from "@/app/_i18n/client-messages";
import { PostJobForm } from "./_components/PostJobForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jobs"))("new.title") };
}

/** Post a job: the brief to IPFS, then one permit signature and one transaction (approve as fallback). */
export default async function NewJobPage() {
  const t = await getTranslations("jobs");
  return (
    <>
      <PageHeader title={t("new.title")} lead={t("new.lead")} />
      <ClientMessages sections={["jobs", "wallet"]}>
        <PostJobForm />
      </ClientMessages>
    </>
  );
}
