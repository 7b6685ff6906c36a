import Link from "next/link";
import type { Address } from "viem";
import { shortAddress } from "@/app/_lib/format";

/** A shortened address linking to its account page; the full address is in the title. */
export function AddressLink({ address }: { address: Address }) {
  return (
    <Link href={`/accounts/${address}`} className="address" title={address}>
      {shortAddress(address)}
    </Link>
  );
}
