"use client";
import type { AbstractIntlMessages } from "next-intl";
import { lazy } from "react";
import { WalletIsland } from "@/app/_components/WalletIsland";
import type { WalletIslandLabels } from "@/app/_components/WalletIsland";
import type { Locale } from "@/app/_i18n/config";
import type { RuntimeConfig } from "@/app/_lib/server-config";
import type { ProposalForActions } from "./ProposalWallet";

// wagmi, RainbowKit and next-intl's client runtime come only when the reader asks to act (or at
// once when this browser connected a wallet before), so the public page stays light.
const ProposalWallet = lazy(() => import("./ProposalWallet"));

interface ProposalActionsIslandProps {
  runtime: RuntimeConfig;
  locale: Locale;
  messages: AbstractIntlMessages;
  proposal: ProposalForActions;
  labels: WalletIslandLabels;
}

/** Vote, queue and execute: a connect button first, the actions once a wallet is connected. */
export function ProposalActionsIsland({ labels, ...props }: ProposalActionsIslandProps) {
  return <WalletIsland part={ProposalWallet} props={props} labels={labels} />;
}
