"use client";
import type { AbstractIntlMessages } from "next-intl";
import { lazy, Suspense, useEffect, useState } from "react";
import type { Locale } from "@/app/_i18n/config";
import type { RuntimeConfig } from "@/app/_lib/server-config";
import type { ProposalForActions } from "./ProposalWallet";

// wagmi, RainbowKit and next-intl's client runtime come only when the reader asks to act (or at
// once when this browser connected a wallet before), so the public page stays light.
const ProposalWallet = lazy(() => import("./ProposalWallet"));

function connectedBefore(): boolean {
  try {
    return localStorage.getItem("wagmi.recentConnectorId") !== null;
  } catch {
    return false;
  }
}

interface ProposalActionsIslandProps {
  runtime: RuntimeConfig;
  locale: Locale;
  messages: AbstractIntlMessages;
  proposal: ProposalForActions;
  labels: { connect: string; connectWhy: string; needsJs: string };
}

/** Vote, queue and execute: a connect button first, the actions once a wallet is connected. */
export function ProposalActionsIsland({
  runtime,
  locale,
  messages,
  proposal,
  labels,
}: ProposalActionsIslandProps) {
  const [load, setLoad] = useState<"no" | "reconnect" | "connect">("no");
  useEffect(() => {
    if (connectedBefore()) setLoad("reconnect");
  }, []);
  const intro = (
    <>
      <div className="actions">
        <button
          type="button"
          className="wallet-button"
          onClick={() => setLoad("connect")}
          aria-busy={load !== "no"}
        >
          {labels.connect}
        </button>
      </div>
      <p>{labels.connectWhy}</p>
      <noscript>
        <p className="muted">{labels.needsJs}</p>
      </noscript>
    </>
  );
  if (load === "no") return intro;
  return (
    <Suspense fallback={intro}>
      <ProposalWallet
        runtime={runtime}
        locale={locale}
        messages={messages}
        openModal={load === "connect"}
        proposal={proposal}
      />
    </Suspense>
  );
}
