"use client";
import { useTranslations } from "next-intl";
import { useSwitchChain } from "wagmi";
import { manifest } from "@/deployments/index";
import { isUserRejection, shortMessage } from "@/app/_lib/errors";
import { AZORA_CHAIN_NAME } from "@/app/_wallet/wagmi";

/** The wallet is on another chain than the deploy manifest's: offer to switch. */
export function NetworkWarning({ walletChainId }: { walletChainId: number | undefined }) {
  const t = useTranslations("wallet");
  const { switchChain, isPending, error } = useSwitchChain();
  return (
    <div className="notice notice-warning" role="alert" data-testid="network-warning">
      <p>
        {t("wrongNetwork", {
          walletChain: walletChainId === undefined ? "?" : String(walletChainId),
          chainName: AZORA_CHAIN_NAME,
          chainId: manifest.chainId,
        })}
      </p>
      <button type="button" onClick={() => switchChain({ chainId: manifest.chainId })} disabled={isPending}>
        {t("switchNetwork")}
      </button>
      {isPending && <p>{t("switchPending")}</p>}
      {error && (
        <p>
          {t("switchFailed", {
            reason: isUserRejection(error) ? t("tx.rejectedShort") : shortMessage(error),
          })}
        </p>
      )}
    </div>
  );
}
