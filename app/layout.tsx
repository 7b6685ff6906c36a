import "./globals.css";
import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AddressBookProvider } from "./_components/ui/KnownAccounts";
import { LocaleProvider } from "./_i18n/LocaleProvider";
import { ServiceWorker } from "./_components/shell/ServiceWorker";
import { THEME_COLORS } from "./_components/shell/theme";
import { addressBook } from "./_lib/address-book";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: t("meta.title"), template: "%s · Azora" },
    description: t("meta.description"),
    applicationName: "Azora",
    appleWebApp: { capable: true, title: "Azora", statusBarStyle: "default" },
    icons: { apple: "/icons/icon-192.png" },
  };
}

export const viewport: Viewport = {
  themeColor: [...THEME_COLORS],
  colorScheme: "light dark",
};

/**
 * The root of every page: language (`<html lang>`), styles, known account names, and the
 * service worker. No client-side translation code here: public pages render their words on the
 * server; client islands get theirs from <ClientMessages>. The header, navigation and footer
 * come from each route group's layout: `(public)` carries no wallet code at all, `(wallet)` adds
 * wagmi and the wallet button.
 */
export default async function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <LocaleProvider locale={locale}>
          <AddressBookProvider book={await addressBook(locale)}>{children}</AddressBookProvider>
        </LocaleProvider>
        <ServiceWorker />
      </body>
    </html>
  );
}
