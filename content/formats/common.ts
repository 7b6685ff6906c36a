import { z } from "zod";

/** Content that does not fit its format; each issue names the field, e.g. `quiz.questions[3].options: expected 4 options`. */
export class FormatError extends Error {
  override name = "FormatError";
  constructor(readonly issues: string[]) {
    super(issues.join("; "));
  }
}

/** `value` as `schema` describes it, or a `FormatError` naming every field that is wrong. */
export function parseFormat<T>(schema: z.ZodType<T>, value: unknown, file?: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new FormatError(result.error.issues.map((issue) => describeIssue(issue, file)));
}

/** A JSON file's bytes, parsed and checked against `schema`. */
export function parseJsonFormat<T>(schema: z.ZodType<T>, bytes: Uint8Array, file: string): T {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    throw new FormatError([
      `${file}: not valid UTF-8 JSON (${error instanceof Error ? error.message : error})`,
    ]);
  }
  return parseFormat(schema, value, file);
}

function describeIssue(issue: z.core.$ZodIssue, file?: string): string {
  const field = issue.path.reduce<string>(
    (path, key) =>
      typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${String(key)}` : String(key),
    "",
  );
  return [file, field, issue.message].filter(Boolean).join(": ");
}

/** Non-empty text of at most `max` characters (markdown allowed where the field says so). */
export function text(max: number) {
  return z.string().regex(/\S/, "must not be empty").max(max, `must be at most ${max} characters`);
}

export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as "en" or "pt-BR"')
  .describe("BCP 47 language tag of the content");

export const tags = z.array(text(40)).max(12, "at most 12 tags").describe("Short topic words, for search");
