import "@/app/_lib/server-side";
import type { IncomingMessage } from "node:http";
import type { AddressBook } from "@/app/_components/ui/KnownAccounts";
import { LOCALE_COOKIE, localeFor } from "@/app/_i18n/config";
import type { Locale } from "@/app/_i18n/config";
import { loadMessages } from "@/app/_i18n/messages";
import type { Messages } from "@/app/_i18n/types";
import { addressBook } from "./address-book";

// The verifier pages are Pages Router pages (pages/), so that they can ship no JavaScript at all
// (`unstable_runtimeJS: false`): the App Router always sends React and its router, ~140 kB. This
// is what the App Router's root layout gives every other page, read from the Node request.

/** What pages/_app.tsx needs to frame a page: the reader's language, its words, known names. */
export interface FrameProps {
  locale: Locale;
  messages: Messages;
  book: AddressBook;
}

/** The request getServerSideProps receives: Next has parsed its cookies. */
type PagesRequest = IncomingMessage & { cookies: Partial<Record<string, string>> };

export async function frameProps(request: PagesRequest): Promise<FrameProps> {
  const locale = localeFor(request.cookies[LOCALE_COOKIE], request.headers["accept-language"]);
  return { locale, messages: await loadMessages(locale), book: await addressBook(locale) };
}

/** A request's headers as `get(name)`, like the Fetch API's. */
export function headerReader(request: IncomingMessage) {
  return {
    get(name: string): string | undefined {
      const value = request.headers[name.toLowerCase()];
      return Array.isArray(value) ? value[0] : value;
    },
  };
}
