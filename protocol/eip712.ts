// Every EIP-712 domain and type of the protocol, once: what the contracts (and the grader) check
// and what wallets sign. Client-safe: no keys, no server code.
import { parseSignature } from "viem";
import type { Account, Address, Chain, Hex, Transport, WalletClient } from "viem";

/** A wallet that signs typed data: a viem wallet client with its account and chain. */
export type Signer = WalletClient<Transport, Chain, Account>;

// ---- Domains ---------------------------------------------------------------------------------

/** AZR's domain (ERC20Permit's name "Azora", version "1"): permits and delegations by signature. */
export function azrDomain(chainId: number, token: Address) {
  return { name: "Azora", version: "1", chainId, verifyingContract: token } as const;
}

/** ProofOfKnowledge's domain: Completion vouchers of one chain and one contract. */
export function completionDomain(chainId: number, proofOfKnowledge: Address) {
  return {
    name: "Azora ProofOfKnowledge",
    version: "1",
    chainId,
    verifyingContract: proofOfKnowledge,
  } as const;
}

/**
 * The grader's domain for quiz submissions: bound to one chain and one ProofOfKnowledge, so a
 * submission signed for one deployment is refused by another. Checked off chain only.
 */
export function submissionDomain(chainId: number, proofOfKnowledge: Address) {
  return { name: "Azora Grader", version: "1", chainId, verifyingContract: proofOfKnowledge } as const;
}

/** The Governor's `name()`, the name of its EIP-712 domain (version "1"). */
export const GOVERNOR_NAME = "Azora Governor";

/** The AzoraGovernor's domain (what its `eip712Domain()` returns): ballots by signature. */
export function governorDomain(chainId: number, governor: Address) {
  return { name: GOVERNOR_NAME, version: "1", chainId, verifyingContract: governor } as const;
}

// ---- Types -----------------------------------------------------------------------------------

/**
 * ProofOfKnowledge's voucher, the public interface between a grader and the chain:
 * `Completion(address learner,uint256 courseId,uint16 score,uint64 deadline)`.
 */
export const COMPLETION_TYPES = {
  Completion: [
    { name: "learner", type: "address" },
    { name: "courseId", type: "uint256" },
    { name: "score", type: "uint16" },
    { name: "deadline", type: "uint64" },
  ],
} as const;

export interface Completion {
  learner: Address;
  courseId: bigint;
  /** Basis points: 0 to 10000. */
  score: number;
  /** Last second (unix time) at which the voucher can be claimed. */
  deadline: bigint;
}

/**
 * `Submission(address learner,uint256 courseId,uint32 attempt,uint8[] answers,uint64 expires)`: a
 * learner's answers to one attempt at one course, valid until `expires`. `attempt` is the number
 * the grader gave the attempt (`GET /api/grade`); `answers` are option indexes as that attempt
 * showed them, in the order it asked its questions. Signed by the learner, it proves who is
 * asking; the grader grades each signature once (a repeat gets the same answer).
 */
export const SUBMISSION_TYPES = {
  Submission: [
    { name: "learner", type: "address" },
    { name: "courseId", type: "uint256" },
    { name: "attempt", type: "uint32" },
    { name: "answers", type: "uint8[]" },
    { name: "expires", type: "uint64" },
  ],
} as const;

export interface Submission {
  learner: Address;
  courseId: bigint;
  attempt: number;
  answers: number[];
  expires: bigint;
}

/** EIP-2612 `Permit`, in AZR's domain. */
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

/** ERC20Votes' `Delegation`, in AZR's domain. */
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

/** OpenZeppelin Governor's `Ballot`, in the Governor's domain. */
export const BALLOT_TYPES = {
  Ballot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

export interface Ballot {
  proposalId: bigint;
  /** A `VoteType` (protocol/enums.ts). */
  support: number;
  voter: Address;
  /** The voter's `nonces(address)` on the Governor. */
  nonce: bigint;
}

// ---- Typed data (what a wallet signs: viem `signTypedData`, wagmi `signTypedDataAsync`) ------

export const completionTypedData = (chainId: number, proofOfKnowledge: Address, message: Completion) =>
  ({
    domain: completionDomain(chainId, proofOfKnowledge),
    types: COMPLETION_TYPES,
    primaryType: "Completion",
    message,
  }) as const;

export const submissionTypedData = (chainId: number, proofOfKnowledge: Address, message: Submission) =>
  ({
    domain: submissionDomain(chainId, proofOfKnowledge),
    types: SUBMISSION_TYPES,
    primaryType: "Submission",
    message,
  }) as const;

export const permitTypedData = (chainId: number, token: Address, message: Permit) =>
  ({ domain: azrDomain(chainId, token), types: PERMIT_TYPES, primaryType: "Permit", message }) as const;

export const delegationTypedData = (chainId: number, token: Address, message: Delegation) =>
  ({
    domain: azrDomain(chainId, token),
    types: DELEGATION_TYPES,
    primaryType: "Delegation",
    message,
  }) as const;

export const ballotTypedData = (chainId: number, governor: Address, message: Ballot) =>
  ({
    domain: governorDomain(chainId, governor),
    types: BALLOT_TYPES,
    primaryType: "Ballot",
    message,
  }) as const;

// ---- Signing ---------------------------------------------------------------------------------

/** (v, r, s) of a signature, as `permit` and `delegateBySig` take them. */
function split(signature: Hex) {
  const { v, r, s } = parseSignature(signature);
  return { signature, v: Number(v), r, s };
}

/** Signs `completion` with the verifier's wallet (an EOA, or the key behind an ERC-1271 wallet). */
export function signCompletion(
  verifier: Signer,
  proofOfKnowledge: Address,
  completion: Completion,
  chainId: number = verifier.chain.id,
): Promise<Hex> {
  return verifier.signTypedData(completionTypedData(chainId, proofOfKnowledge, completion));
}

/** Signs an AZR permit; the signer is normally the owner (a test may sign for someone else). */
export async function signPermit(signer: Signer, token: Address, permit: Permit) {
  return split(await signer.signTypedData(permitTypedData(signer.chain.id, token, permit)));
}

/** Signs a delegation: the signature `/api/relay/delegate` takes and the (v, r, s) of `delegateBySig`. */
export async function signDelegation(signer: Signer, token: Address, delegation: Delegation) {
  return split(await signer.signTypedData(delegationTypedData(signer.chain.id, token, delegation)));
}

/** Signs a ballot: the signature `castVoteBySig` takes. */
export function signBallot(signer: Signer, governor: Address, ballot: Ballot): Promise<Hex> {
  return signer.signTypedData(ballotTypedData(signer.chain.id, governor, ballot));
}
