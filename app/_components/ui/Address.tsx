"use client";
import Link from "next/link";
import type { Address as Hex } from "viem";
import { CopyButton } from "./CopyButton";
import { useAddressBook } from "./KnownAccounts";

interface AddressProps {
  /** Checksummed (getAddress) for display; the data parsers of app/_lib checksum what they read. */
  address: Hex;
  /** Link to the account page (the default), or plain text. */
  link?: boolean;
  /** Show the whole address instead of 0x1234…abcd (detail pages). */
  full?: boolean;
  /** A copy button next to it (the default). */
  copy?: boolean;
}

/**
 * An address with its name when the app knows it (a contract of the deploy manifest, a demo
 * person, the relayer…) and its short form; the full address on hover and to copy. Light on
 * purpose (no hashing, no translation code): it is on nearly every public page.
 */
export function Address({ address, link = true, full = false, copy = true }: AddressProps) {
  const { names, copyLabel, copiedLabel } = useAddressBook();
  const name = names[address.toLowerCase()];
  const body = (
    <>
      {name && <span className="address-name">{name}</span>}
      <span className="address-hex">{full ? address : `${address.slice(0, 6)}…${address.slice(-4)}`}</span>
    </>
  );
  return (
    <span className={`address${full ? " address-full" : ""}`}>
      {link ? (
        <Link href={`/accounts/${address}`} title={address} prefetch={false}>
          {body}
        </Link>
      ) : (
        <span title={address}>{body}</span>
      )}
      {copy && <CopyButton value={address} label={copyLabel} copiedLabel={copiedLabel} />}
    </span>
  );
}
