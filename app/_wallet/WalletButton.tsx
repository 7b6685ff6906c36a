"use client";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useState } from "react";
import { useAccount } from "wagmi";

// RainbowKit's modal and button (~150 kB gzipped) are not part of any page's first load: they
// come when the reader asks to connect, or at once when a wallet is already connected.
const RainbowKitButton = lazy(() => import("./RainbowKitButton"));

/**
 * The wallet button: "Connect wallet" first, RainbowKit's own button (account, network,
 * disconnect) once loaded. `autoOpen` opens the connect modal as soon as it has loaded; `short`
 * says just "Connect" (the header, on a 320px screen).
 */
export function WalletButton({ autoOpen = false, short = false }: { autoOpen?: boolean; short?: boolean }) {
  const t = useTranslations("wallet");
  const { status } = useAccount();
  const [wanted, setWanted] = useState(autoOpen);
  const [openOnLoad, setOpenOnLoad] = useState(autoOpen);
  useEffect(() => {
    if (status === "connected" || status === "reconnecting") setWanted(true);
  }, [status]);

  const placeholder = (
    <button
      type="button"
      className="wallet-button"
      onClick={() => {
        setOpenOnLoad(true);
        setWanted(true);
      }}
      aria-busy={wanted}
    >
      {short ? t("connectShort") : t("connect")}
    </button>
  );
  if (!wanted) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <RainbowKitButton openOnLoad={openOnLoad} label={short ? t("connectShort") : t("connect")} />
    </Suspense>
  );
}
