import { keccak256, toHex, zeroHash } from "viem";

/** Role ids, as the contracts compute them (`keccak256("<NAME>")`; the default admin is zero). */
export const Roles = {
  DEFAULT_ADMIN: zeroHash,
  MINTER: keccak256(toHex("MINTER_ROLE")),
  REVOKER: keccak256(toHex("REVOKER_ROLE")),
  CURATOR: keccak256(toHex("CURATOR_ROLE")),
  GUARDIAN: keccak256(toHex("GUARDIAN_ROLE")),
  ARBITER: keccak256(toHex("ARBITER_ROLE")),
  /** TimelockController: may schedule operations (the Governor). */
  PROPOSER: keccak256(toHex("PROPOSER_ROLE")),
  /** TimelockController: may execute ready operations (granted to the zero address: anyone). */
  EXECUTOR: keccak256(toHex("EXECUTOR_ROLE")),
  /** TimelockController: may cancel scheduled operations (the Governor). */
  CANCELLER: keccak256(toHex("CANCELLER_ROLE")),
} as const;

/** The name of a known role id (`MINTER`), or the id itself. */
export function roleName(role: string): string {
  return Object.entries(Roles).find(([, id]) => id === role)?.[0] ?? role;
}
