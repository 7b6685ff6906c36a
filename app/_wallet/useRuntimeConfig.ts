"use client";
import { createContext, useContext } from "react";
import type { RuntimeConfig } from "@/app/_lib/server-config";

export const RuntimeConfigContext = createContext<RuntimeConfig | null>(null);

/** The public chain and indexer URLs the server handed to <WalletProviders>. */
export function useRuntimeConfig(): RuntimeConfig {
  const config = useContext(RuntimeConfigContext);
  if (!config) throw new Error("useRuntimeConfig must be used inside <WalletProviders>");
  return config;
}
