"use client";
import type { Address } from "viem";
import { useReadContract } from "wagmi";
import { manifest } from "@/deployments/index";
import { contractOf } from "@/protocol/manifest";
import { REFRESH_MS } from "./refresh";

const token = {
  ...contractOf(manifest, "AzoraToken"),
  chainId: manifest.chainId,
  query: { refetchInterval: REFRESH_MS },
} as const;

/** An account's AZR balance, voting power and delegate, read from the chain (not the indexer). */
export function useChainAccount(account: Address) {
  const balance = useReadContract({ ...token, functionName: "balanceOf", args: [account] });
  const votes = useReadContract({ ...token, functionName: "getVotes", args: [account] });
  const delegate = useReadContract({ ...token, functionName: "delegates", args: [account] });
  return {
    balance: balance.data,
    votes: votes.data,
    delegate: delegate.data,
    error: balance.error ?? votes.error ?? delegate.error,
  };
}
