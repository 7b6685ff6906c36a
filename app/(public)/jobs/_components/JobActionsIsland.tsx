"use client";
import type { AbstractIntlMessages } from "next-intl";
import { lazy } from "react";
import { WalletIsland } from "@/app/_components/WalletIsland";
import type { WalletIslandLabels } from "@/app/_components/WalletIsland";
import type { Locale } from "@/app/_i18n/config";
import type { RuntimeConfig } from "@/app/_lib/server-config";
import type { JobView } from "@/app/(wallet)/jobs/_components/JobActions";

// wagmi, RainbowKit and next-intl's client runtime come only when the reader asks to act, or at
// once when this browser connected a wallet before (as on the home page).
const JobWallet = lazy(() => import("@/app/(wallet)/jobs/_components/JobWallet"));

interface JobActionsIslandProps {
  runtime: RuntimeConfig;
  locale: Locale;
  messages: AbstractIntlMessages;
  labels: WalletIslandLabels;
  job: JobView;
}

/** "What you can do on this job": a connect button first, the viewer's actions once connected. */
export function JobActionsIsland({ labels, ...props }: JobActionsIslandProps) {
  return <WalletIsland part={JobWallet} props={props} labels={labels} />;
}
