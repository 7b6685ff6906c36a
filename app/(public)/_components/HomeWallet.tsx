"use client";
import { NextIntlClientProvider } from "next-intl";
import type { AbstractIntlMessages } from "next-intl";
import type { Locale } from "@/app/_i18n/config";
import type { RuntimeConfig } from "@/app/_lib/server-config";
import { WalletButton } from "@/app/_wallet/WalletButton";
import { WalletProviders } from "@/app/_wallet/WalletProviders";
import { YourAzr } from "./YourAzr";

interface HomeWalletProps {
  runtime: RuntimeConfig;
  locale: Locale;
  messages: AbstractIntlMessages;
  openModal: boolean;
}

/** The wallet part of the home page, loaded on demand by YourAzrIsland. */
export default function HomeWallet({ runtime, locale, messages, openModal }: HomeWalletProps) {
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      <WalletProviders runtime={runtime}>
        <div className="actions">
          <WalletButton autoOpen={openModal} />
        </div>
        <YourAzr />
      </WalletProviders>
    </NextIntlClientProvider>
  );
}
