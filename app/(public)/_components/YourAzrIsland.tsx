"use client";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useState } from "react";
import type { RuntimeConfig } from "@/app/_lib/server-config";

// wagmi and RainbowKit are not part of the home page's first load: they come when the reader
// asks to connect, or at once when this browser connected a wallet before (to reconnect it).
const HomeWallet = lazy(() => import("./HomeWallet"));

/** wagmi's record of a previous connection in this browser. */
function connectedBefore(): boolean {
  try {
    return localStorage.getItem("wagmi.recentConnectorId") !== null;
  } catch {
    return false;
  }
}

/** "Your AZR": a connect button first, the wallet's AZR once connected. */
export function YourAzrIsland({ runtime }: { runtime: RuntimeConfig }) {
  const t = useTranslations("home");
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
          {t("yourAzr.connect")}
        </button>
      </div>
      <p>{t("yourAzr.connectWhy")}</p>
      <noscript>
        <p className="muted">{t("yourAzr.needsJs")}</p>
      </noscript>
    </>
  );
  if (load === "no") return intro;
  return (
    <Suspense fallback={intro}>
      <HomeWallet runtime={runtime} openModal={load === "connect"} />
    </Suspense>
  );
}
