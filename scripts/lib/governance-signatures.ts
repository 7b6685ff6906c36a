import { parseSignature } from "viem";
import type { Account, Address, Chain, Hex, Transport, WalletClient } from "viem";

/**
 * EIP-712 signatures a relayer submits for people without ETH: a delegation of AZR votes
 * (`AzoraToken.delegateBySig`) and a vote (`AzoraGovernor.castVoteBySig`), both OpenZeppelin 5's
 * standard types, so any wallet or library that signs for an OpenZeppelin Governor works too.
 */

// No imports of local modules: the relayer (grader/relayer.ts) bundles this file into the app,
// and Next's bundler cannot follow the `.js` import suffixes of scripts/lib.

type Signer = WalletClient<Transport, Chain, Account>;

/** AZR's EIP-712 domain (name "Azora", version "1"): permits and delegations by signature. */
export function azrDomain(chainId: number, token: Address) {
  return { name: "Azora", version: "1", chainId, verifyingContract: token } as const;
}

/** ERC20Votes' `Delegation`, signed in AZR's domain (`azrDomain`). */
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

/**
 * Signs `delegation` with the delegator's wallet; returns the signature (as `/api/relay/delegate`
 * takes it) and its (v, r, s) (as `delegateBySig` takes them).
 */
export async function signDelegation(signer: Signer, token: Address, delegation: Delegation) {
  const signature = await signer.signTypedData({
    domain: azrDomain(signer.chain.id, token),
    types: DELEGATION_TYPES,
    primaryType: "Delegation",
    message: delegation,
  });
  const { v, r, s } = parseSignature(signature);
  return { signature, v: Number(v), r, s };
}

/** The Governor's `name()`, the name of its EIP-712 domain (version "1"). */
export const GOVERNOR_NAME = "Azora Governor";

/** The AzoraGovernor's EIP-712 domain (what its `eip712Domain()` returns). */
export function governorDomain(chainId: number, governor: Address) {
  return { name: GOVERNOR_NAME, version: "1", chainId, verifyingContract: governor } as const;
}

/** OpenZeppelin Governor's `Ballot`. */
export const BALLOT_TYPES = {
  Ballot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

/** How a vote counts (GovernorCountingSimple). */
export const VoteType = { Against: 0, For: 1, Abstain: 2 } as const;

export interface Ballot {
  proposalId: bigint;
  support: number;
  voter: Address;
  /** The voter's `nonces(address)` on the Governor. */
  nonce: bigint;
}

/** Signs `ballot` with the voter's wallet; returns the signature `castVoteBySig` takes. */
export function signBallot(signer: Signer, governor: Address, ballot: Ballot): Promise<Hex> {
  return signer.signTypedData({
    domain: governorDomain(signer.chain.id, governor),
    types: BALLOT_TYPES,
    primaryType: "Ballot",
    message: ballot,
  });
}
