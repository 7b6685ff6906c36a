import type { Metadata } from "next";
import Link from "next/link";
import { getAddress, isAddress } from "viem";
import { AccountFacts } from "@/app/_components/AccountFacts";
import { TransferHistory } from "@/app/_components/TransferHistory";
import { shortAddress } from "@/app/_lib/format";
import { DelegationHistory } from "./_components/DelegationHistory";

interface AccountPageProps {
  params: Promise<{ address: string }>;
}

export async function generateMetadata({ params }: AccountPageProps): Promise<Metadata> {
  const { address } = await params;
  return { title: isAddress(address) ? `Account ${shortAddress(address)}` : "Not a valid address" };
}

/** Any account's AZR, from the chain and from the indexer. Needs no wallet. */
export default async function AccountPage({ params }: AccountPageProps) {
  const { address: param } = await params;
  // The segment arrives percent-encoded (Next rejects malformed escapes before the page runs).
  if (!isAddress(param)) return <NotAnAddress value={decodeURIComponent(param)} />;
  const address = getAddress(param);
  return (
    <>
      <section className="panel" aria-labelledby="account-title">
        <h1 id="account-title">Account</h1>
        <p className="address-full">{address}</p>
        <AccountFacts address={address} isYou={false} />
      </section>
      <section className="panel" aria-labelledby="transfers-title">
        <h2 id="transfers-title">Transfers</h2>
        <TransferHistory address={address} />
      </section>
      <section className="panel" aria-labelledby="delegations-title">
        <h2 id="delegations-title">Delegation history</h2>
        <DelegationHistory address={address} />
      </section>
    </>
  );
}

function NotAnAddress({ value }: { value: string }) {
  // Mixed case that fails the checksum is most likely a typo in an otherwise good address.
  const badChecksum = isAddress(value, { strict: false });
  return (
    <section className="page-message" data-testid="bad-address">
      <h1>Not a valid account address</h1>
      <p>
        <code className="address-full">{value}</code>{" "}
        {badChecksum
          ? "looks like an address, but its upper- and lower-case letters do not match its checksum: one character is probably mistyped."
          : "is not a valid address. An address is 0x followed by 40 hexadecimal characters (0–9, a–f)."}
      </p>
      <p>
        <Link href="/">Pick an account from the holders list</Link>
      </p>
    </section>
  );
}
