"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useEffectEvent } from "react";
import { useWaitForTransactionReceipt, useWriteContract } from "wagmi";
import { manifest } from "@/deployments/index";
import { isUserRejection, shortMessage } from "@/app/_lib/errors";

export type TransactionStatus =
  | { state: "idle" }
  | { state: "pending"; waitingFor: "wallet" | "block" }
  | { state: "confirmed"; blockNumber: bigint }
  | {
      state: "failed";
      reason:
        { kind: "rejected" } | { kind: "reverted"; blockNumber: bigint } | { kind: "other"; message: string };
    };

function failure(error: Error): TransactionStatus {
  return {
    state: "failed",
    reason: isUserRejection(error) ? { kind: "rejected" } : { kind: "other", message: shortMessage(error) },
  };
}

/**
 * A contract write and its receipt as one status. Once the transaction is confirmed every query
 * (chain reads and indexer) is refetched, so what the transaction changed shows up without a reload.
 */
export function useTransaction() {
  const queryClient = useQueryClient();
  const write = useWriteContract();
  const receipt = useWaitForTransactionReceipt({ hash: write.data, chainId: manifest.chainId });

  const refreshAll = useEffectEvent(() => void queryClient.invalidateQueries());
  const confirmedHash = receipt.data?.transactionHash;
  useEffect(() => {
    if (confirmedHash) refreshAll();
  }, [confirmedHash]);

  let status: TransactionStatus = { state: "idle" };
  if (write.isPending) status = { state: "pending", waitingFor: "wallet" };
  else if (write.error) status = failure(write.error);
  else if (receipt.error) status = failure(receipt.error);
  else if (receipt.data?.status === "reverted")
    status = { state: "failed", reason: { kind: "reverted", blockNumber: receipt.data.blockNumber } };
  else if (receipt.data) status = { state: "confirmed", blockNumber: receipt.data.blockNumber };
  else if (write.data) status = { state: "pending", waitingFor: "block" };

  return { writeContract: write.writeContract, status };
}
