import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { Section } from "./sections";

/**
 * Hands client components the sections they translate, and only those: a page's HTML then
 * carries a few hundred bytes of messages instead of the whole catalog. `common` and `errors`
 * always come along.
 */
export async function ClientMessages({ sections, children }: { sections: Section[]; children: ReactNode }) {
  const all = await getMessages();
  const wanted = new Set<Section>(["common", "errors", ...sections]);
  const messages = Object.fromEntries(Object.entries(all).filter(([key]) => wanted.has(key as Section)));
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
