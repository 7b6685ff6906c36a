import { parseSignature } from "viem";
import type { Account, Address, Chain, Transport, WalletClient } from "viem";
import { azrDomain } from "./governance-signatures.js";

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
