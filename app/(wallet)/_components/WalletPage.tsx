import type { Metadata } from "next";
import type { MessageKeys, NestedKeyOf } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PageHeader } from "@/app/_components/ui";
import { ClientMessages } from "@/app/_i18n/client-messages";
import type { Section } from "@/app/_i18n/sections";
import type { Messages } from "@/app/_i18n/types";

/** A full catalog key (`"jobs.new.title"`). */
type Key = MessageKeys<Messages, NestedKeyOf<Messages>>;

/** A wallet page's `generateMetadata`: the tab's title from the catalog. */
export function catalogTitle(key: Key): () => Promise<Metadata> {
  return async () => ({ title: (await getTranslations())(key) });
}

/**
 * A wallet page: its header from the catalog, then its wallet islands, handed the catalog
 * `sections` they translate (`ClientMessages`).
 */
export async function WalletPage({
  title,
  lead,
  sections,
  children,
}: {
  title: Key;
  lead: Key;
  sections: Section[];
  children: ReactNode;
}) {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t(title)} lead={t(lead)} />
      <ClientMessages sections={sections}>{children}</ClientMessages>
    </>
  );
}
