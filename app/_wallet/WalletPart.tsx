"use client";
import { NextIntlClientProvider } from "next-intl";
import type { AbstractIntlMessages } from "next-intl";
import type { ReactNode } from "react";
import type { Locale } from "@/app/_i18n/config";
import type { RuntimeConfig } from "@/app/_lib/server-config";
import { WalletButton } from "./WalletButton";
import { WalletProviders } from "./WalletProviders";

/** What `WalletIsland` (app/_components/WalletIsland.tsx) hands the wallet part it loads on demand. */
export interface WalletPartProps {
  runtime: RuntimeConfig;
  locale: Locale;
  messages: AbstractIntlMessages;
  /** Open the connect modal once loaded: the reader clicked to connect (false when reconnecting). */
  openModal: boolean;
}

/** The frame of every wallet part: its messages, the wallet providers and button, then `children`. */
export function WalletPart({
  runtime,
  locale,
  messages,
  openModal,
  children,
}: WalletPartProps & { children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      <WalletProviders runtime={runtime}>
        <div className="actions">
          <WalletButton autoOpen={openModal} />
        </div>
        {children}
      </WalletProviders>
    </NextIntlClientProvider>
  );
}
