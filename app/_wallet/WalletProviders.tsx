"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import type { ReactNode } from "react";
import { WagmiProvider } from "wagmi";
import type { RuntimeConfig } from "@/app/_lib/server-config";
import { RuntimeConfigContext } from "./useRuntimeConfig";
import { createAzoraConfig } from "./wagmi";

/**
 * wagmi and react-query for the pages that use a wallet; built once per browser tab. RainbowKit's
 * modal is not here: the wallet button loads it on demand (WalletButton).
 */
export function WalletProviders({ runtime, children }: { runtime: RuntimeConfig; children: ReactNode }) {
  const [wagmiConfig] = useState(() => createAzoraConfig(runtime.rpcUrl));
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1 } } }));
  return (
    <RuntimeConfigContext value={runtime}>
      <WagmiProvider config={wagmiConfig}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </WagmiProvider>
    </RuntimeConfigContext>
  );
}
