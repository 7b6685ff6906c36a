import "@/app/globals.css";
import "@/app/(public)/credentials/_components/credential.css";
import { NextIntlClientProvider } from "next-intl";
import type { AppProps } from "next/app";
import { Shell } from "@/app/_components/shell/Shell";
import { AddressBookProvider } from "@/app/_components/ui/KnownAccounts";
import type { FrameProps } from "@/app/_lib/pages-frame";

/**
 * The frame of the Pages Router's pages (the verifier pages, which ship no JavaScript): the same
 * words, names and shell as the App Router's root and public layouts give theirs.
 */
export default function App({ Component, pageProps }: AppProps<FrameProps | Record<string, never>>) {
  // Next's own error pages (/_error, the Pages Router's 404) come without a frame.
  if (!("messages" in pageProps)) return <Component {...pageProps} />;
  const { locale, messages, book } = pageProps;
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      <AddressBookProvider book={book}>
        <Shell>
          <Component {...pageProps} />
        </Shell>
      </AddressBookProvider>
    </NextIntlClientProvider>
  );
}
