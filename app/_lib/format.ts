import { getAddress, zeroAddress } from "viem";
import type { Address } from "viem";

/** AZR has 18 decimals (it is an OpenZeppelin ERC-20 with the default). */
const AZR_UNIT = 10n ** 18n;
const HUNDREDTH = AZR_UNIT / 100n;

/**
 * "31,200 AZR", "0.5 AZR", "< 0.01 AZR": grouped thousands and at most two decimals, rounded
 * down so a balance is never shown larger than it is. The same on server and client.
 */
export function formatAzr(amount: bigint): string {
  const sign = amount < 0n ? "-" : "";
  const abs = amount < 0n ? -amount : amount;
  if (abs > 0n && abs < HUNDREDTH) return `${sign}< 0.01 AZR`;
  const hundredths = abs / HUNDREDTH;
  const whole = (hundredths / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = (hundredths % 100n).toString().padStart(2, "0").replace(/0+$/, "");
  return `${sign}${whole}${fraction ? `.${fraction}` : ""} AZR`;
}

/** "0x7099…79C8" (checksummed). */
export function shortAddress(address: Address): string {
  const checksummed = getAddress(address);
  return `${checksummed.slice(0, 6)}…${checksummed.slice(-4)}`;
}

export function sameAddress(a: Address, b: Address): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Whom `account`'s votes go to: itself, nobody (never delegated, or delegated to 0x0), or another address. */
export function delegationOf(account: Address, delegate: Address | null): "self" | "none" | Address {
  if (!delegate || sameAddress(delegate, zeroAddress)) return "none";
  return sameAddress(delegate, account) ? "self" : delegate;
}
