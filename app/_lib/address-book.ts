import "@/app/_lib/server-side";
import { createTranslator } from "next-intl";
import type { AddressBook } from "@/app/_components/ui/KnownAccounts";
import type { Locale } from "@/app/_i18n/config";
import { loadMessages } from "@/app/_i18n/messages";
import { knownAccounts } from "./known-accounts";

/** The known accounts' names in `locale`, and the copy button's words. */
export async function addressBook(locale: Locale): Promise<AddressBook> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "common" });
  const names = Object.fromEntries(
    Object.entries(knownAccounts()).map(([address, known]) => [
      address,
      known.kind === "role" ? t(`roles.${known.role}`) : known.name,
    ]),
  );
  return { names, copyLabel: t("copyAddress"), copiedLabel: t("copied") };
}
