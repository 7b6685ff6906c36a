"use client";
import type { AbstractIntlMessages } from "next-intl";
import { lazy, Suspense, useEffect, useState } from "react";
import type { Locale } from "@/app/_i18n/config";
import type { RuntimeConfig } from "@/app/_lib/server-config";

// wagmi, RainbowKit and next-intl's client runtime are not part of the home page's first load:
// they come when the reader asks to connect, or at once when this browser connected a wallet
// before (to reconnect it).
const HomeWallet = lazy(() => import("./HomeWallet"));

/** wagmi's record of a previous connection in this browser. */
function connectedBefore(): boolean {
  try {
    return localStorage.getItem("wagmi.recentConnectorId") !== null;
  } catch {
    return false;
  }
}

interface YourAzrIslandProps {
  runtime: RuntimeConfig;
  locale: Locale;
  /** The sections the wallet part translates, handed to it when it loads. */
  messages: AbstractIntlMessages;
  /** The words shown before it loads (rendered on the server). */
  labels: { connect: string; connectWhy: string; needsJs: string };
}

/** "Your AZR": a connect button first, the wallet's AZR once connected. */
export function YourAzrIsland({ runtime, locale, messages, labels }: YourAzrIslandProps) {
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
      <HomeWallet runtime={runtime} locale={locale} messages={messages} openModal={load === "connect"} />
    </Suspense>
  );
}
