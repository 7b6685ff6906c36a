"use client";
import type { AbstractIntlMessages } from "next-intl";
import { lazy, Suspense, useEffect, useState } from "react";
import type { Locale } from "@/app/_i18n/config";
import type { RuntimeConfig } from "@/app/_lib/server-config";
import type { JobView } from "@/app/(wallet)/jobs/_components/JobActions";

// wagmi, RainbowKit and next-intl's client runtime come only when the reader asks to act, or at
// once when this browser connected a wallet before (as on the home page).
const JobWallet = lazy(() => import("@/app/(wallet)/jobs/_components/JobWallet"));

function connectedBefore(): boolean {
  try {
    return localStorage.getItem("wagmi.recentConnectorId") !== null;
  } catch {
    return false;
  }
}

interface JobActionsIslandProps {
  runtime: RuntimeConfig;
  locale: Locale;
  messages: AbstractIntlMessages;
  labels: { connect: string; connectWhy: string; needsJs: string };
  job: JobView;
}

/** "What you can do on this job": a connect button first, the viewer's actions once connected. */
export function JobActionsIsland({ runtime, locale, messages, labels, job }: JobActionsIslandProps) {
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
      <JobWallet
        runtime={runtime}
        locale={locale}
        messages={messages}
        openModal={load === "connect"}
        job={job}
      />
    </Suspense>
  );
}
