import { expect } from "chai";
import type { Address } from "viem";
import type { PrivateKeyAccount } from "viem/accounts";
import type { Course } from "../../content/formats/course";
import { submissionTypedData } from "../../protocol/eip712";
import { attemptUrl, gradeRequestBody } from "../../server/submission";
import type { AttemptView } from "../../server/submission";

/**
 * Answers to a grader's attempt (`GET /api/grade`): for each question it drew, the displayed index
 * of the right option (the attempt shuffles them), found through the course's answer key; the first
 * `wrong` answers one option off.
 */
export function answersToAttempt(
  course: Course,
  key: Readonly<Record<string, number>>,
  view: AttemptView,
  wrong = 0,
): number[] {
  return view.questions.map(({ id, options }, i) => {
    const question = course.quiz.questions.find((q) => q.id === id);
    const answer = key[id];
    if (!question || answer === undefined) throw new Error(`question ${id} is not in the course or its key`);
    const right = options.indexOf(question.options[answer]!);
    return i < wrong ? (right + 1) % options.length : right;
  });
}

/**
 * What a learner's browser sends to a running app's `POST /api/grade` for course 1: it opens an
 * attempt (`GET /api/grade`, which must answer 200), answers it from the course's key (the first
 * `wrong` answers one option off), and signs the submission for ProofOfKnowledge at `pok` on `chainId`.
 */
export async function signedSubmission(
  appUrl: string,
  learner: PrivateKeyAccount,
  quiz: { course: Course; key: Readonly<Record<string, number>> },
  verifyingContract: { chainId: number; pok: Address },
  { wrong = 0, headers }: { wrong?: number; headers?: Record<string, string> } = {},
) {
  const opened = await fetch(`${appUrl}${attemptUrl(learner.address, 1n)}`, { headers });
  expect(opened.status).to.equal(200);
  const view = (await opened.json()) as AttemptView;
  const submission = {
    learner: learner.address,
    courseId: 1n,
    attempt: view.attempt,
    answers: answersToAttempt(quiz.course, quiz.key, view, wrong),
    expires: BigInt(Math.floor(Date.now() / 1000) + 120),
  };
  const { chainId, pok } = verifyingContract;
  const signature = await learner.signTypedData(submissionTypedData(chainId, pok, submission));
  return gradeRequestBody(submission, signature);
}
