"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useAccount } from "wagmi";
import { manifest } from "@/deployments/index";
import { Card, Loading } from "@/app/_components/ui";
import { WalletButton } from "@/app/_wallet/WalletButton";

/** The connected account, with a link to its public record; a connect button otherwise. */
export function MyAccount() {
  const t = useTranslations("me");
  const { address, chainId, status } = useAccount();
  return (
    <Card title={t("account.title")} id="me-account-title">
      {status === "connecting" || status === "reconnecting" ? (
        <Loading>{t("account.checking")}</Loading>
      ) : !address ? (
        <>
          <p>{t("account.connectWhy")}</p>
          <div className="actions">
            <WalletButton />
          </div>
        </>
      ) : (
        <>
          <p>{chainId === manifest.chainId ? t("account.connected") : t("account.wrongNetwork")}</p>
          <p>
            <Link href={`/accounts/${address}`} data-testid="my-public-record">
              {t("account.publicRecord")}
            </Link>
          </p>
        </>
      )}
    </Card>
  );
}
