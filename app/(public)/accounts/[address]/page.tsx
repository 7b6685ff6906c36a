import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getAddress, isAddress } from "viem";
import type { Address as Hex } from "viem";
import { AccountFacts } from "@/app/_components/account/AccountFacts";
import type { Fact } from "@/app/_components/account/AccountFacts";
import { DelegationList } from "@/app/_components/account/DelegationList";
import { TransferList } from "@/app/_components/account/TransferList";
import { ReadFailure } from "@/app/_components/ReadFailure";
import { MarketplaceRecord } from "./_components/MarketplaceRecord";
import { Address, Card, ErrorState, PageHeader } from "@/app/_components/ui";
import { shortAddress } from "@/app/_lib/format";
import type { Result } from "@/app/_lib/server-data";
import { accountActivity, chainAccount } from "@/app/_lib/server-data";

interface AccountPageProps {
  params: Promise<{ address: string }>;
}

export async function generateMetadata({ params }: AccountPageProps): Promise<Metadata> {
  const { address } = await params;
  const t = await getTranslations("accounts");
  return {
    title: isAddress(address) ? t("metaTitle", { address: shortAddress(address) }) : t("invalid.title"),
  };
}

function fact<T, R>(result: Result<R>, pick: (data: R) => T): Fact<T> {
  return result.ok ? { state: "ready", value: pick(result.data) } : { state: "failed" };
}

/** Any account's AZR, from the chain and from the indexer, rendered on the server. Needs no wallet. */
export default async function AccountPage({ params }: AccountPageProps) {
  const { address: param } = await params;
  // The segment arrives percent-encoded (Next rejects malformed escapes before the page runs).
  if (!isAddress(param)) return <NotAnAddress value={decodeURIComponent(param)} />;
  const address = getAddress(param);
  const t = await getTranslations("accounts");
  const [chain, indexed] = await Promise.all([chainAccount(address), accountActivity(address)]);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")}>
        <Address address={address} full link={false} />
      </PageHeader>
      <Card title={t("azr")} id="azr-title">
        <AccountFacts
          address={address}
          isYou={false}
          balance={fact(chain, (c) => c.balance)}
          indexedBalance={fact(indexed, (a) => a.account?.balance ?? 0n)}
          votes={fact(chain, (c) => c.votes)}
          delegate={fact(chain, (c) => c.delegate as Hex)}
        />
        {!chain.ok && <ReadFailure source="chain" kind={chain.kind} />}
      </Card>
      <Card title={t("transfers.title")} id="transfers-title">
        {indexed.ok ? (
          <TransferList
            account={address}
            transfers={indexed.data.transfers.items}
            total={indexed.data.account?.transferCount}
          />
        ) : (
          <ReadFailure source="indexer" kind={indexed.kind} />
        )}
      </Card>
      <Card title={t("delegations.title")} id="delegations-title">
        {indexed.ok ? (
          <DelegationList account={address} changes={indexed.data.delegations.items} />
        ) : (
          <ReadFailure source="indexer" kind={indexed.kind} />
        )}
      </Card>
      <MarketplaceRecord address={address} />
    </>
  );
}

async function NotAnAddress({ value }: { value: string }) {
  const t = await getTranslations("accounts");
  // Mixed case that fails the checksum is most likely a typo in an otherwise good address.
  const badChecksum = isAddress(value, { strict: false });
  return (
    <section className="card" data-testid="bad-address">
      <PageHeader title={t("invalid.title")} />
      <ErrorState
        title={
          <>
            <code className="address-full">{value}</code>{" "}
            {badChecksum ? t("invalid.checksum") : t("invalid.format")}
          </>
        }
        next={
          <p>
            <Link href="/">{t("invalid.next")}</Link>
          </p>
        }
      />
    </section>
  );
}
