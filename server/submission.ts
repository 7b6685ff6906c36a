// The wire format of `/api/grade`: the attempt the browser (or a script) asks for, and what it
// sends after the learner signed a `Submission` (protocol/eip712.ts). Client-safe: no keys, no
// server code.
import type { Address, Hex } from "viem";
import type { Submission } from "../protocol/eip712";

/** How far ahead a submission's `expires` may be (the server allows a minute of clock skew). */
export const SUBMISSION_TTL_SECONDS = 300;

/** `GET` this URL: the learner's open attempt at the course (its questions and option order). */
export function attemptUrl(learner: Address, courseId: bigint | string, base = ""): string {
  return `${base}/api/grade?learner=${learner}&courseId=${courseId}`;
}

/** One question as an attempt shows it: options in the attempt's order (answer with their index). */
export interface AttemptQuestion {
  id: string;
  prompt: string;
  options: string[];
}

/** The body of `GET /api/grade`: the open attempt, or how long until it opens, or the pass. */
export interface AttemptView {
  learner: Address;
  courseId: string;
  /** The number to sign in the `Submission`. */
  attempt: number;
  questions: AttemptQuestion[];
  passingScore: number;
  /** Attempts left before the next longer wait and the feedback. */
  attemptsLeft: number;
  /** Unix seconds before which the attempt is refused (a cooldown after a failed attempt). */
  nextAttemptAt?: number;
  /** Set when the learner already passed: the voucher the grader signed then. */
  passed?: boolean;
  voucher?: {
    completion: { learner: Address; courseId: string; score: number; deadline: string };
    signature: Hex;
  };
}

/** The JSON body of `POST /api/grade` for a signed submission. */
export function gradeRequestBody(submission: Submission, signature: Hex) {
  return {
    learner: submission.learner,
    courseId: submission.courseId.toString(),
    attempt: submission.attempt,
    answers: submission.answers,
    expires: submission.expires.toString(),
    signature,
  };
}
