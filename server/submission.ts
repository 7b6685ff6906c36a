// The wire format of `POST /api/grade`: what the browser (or a script) sends after the learner
// signed a `Submission` (protocol/eip712.ts). Client-safe: no keys, no server code.
import type { Hex } from "viem";
import type { Submission } from "../protocol/eip712";

/** How far ahead a submission's `expires` may be (the server allows a minute of clock skew). */
export const SUBMISSION_TTL_SECONDS = 300;

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
