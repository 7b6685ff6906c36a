// The learner's signed quiz submission, as the browser (or a script) makes it and
// `POST /api/grade` checks it. Client-safe: no keys, no server code.
import type { Address, Hex } from "viem";

/** How far ahead a submission's `expires` may be (the server allows a minute of clock skew). */
export const SUBMISSION_TTL_SECONDS = 300;

/**
 * EIP-712 domain of quiz submissions: "Azora Grader" version "1", bound to one chain and one
 * ProofOfKnowledge, so a submission signed for one deployment is refused by another.
 */
export function submissionDomain(chainId: number, proofOfKnowledge: Address) {
  return { name: "Azora Grader", version: "1", chainId, verifyingContract: proofOfKnowledge } as const;
}

/**
 * `Submission(address learner,uint256 courseId,uint8[] answers,uint64 expires)`: the learner's
 * answers (option indexes 0–3, in the order of course.json's questions) to one course, valid
 * until `expires` (unix seconds). Signed by the learner, it proves who is asking; the grader
 * accepts each signature once.
 */
export const SUBMISSION_TYPES = {
  Submission: [
    { name: "learner", type: "address" },
    { name: "courseId", type: "uint256" },
    { name: "answers", type: "uint8[]" },
    { name: "expires", type: "uint64" },
  ],
} as const;

export interface Submission {
  learner: Address;
  courseId: bigint;
  answers: number[];
  expires: bigint;
}

/** The typed data a wallet signs (viem `signTypedData`, wagmi `signTypedDataAsync`). */
export function submissionTypedData(chainId: number, proofOfKnowledge: Address, submission: Submission) {
  return {
    domain: submissionDomain(chainId, proofOfKnowledge),
    types: SUBMISSION_TYPES,
    primaryType: "Submission",
    message: submission,
  } as const;
}

/** The JSON body of `POST /api/grade` for a signed submission. */
export function gradeRequestBody(submission: Submission, signature: Hex) {
  return {
    learner: submission.learner,
    courseId: submission.courseId.toString(),
    answers: submission.answers,
    expires: submission.expires.toString(),
    signature,
  };
}
