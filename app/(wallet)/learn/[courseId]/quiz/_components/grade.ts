import type { AttemptQuestion } from "@/server/submission";
import type { StoredVoucher } from "../../../_lib/vouchers";

/**
 * What the page shows of the grader's answer. The grader's policy decides what it returns (which
 * questions an attempt asks, attempts left, when the next one opens, feedback): every field is
 * optional and the page shows what is there.
 */
export interface GradeView {
  passed: boolean;
  score?: number;
  passingScore?: number;
  correct?: number;
  total?: number;
  attemptsLeft?: number;
  /** Unix seconds. */
  nextAttemptAt?: number;
  /** Question ids to read again. */
  wrong?: string[];
  voucher?: StoredVoucher;
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const ids = (v: unknown) =>
  Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : undefined;

/** Reads a grader response body (200) into a GradeView, tolerating fields it does not know. */
export function readGrade(body: unknown, nowSeconds: number): GradeView {
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const next =
    num(b.nextAttemptAt) ??
    (typeof b.nextAttemptAt === "string" ? Date.parse(b.nextAttemptAt) / 1000 : undefined) ??
    (num(b.retryAfter) !== undefined ? nowSeconds + (num(b.retryAfter) ?? 0) : undefined);
  const feedback = b.feedback as unknown;
  const wrong =
    ids(b.wrong) ??
    (Array.isArray(feedback)
      ? feedback.flatMap((f) =>
          f && typeof f === "object" && (f as { correct?: unknown }).correct === false
            ? [String((f as { id?: unknown }).id)]
            : [],
        )
      : undefined);
  const voucher = b.voucher as StoredVoucher | undefined;
  return {
    passed: b.passed === true,
    score: num(b.score),
    passingScore: num(b.passingScore),
    correct: num(b.correct),
    total: num(b.total),
    attemptsLeft: num(b.attemptsLeft),
    nextAttemptAt: next !== undefined && Number.isFinite(next) ? next : undefined,
    wrong,
    voucher:
      voucher && typeof voucher === "object" && voucher.completion && voucher.signature ? voucher : undefined,
  };
}

export type GradeRefusal = "tooMany" | "claimed" | "inactive" | "expired" | "signature" | "other";

/** A refused grade request (status and message of `{ error }`) as what the page explains. */
export function readRefusal(status: number, message: string): GradeRefusal {
  if (status === 429) return "tooMany";
  if (status === 401) return /expire/i.test(message) ? "expired" : "signature";
  if (status === 409 && /already claimed/i.test(message)) return "claimed";
  if (status === 409 && /inactive/i.test(message)) return "inactive";
  return "other";
}

/** The learner's open attempt as the page uses it (`GET /api/grade`), or why there is none. */
export type AttemptState =
  | { state: "loading" }
  | { state: "refused"; reason: GradeRefusal }
  | {
      state: "open";
      attempt: number;
      questions: AttemptQuestion[];
      nextAttemptAt?: number;
      voucher?: StoredVoucher;
    };

const isQuestion = (q: unknown): q is AttemptQuestion =>
  !!q &&
  typeof q === "object" &&
  typeof (q as AttemptQuestion).id === "string" &&
  typeof (q as AttemptQuestion).prompt === "string" &&
  Array.isArray((q as AttemptQuestion).options) &&
  (q as AttemptQuestion).options.every((o) => typeof o === "string");

/** Reads the body of `GET /api/grade` (200) into the page's attempt. */
export function readAttempt(body: unknown): AttemptState {
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const questions = Array.isArray(b.questions) ? b.questions.filter(isQuestion) : [];
  const voucher = readGrade(b, 0).voucher;
  if (typeof b.attempt !== "number" || (questions.length === 0 && !voucher)) {
    return { state: "refused", reason: "other" };
  }
  return {
    state: "open",
    attempt: b.attempt,
    questions,
    nextAttemptAt: num(b.nextAttemptAt),
    voucher,
  };
}
