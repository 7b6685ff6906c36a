import { z } from "zod";
import { languageTag, tags, text } from "./common";

/** A path inside a package: relative, `/`-separated, no `.` or `..` segments. */
export function packagePath(extensions: string[]) {
  const names = extensions.join("|");
  return z
    .string()
    .regex(
      new RegExp(`^(?!.*(?:^|/)\\.\\.?(?:/|$))(?:[\\w.-]+/)*[\\w.-]+\\.(?:${names})$`),
      `expected a relative path in the package ending in .${extensions.join(" or .")}`,
    );
}

const question = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/, "expected 1–32 letters, digits, _ or -")
      .describe("Stable id the grader's answer key refers to"),
    prompt: text(500),
    options: z.array(text(300)).length(4, "expected 4 options"),
  })
  .strict();

/** `course.json`, the head of a course package (see the description below). */
export const courseSchema = z
  .object({
    title: text(120),
    summary: text(500),
    level: z.enum(["beginner", "intermediate", "advanced"]),
    language: languageTag,
    estimatedMinutes: z.number().int().min(1).max(10_000).describe("Time to study it all, in minutes"),
    tags,
    lessons: z
      .array(z.object({ title: text(120), file: packagePath(["md"]) }).strict())
      .min(1, "expected at least one lesson")
      .max(50),
    quiz: z
      .object({
        passingScore: z
          .number()
          .int()
          .min(1)
          .max(10_000)
          .describe("Share of right answers needed to pass, in basis points (7000 = 70%)"),
        showWrongAnswers: z
          .boolean()
          .describe(
            "Whether a learner is told which questions were wrong (after a pass, or after the last attempt of a round)",
          ),
        questionsPerAttempt: z
          .number()
          .int()
          .min(1)
          .max(100)
          .optional()
          .describe(
            "Questions one attempt asks, drawn from the bank (`questions`) per learner and attempt; all of them when absent",
          ),
        questions: z
          .array(question)
          .min(1, "expected at least one question")
          .max(100)
          .describe(
            "The bank of questions; each attempt asks `questionsPerAttempt` of them, options shuffled",
          ),
      })
      .strict(),
  })
  .strict()
  .superRefine((course, context) => {
    const { questionsPerAttempt, questions } = course.quiz;
    if (questionsPerAttempt !== undefined && questionsPerAttempt > questions.length) {
      context.addIssue({
        code: "custom",
        path: ["quiz", "questionsPerAttempt"],
        message: `is more than the ${questions.length} questions of the bank`,
      });
    }
    const seen = new Set<string>();
    course.quiz.questions.forEach(({ id, options }, i) => {
      if (seen.has(id))
        context.addIssue({
          code: "custom",
          path: ["quiz", "questions", i, "id"],
          message: `duplicate id "${id}"`,
        });
      seen.add(id);
      if (new Set(options).size !== options.length) {
        context.addIssue({
          code: "custom",
          path: ["quiz", "questions", i, "options"],
          message: "options must differ",
        });
      }
    });
    const files = new Set<string>();
    course.lessons.forEach(({ file }, i) => {
      if (files.has(file))
        context.addIssue({
          code: "custom",
          path: ["lessons", i, "file"],
          message: `${file} is listed twice`,
        });
      files.add(file);
    });
  })
  .meta({
    title: "Azora course package: course.json",
    description:
      "A course package is a directory: this course.json, the lessons it lists (markdown), the images " +
      "the lessons show, and optionally answers.enc (the answer key, encrypted for the grader). The " +
      "answer key is never in the package in the clear.",
  });

export type Course = z.infer<typeof courseSchema>;

/** How many questions one attempt at the course asks: `questionsPerAttempt`, or the whole bank. */
export function questionsPerAttempt(course: Course): number {
  return course.quiz.questionsPerAttempt ?? course.quiz.questions.length;
}
