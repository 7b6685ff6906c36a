"use client";
import "@rainbow-me/rainbowkit/styles.css";
import {
  ConnectButton,
  RainbowKitProvider,
  darkTheme,
  lightTheme,
  useConnectModal,
} from "@rainbow-me/rainbowkit";
import type { Locale as RainbowKitLocale } from "@rainbow-me/rainbowkit";
import { useLocale } from "next-intl";
import { useEffect, useRef } from "react";

const fonts = { body: "system-ui, sans-serif" };
const theme = {
  lightMode: { ...lightTheme({ accentColor: "#0a6847", borderRadius: "medium" }), fonts },
  darkMode: {
    ...darkTheme({ accentColor: "#3fb68b", accentColorForeground: "#04140d", borderRadius: "medium" }),
    fonts,
  },
};

/** RainbowKit has French; Swahili readers get its English. */
const RAINBOWKIT_LOCALES: Record<string, RainbowKitLocale> = { en: "en-US", fr: "fr-FR", sw: "en-US" };

function OpenOnLoad({ open }: { open: boolean }) {
  const { openConnectModal } = useConnectModal();
  const opened = useRef(false);
  useEffect(() => {
    if (open && openConnectModal && !opened.current) {
      opened.current = true;
      openConnectModal();
    }
  }, [open, openConnectModal]);
  return null;
}

/** Loaded on demand by WalletButton: RainbowKit's provider, modal and button. */
export default function RainbowKitButton({ openOnLoad, label }: { openOnLoad: boolean; label: string }) {
  const locale = useLocale();
  return (
    <RainbowKitProvider theme={theme} locale={RAINBOWKIT_LOCALES[locale] ?? "en-US"} modalSize="compact">
      <OpenOnLoad open={openOnLoad} />
      <ConnectButton label={label} showBalance={false} chainStatus="icon" accountStatus="address" />
    </RainbowKitProvider>
  );
}
