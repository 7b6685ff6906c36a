"use client";
import { createContext, useContext } from "react";
import type { ReactNode } from "react";
import { DEFAULT_LOCALE } from "./config";
import type { Locale } from "./config";

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

/**
 * The reader's locale for the few client components that live outside any <ClientMessages>
 * (the error boundaries), without loading next-intl's client runtime on every page.
 */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext value={locale}>{children}</LocaleContext>;
}

export function usePageLocale(): Locale {
  return useContext(LocaleContext);
}
