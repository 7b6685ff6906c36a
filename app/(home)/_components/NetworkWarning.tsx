"use client";
import { useSwitchChain } from "wagmi";
import { manifest } from "@/deployments/index";
import { describeWalletError } from "@/app/_lib/errors";
import { AZORA_CHAIN_NAME } from "@/app/_lib/wagmi";

/** The wallet is on another chain than the deploy manifest's: offer to switch. */
export function NetworkWarning({ walletChainId }: { walletChainId: number | undefined }) {
  const { switchChain, isPending, error } = useSwitchChain();
  return (
    <div className="notice notice-warning" role="alert" data-testid="network-warning">
      <p>
        <strong>Wrong network.</strong> Your wallet is on chain {walletChainId ?? "unknown"}, but AZR lives on{" "}
        {AZORA_CHAIN_NAME} (chain id {manifest.chainId}). Switch networks to see your AZR.
      </p>
      <button type="button" onClick={() => switchChain({ chainId: manifest.chainId })} disabled={isPending}>
        Switch network
      </button>
      {isPending && <p>Confirm the switch in your wallet…</p>}
      {error && <p>Switching failed: {describeWalletError(error)}.</p>}
    </div>
  );
}
