import { getAddress, keccak256, slice, toHex } from "viem";
import type { Address } from "viem";

/** A deterministic address that signs nothing: a learner only needs to receive. */
export function learnerAddress(label: string | number): Address {
  return getAddress(slice(keccak256(toHex(`azora learner ${label}`)), 12));
}
