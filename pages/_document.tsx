import { Head, Html, Main, NextScript } from "next/document";
import type { DocumentProps } from "next/document";
import { THEME_COLORS } from "@/app/_components/shell/theme";

/** The HTML around a Pages Router page: its language, and the head the App Router's root layout gives. */
export default function Document({ __NEXT_DATA__ }: DocumentProps) {
  const locale = (__NEXT_DATA__.props as { pageProps?: { locale?: string } }).pageProps?.locale ?? "en";
  return (
    <Html lang={locale}>
      <Head>
        <meta name="color-scheme" content="light dark" />
        {THEME_COLORS.map(({ media, color }) => (
          <meta key={media} name="theme-color" media={media} content={color} />
        ))}
        <link rel="manifest" href="/manifest.webmanifest" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <link rel="apple-touch-icon" href="/icons/icon-192.png" />
      </Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
