import { parseSignature } from "viem";
import type { Account, Address, Chain, Transport, WalletClient } from "viem";

/** AZR's EIP-712 domain (name "Azora", version "1"): permits and delegations by signature. */
export function azrDomain(chainId: number, token: Address) {
  return { name: "Azora", version: "1", chainId, verifyingContract: token } as const;
}

/** EIP-2612 `Permit` of AZR (EIP-712 domain `azrDomain`). */
export const PERMIT_TYPES = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export interface Permit {
  owner: Address;
  spender: Address;
  value: bigint;
  nonce: bigint;
  deadline: bigint;
}

/**
 * Signs `permit` for the AZR token at `token` with `signer`'s wallet and returns the (v, r, s)
 * that `permit(…)` takes. The signer is normally the owner; a test may sign for someone else.
 */
export async function signPermit(
  signer: WalletClient<Transport, Chain, Account>,
  token: Address,
  permit: Permit,
) {
  const signature = await signer.signTypedData({
    domain: azrDomain(signer.chain.id, token),
    types: PERMIT_TYPES,
    primaryType: "Permit",
    message: permit,
  });
  const { v, r, s } = parseSignature(signature);
  return { v: Number(v), r, s };
}

/** ERC20Votes' `Delegation`, signed in AZR's domain (`azrDomain`), for `delegateBySig`. */
export const DELEGATION_TYPES = {
  Delegation: [
    { name: "delegatee", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "expiry", type: "uint256" },
  ],
} as const;

export interface Delegation {
  delegatee: Address;
  /** The delegator's `nonces(address)` on AZR (shared with permits). */
  nonce: bigint;
  /** Unix seconds after which the signature is refused. */
  expiry: bigint;
}

/** Signs `delegation` with the delegator's wallet (0x r ‖ s ‖ v, as `/api/relay/delegate` takes it). */
export function signDelegationMessage(
  signer: WalletClient<Transport, Chain, Account>,
  token: Address,
  delegation: Delegation,
) {
  return signer.signTypedData({
    domain: azrDomain(signer.chain.id, token),
    types: DELEGATION_TYPES,
    primaryType: "Delegation",
    message: delegation,
  });
}
