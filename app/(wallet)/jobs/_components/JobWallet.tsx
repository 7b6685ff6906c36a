"use client";
import { NextIntlClientProvider } from "next-intl";
import type { AbstractIntlMessages } from "next-intl";
import type { Locale } from "@/app/_i18n/config";
import type { RuntimeConfig } from "@/app/_lib/server-config";
import { WalletButton } from "@/app/_wallet/WalletButton";
import { WalletProviders } from "@/app/_wallet/WalletProviders";
import { JobActions } from "./JobActions";
import type { JobView } from "./JobActions";

interface JobWalletProps {
  runtime: RuntimeConfig;
  locale: Locale;
  messages: AbstractIntlMessages;
  openModal: boolean;
  job: JobView;
}

/** The wallet part of a job's page, loaded on demand by JobActionsIsland. */
export default function JobWallet({ runtime, locale, messages, openModal, job }: JobWalletProps) {
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      <WalletProviders runtime={runtime}>
        <div className="actions">
          <WalletButton autoOpen={openModal} />
        </div>
        <JobActions job={job} />
      </WalletProviders>
    </NextIntlClientProvider>
  );
}
