"use client";
import type { Address } from "viem";
import { manifest } from "@/deployments/index";
import { contractOf } from "@/protocol/manifest";
import { delegationOf } from "@/app/_lib/format";
import { useChainAccount } from "@/app/_lib/useChainAccount";
import { useTransaction } from "@/app/_lib/useTransaction";
import type { TransactionStatus } from "@/app/_lib/useTransaction";

/** "Delegate to myself", for an account whose AZR does not yet count as its own votes. */
export function DelegateSelf({ account }: { account: Address }) {
  const { delegate } = useChainAccount(account);
  const { writeContract, status } = useTransaction();
  const { address, abi } = contractOf(manifest, "AzoraToken");
  const delegateToSelf = () =>
    writeContract({ address, abi, functionName: "delegate", args: [account], chainId: manifest.chainId });

  return (
    <>
      {delegate !== undefined && delegationOf(account, delegate) !== "self" && (
        <>
          <p>
            Your AZR counts as voting power only once it is delegated. Delegating to yourself keeps those
            votes yours; it moves no AZR and costs a little ETH for gas.
          </p>
          <button
            type="button"
            data-testid="delegate-self"
            onClick={delegateToSelf}
            disabled={status.state === "pending"}
          >
            Delegate to myself
          </button>
        </>
      )}
      <p role="status" data-testid="delegate-status" className={`tx-status tx-${status.state}`}>
        {statusText(status)}
      </p>
    </>
  );
}

function statusText(status: TransactionStatus): string {
  switch (status.state) {
    case "idle":
      return "";
    case "pending":
      return status.waitingFor === "wallet"
        ? "Delegation pending: approve it in your wallet…"
        : "Delegation pending: waiting for the next block…";
    case "confirmed":
      return `Delegation confirmed in block ${status.blockNumber}. Your AZR now counts as your votes.`;
    case "failed":
      return `Delegation failed: ${status.reason}.`;
  }
}
