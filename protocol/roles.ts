// Every AccessControl role id of the protocol, once. test/protocol/mirror.test.ts checks each
// against the deployed contracts' own `<NAME>_ROLE()` getters.
import { keccak256, toHex, zeroHash } from "viem";
import type { Hex } from "viem";

/** Role ids, as the contracts compute them (`keccak256("<NAME>_ROLE")`; the default admin is zero). */
export const Roles = {
  DEFAULT_ADMIN: zeroHash,
  /** AzoraToken, AzoraCredential: may mint (ProofOfKnowledge). */
  MINTER: keccak256(toHex("MINTER_ROLE")),
  /** AzoraCredential: may revoke any credential (governance, and ProofOfKnowledge's guardian path). */
  REVOKER: keccak256(toHex("REVOKER_ROLE")),
  /** ProofOfKnowledge: registers courses and sets verifier limits. */
  CURATOR: keccak256(toHex("CURATOR_ROLE")),
  /** ProofOfKnowledge: disables a verifier and batch-revokes its credentials. */
  GUARDIAN: keccak256(toHex("GUARDIAN_ROLE")),
  /** JobEscrow: resolves disputes. */
  ARBITER: keccak256(toHex("ARBITER_ROLE")),
  /** TimelockController: may schedule operations (the Governor). */
  PROPOSER: keccak256(toHex("PROPOSER_ROLE")),
  /** TimelockController: may execute ready operations (granted to the zero address: anyone). */
  EXECUTOR: keccak256(toHex("EXECUTOR_ROLE")),
  /** TimelockController: may cancel scheduled operations (the Governor). */
  CANCELLER: keccak256(toHex("CANCELLER_ROLE")),
} as const satisfies Record<string, Hex>;

export type RoleName = keyof typeof Roles;

/** The short name of a known role id (`MINTER`), or the id itself. */
export function roleName(role: string): string {
  return Object.entries(Roles).find(([, id]) => id === role)?.[0] ?? role;
}

/** The Solidity constant of a known role id (`MINTER_ROLE`), or null for an unknown id. */
export function roleConstant(role: string): string | null {
  const name = roleName(role);
  return name === role ? null : `${name}_ROLE`;
}
