"use client";
import { useTranslations } from "next-intl";
import type { Address } from "viem";
import { useAccount } from "wagmi";
import { manifest } from "@/deployments/index";
import { AccountFacts } from "@/app/_components/account/AccountFacts";
import type { Fact } from "@/app/_components/account/AccountFacts";
import { TransferList } from "@/app/_components/account/TransferList";
import { ErrorState } from "@/app/_components/ui/ErrorState";
import { Loading } from "@/app/_components/ui/Loading";
import { chainErrorKind } from "@/app/_lib/errors";
import { useChainAccount } from "@/app/_wallet/useChainAccount";
import { useAccountActivity } from "@/app/_wallet/useIndexer";
import { DelegateSelf } from "./DelegateSelf";
import { NetworkWarning } from "./NetworkWarning";

function fact<T>(value: T | undefined, error: Error | null): Fact<T> {
  if (value !== undefined) return { state: "ready", value };
  return error ? { state: "failed" } : { state: "loading" };
}

/** The connected person's AZR (inside the home page's wallet island), or what connecting shows. */
export function YourAzr() {
  const t = useTranslations("home");
  const { address, chainId, status } = useAccount();
  if (status === "connecting" || status === "reconnecting") return <Loading>{t("yourAzr.checking")}</Loading>;
  if (!address) return <p>{t("yourAzr.connectWhy")}</p>;
  if (chainId !== manifest.chainId) return <NetworkWarning walletChainId={chainId} />;
  return <Connected address={address} />;
}

function Connected({ address }: { address: Address }) {
  const t = useTranslations("home");
  const te = useTranslations("errors");
  const chain = useChainAccount(address);
  const indexed = useAccountActivity(address);
  const indexedBalance = indexed.data && (indexed.data.account?.balance ?? 0n);
  return (
    <>
      <AccountFacts
        address={address}
        isYou
        balance={fact(chain.balance, chain.error)}
        indexedBalance={fact(indexedBalance, indexed.error)}
        votes={fact(chain.votes, chain.error)}
        delegate={fact(chain.delegate, chain.error)}
      />
      {chain.error && (
        <ErrorState
          live
          title={te(`chain.${chainErrorKind(chain.error)}`)}
          next={<p>{te("chain.next")}</p>}
        />
      )}
      {indexed.error && (
        <ErrorState live title={te("indexer.unreachable")} next={<p>{te("indexer.next")}</p>} />
      )}
      <DelegateSelf account={address} />
      <h3>{t("yourAzr.transfers")}</h3>
      {indexed.data ? (
        <TransferList
          account={address}
          transfers={indexed.data.transfers.items}
          total={indexed.data.account?.transferCount}
        />
      ) : (
        !indexed.error && <Loading>{t("yourAzr.loadingTransfers")}</Loading>
      )}
    </>
  );
}
