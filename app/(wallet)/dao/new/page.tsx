import type { Metadata } from "next";
import "@/app/(public)/dao/_components/dao.css";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui";
import { ClientMessages } from "@/app/_i18n/client-messages";
import { NewProposal } from "./_components/NewProposal";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dao"))("new.title") };
}

/** Propose from a template: the calls are built from the contracts' ABIs, the text goes to IPFS. */
export default async function NewProposalPage() {
  const t = await getTranslations("dao");
  return (
    <>
      <PageHeader title={t("new.title")} lead={t("new.lead")} />
      <ClientMessages sections={["dao", "wallet"]}>
        <NewProposal />
      </ClientMessages>
    </>
  );
}
