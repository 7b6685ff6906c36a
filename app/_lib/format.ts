import { getAddress, zeroAddress } from "viem";
import type { Address } from "viem";

/** AZR has 18 decimals (it is an OpenZeppelin ERC-20 with the default). */
const AZR_UNIT = 10n ** 18n;
const HUNDREDTH = AZR_UNIT / 100n;

/**
 * "31,740 AZR" (en), "31 740 AZR" (fr), "0.5 AZR", "< 0.01 AZR": grouped per locale, at most two
 * decimals, rounded down so a balance is never shown larger than it is. Exact for any bigint
 * (no float), and the same on server and client.
 */
export function formatAzr(amount: bigint, locale = "en"): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const sign = negative ? "-" : "";
  if (abs > 0n && abs < HUNDREDTH) return `${sign}< ${formatDecimal(0n, "01", locale)} AZR`;
  const hundredths = abs / HUNDREDTH;
  const fraction = (hundredths % 100n).toString().padStart(2, "0").replace(/0+$/, "");
  return `${sign}${formatDecimal(hundredths / 100n, fraction, locale)} AZR`;
}

function formatDecimal(whole: bigint, fraction: string, locale: string): string {
  const grouped = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(whole);
  if (!fraction) return grouped;
  const separator =
    new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? ".";
  return `${grouped}${separator}${fraction}`;
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
