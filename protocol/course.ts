// A course's settings as ProofOfKnowledge defines them (`IProofOfKnowledge.CourseSettings`).
import type { Address } from "viem";

/**
 * What a curator sets of a course: the argument of `registerCourse` and `updateCourse`, and the
 * `settings` that `CourseRegistered` and `CourseUpdated` carry.
 */
export interface CourseSettings {
  title: string;
  /** IPFS CID of the course package. */
  contentCid: string;
  /** AZR (wei) minted per claim, before the CitadelFund's share. */
  reward: bigint;
  /** Signs completions: an EOA, or a contract answering ERC-1271. */
  verifier: Address;
  /** Lowest passing score, in basis points. */
  minScore: number;
  /** Seconds a credential stays valid after issue (0 = for ever). */
  validity: number;
}
