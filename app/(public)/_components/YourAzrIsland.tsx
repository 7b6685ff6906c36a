"use client";
import type { AbstractIntlMessages } from "next-intl";
import { lazy } from "react";
import { WalletIsland } from "@/app/_components/WalletIsland";
import type { WalletIslandLabels } from "@/app/_components/WalletIsland";
import type { Locale } from "@/app/_i18n/config";
import type { RuntimeConfig } from "@/app/_lib/server-config";

// wagmi, RainbowKit and next-intl's client runtime are not part of the home page's first load.
const HomeWallet = lazy(() => import("./HomeWallet"));

interface YourAzrIslandProps {
  runtime: RuntimeConfig;
  locale: Locale;
  /** The sections the wallet part translates, handed to it when it loads. */
  messages: AbstractIntlMessages;
  labels: WalletIslandLabels;
}

/** "Your AZR": a connect button first, the wallet's AZR once connected. */
export function YourAzrIsland({ labels, ...props }: YourAzrIslandProps) {
  return <WalletIsland part={HomeWallet} props={props} labels={labels} />;
}
