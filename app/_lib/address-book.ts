import "server-only";
import { getTranslations } from "next-intl/server";
import type { AddressBook } from "@/app/_components/ui/KnownAccounts";
import { knownAccounts } from "./known-accounts";

/** The known accounts' names in the reader's language, and the copy button's words. */
export async function addressBook(): Promise<AddressBook> {
  const t = await getTranslations("common");
  const names = Object.fromEntries(
    Object.entries(knownAccounts()).map(([address, known]) => [
      address,
      known.kind === "role" ? t(`roles.${known.role}`) : known.name,
    ]),
  );
  return { names, copyLabel: t("copyAddress"), copiedLabel: t("copied") };
}
