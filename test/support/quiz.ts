import type { Course } from "../../content/formats/course";
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
