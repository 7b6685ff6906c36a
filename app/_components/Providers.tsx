"use client";
import { RainbowKitProvider, lightTheme } from "@rainbow-me/rainbowkit";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import type { ReactNode } from "react";
import { WagmiProvider } from "wagmi";
import type { RuntimeConfig } from "@/app/_lib/server-config";
import { RuntimeConfigContext } from "@/app/_lib/useRuntimeConfig";
import { createAzoraConfig } from "@/app/_lib/wagmi";

const baseTheme = lightTheme({ accentColor: "#0a6847", borderRadius: "medium" });
const theme = { ...baseTheme, fonts: { body: "var(--font-geist-sans), system-ui, sans-serif" } };

/** Wallet, chain and indexer plumbing for every page; built once per browser tab. */
export function Providers({ runtime, children }: { runtime: RuntimeConfig; children: ReactNode }) {
  const [wagmiConfig] = useState(() => createAzoraConfig(runtime.rpcUrl));
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1 } } }));
  return (
    <RuntimeConfigContext value={runtime}>
      <WagmiProvider config={wagmiConfig}>
        <QueryClientProvider client={queryClient}>
          <RainbowKitProvider theme={theme} locale="en-US" modalSize="compact">
            {children}
          </RainbowKitProvider>
        </QueryClientProvider>
      </WagmiProvider>
    </RuntimeConfigContext>
  );
}
