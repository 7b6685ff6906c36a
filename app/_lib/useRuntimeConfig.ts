"use client";
import { createContext, useContext } from "react";
import type { RuntimeConfig } from "./server-config";

export const RuntimeConfigContext = createContext<RuntimeConfig | null>(null);

/** The chain and indexer URLs the server handed to <Providers>. */
export function useRuntimeConfig(): RuntimeConfig {
  const config = useContext(RuntimeConfigContext);
  if (!config) throw new Error("useRuntimeConfig must be used inside <Providers>");
  return config;
}
