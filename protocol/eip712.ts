// Every EIP-712 domain and type of the protocol, once: what the contracts (and the grader) check
// and what wallets sign. Client-safe: no keys, no server code.
import { parseSignature } from "viem";
import type {
  Account,
  Address,
  Chain,
  Hex,
  Transport,
  TypedData,
  TypedDataDefinition,
  TypedDataDomain,
  WalletClient,
} from "viem";

/** A wallet that signs typed data: a viem wallet client with its account and chain. */
export type Signer = WalletClient<Transport, Chain, Account>;

// ---- Domains ---------------------------------------------------------------------------------

/** The protocol's EIP-712 domains: version "1", bound to one chain and one verifying contract. */
const domainNamed =
  <const Name extends string>(name: Name) =>
  (chainId: number, verifyingContract: Address) =>
    ({ name, version: "1", chainId, verifyingContract }) as const;

/** AZR's domain (ERC20Permit's name "Azora", version "1"): permits and delegations by signature. */
export const azrDomain = domainNamed("Azora");

/** ProofOfKnowledge's domain: Completion vouchers of one chain and one contract. */
export const completionDomain = domainNamed("Azora ProofOfKnowledge");

/**
 * The grader's domain for quiz submissions: bound to one chain and one ProofOfKnowledge, so a
 * submission signed for one deployment is refused by another. Checked off chain only.
 */
export const submissionDomain = domainNamed("Azora Grader");

/** The Governor's `name()`, the name of its EIP-712 domain (version "1"). */
export const GOVERNOR_NAME = "Azora Governor";

/** The AzoraGovernor's domain (what its `eip712Domain()` returns): ballots by signature. */
export const governorDomain = domainNamed(GOVERNOR_NAME);

// ---- Types -----------------------------------------------------------------------------------
// Each message type is read from its EIP-712 type, so the two cannot drift apart: uint8 to uint48
// are numbers, wider uints bigints, addresses `Address`.

/** The message of `primaryType` in `types`, as viem's `signTypedData` takes it. */
type MessageOf<Types extends TypedData, PrimaryType extends keyof Types & string> = TypedDataDefinition<
  Types,
  PrimaryType
>["message"];

/**
 * ProofOfKnowledge's voucher, the public interface between a grader and the chain:
 * `Completion(address learner,uint256 courseId,uint16 score,uint64 deadline)`. `score` is in basis
 * points (0 to 10000); `deadline` is the last second (unix time) at which it can be claimed.
 */
export const COMPLETION_TYPES = {
  Completion: [
    { name: "learner", type: "address" },
    { name: "courseId", type: "uint256" },
    { name: "score", type: "uint16" },
    { name: "deadline", type: "uint64" },
  ],
} as const;

export type Completion = MessageOf<typeof COMPLETION_TYPES, "Completion">;

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

export type Submission = MessageOf<typeof SUBMISSION_TYPES, "Submission">;

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

export type Permit = MessageOf<typeof PERMIT_TYPES, "Permit">;

/**
 * ERC20Votes' `Delegation`, in AZR's domain. `nonce` is the delegator's `nonces(address)` on AZR
 * (shared with permits); `expiry` the unix second after which the signature is refused.
 */
export const DELEGATION_TYPES = {
  Delegation: [
    { name: "delegatee", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "expiry", type: "uint256" },
  ],
} as const;

export type Delegation = MessageOf<typeof DELEGATION_TYPES, "Delegation">;

/**
 * OpenZeppelin Governor's `Ballot`, in the Governor's domain. `support` is a `VoteType`
 * (protocol/enums.ts); `nonce` the voter's `nonces(address)` on the Governor.
 */
export const BALLOT_TYPES = {
  Ballot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

export type Ballot = MessageOf<typeof BALLOT_TYPES, "Ballot">;

// ---- Typed data (what a wallet signs: viem `signTypedData`, wagmi `signTypedDataAsync`) ------

/** `message` of `primaryType` in `domain`, typed end to end for viem and wagmi. */
const typedData = <
  const Domain extends TypedDataDomain,
  const Types extends TypedData,
  PrimaryType extends keyof Types & string,
>(
  domain: Domain,
  types: Types,
  primaryType: PrimaryType,
  message: MessageOf<Types, PrimaryType>,
) => ({ domain, types, primaryType, message }) as const;

export const completionTypedData = (chainId: number, proofOfKnowledge: Address, message: Completion) =>
  typedData(completionDomain(chainId, proofOfKnowledge), COMPLETION_TYPES, "Completion", message);

export const submissionTypedData = (chainId: number, proofOfKnowledge: Address, message: Submission) =>
  typedData(submissionDomain(chainId, proofOfKnowledge), SUBMISSION_TYPES, "Submission", message);

export const permitTypedData = (chainId: number, token: Address, message: Permit) =>
  typedData(azrDomain(chainId, token), PERMIT_TYPES, "Permit", message);

export const delegationTypedData = (chainId: number, token: Address, message: Delegation) =>
  typedData(azrDomain(chainId, token), DELEGATION_TYPES, "Delegation", message);

export const ballotTypedData = (chainId: number, governor: Address, message: Ballot) =>
  typedData(governorDomain(chainId, governor), BALLOT_TYPES, "Ballot", message);

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
