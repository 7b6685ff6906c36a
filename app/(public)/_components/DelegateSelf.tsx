"use client";
import { useTranslations } from "next-intl";
import type { Address } from "viem";
import { manifest } from "@/deployments/index";
import { contractOf } from "@/protocol/manifest";
import { delegationOf } from "@/app/_lib/format";
import { TxButton } from "@/app/_wallet/TxButton";
import { useChainAccount } from "@/app/_wallet/useChainAccount";
import { useTransaction } from "@/app/_wallet/useTransaction";

/** "Delegate to myself", for an account whose AZR does not yet count as its own votes. */
export function DelegateSelf({ account }: { account: Address }) {
  const t = useTranslations("home");
  const { delegate } = useChainAccount(account);
  const { writeContract, status } = useTransaction();
  const { address, abi } = contractOf(manifest, "AzoraToken");
  const needed = delegate !== undefined && delegationOf(account, delegate) !== "self";
  if (!needed && status.state === "idle") return null;
  return (
    <>
      {needed && <p>{t("yourAzr.delegateWhy")}</p>}
      <TxButton
        data-testid="delegate-self"
        statusTestId="delegate-status"
        status={status}
        disabled={!needed}
        confirmedNote={t("yourAzr.delegateDone")}
        onClick={() =>
          writeContract({
            address,
            abi,
            functionName: "delegate",
            args: [account],
            chainId: manifest.chainId,
          })
        }
      >
        {t("yourAzr.delegate")}
      </TxButton>
    </>
  );
}
