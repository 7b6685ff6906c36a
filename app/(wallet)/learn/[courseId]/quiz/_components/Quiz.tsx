"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useId, useState } from "react";
import { useAccount, useSignTypedData } from "wagmi";
import { manifest } from "@/deployments/index";
import { contractOf } from "@/protocol/manifest";
import { submissionTypedData } from "@/protocol/eip712";
import { attemptUrl, gradeRequestBody, SUBMISSION_TTL_SECONDS } from "@/server/submission";
import type { AttemptQuestion } from "@/server/submission";
import { Card, ErrorState, Loading } from "@/app/_components/ui";
import { signThenPost } from "@/app/_wallet/signThenPost";
import { WalletButton } from "@/app/_wallet/WalletButton";
import { formatScore } from "@/app/(public)/learn/_lib/score";
import { saveVoucher, useVouchers } from "../../../_lib/vouchers";
import type { StoredVoucher } from "../../../_lib/vouchers";
import { readAttempt, readGrade, readRefusal } from "./grade";
import type { AttemptState } from "./grade";
import type { GradeRefusal, GradeView } from "./grade";

interface QuizProps {
  courseId: string;
  courseTitle: string;
  language: string;
  passMark: number;
  learnerShare: string;
  citadelShare: string;
}

type Phase =
  | { step: "answering" }
  | { step: "signing" }
  | { step: "grading" }
  | { step: "graded"; grade: GradeView }
  | { step: "refused"; reason: GradeRefusal | "rejected"; nextAttemptAt?: number };

const proofOfKnowledge = contractOf(manifest, "ProofOfKnowledge");
// The claim (chain simulation, error decoding, the transaction button) loads once a quiz is passed.
const Claim = lazy(() => import("./Claim").then((m) => ({ default: m.Claim })));

/**
 * The quiz: the learner's open attempt fetched from the grader (its questions, drawn for this
 * learner and attempt, options in its order), one question per screen, signed for free and
 * graded; on a pass, the claim.
 */
export function Quiz(props: QuizProps) {
  const t = useTranslations("learn");
  const locale = useLocale();
  const format = useFormatter();
  const { address, chainId } = useAccount();
  const vouchers = useVouchers(address, props.courseId);
  const { signTypedDataAsync } = useSignTypedData();
  const [attempt, setAttempt] = useState<AttemptState>({ state: "loading" });
  const [reload, setReload] = useState(0);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [index, setIndex] = useState(0);
  const [phase, setPhase] = useState<Phase>({ step: "answering" });
  const baseId = useId();

  // The voucher being claimed stays on screen after the claim drops it from the device.
  const [claiming, setClaiming] = useState<StoredVoucher | null>(null);
  const stored = vouchers[0];
  useEffect(() => {
    if (stored) setClaiming(stored);
  }, [stored]);
  // The open attempt, asked of the grader whenever the learner (or `reload`) changes.
  useEffect(() => {
    if (!address) return;
    let live = true;
    setAttempt({ state: "loading" });
    fetch(attemptUrl(address, props.courseId))
      .then(async (response) => {
        const body: unknown = await response.json().catch(() => ({}));
        const now = Math.floor(Date.now() / 1000);
        const read = response.ok
          ? readAttempt(body)
          : ({
              state: "refused",
              reason: readRefusal(response.status, String((body as { error?: unknown }).error ?? "")),
            } as const);
        if (!live) return;
        if (read.state === "open" && read.voucher) saveVoucher(read.voucher);
        setAttempt(
          read.state === "open" && read.nextAttemptAt !== undefined && read.nextAttemptAt <= now
            ? { ...read, nextAttemptAt: undefined }
            : read,
        );
      })
      .catch(() => live && setAttempt({ state: "refused", reason: "other" }));
    return () => {
      live = false;
    };
  }, [address, props.courseId, reload]);
  const pending = stored ?? claiming;
  if (pending) {
    return (
      <Suspense fallback={<Loading>{t("claim.sending")}</Loading>}>
        <Claim
          voucher={pending}
          learnerShare={BigInt(props.learnerShare)}
          citadelShare={BigInt(props.citadelShare)}
        />
      </Suspense>
    );
  }
  if (!address) {
    return (
      <Card>
        <p>{t("quiz.connect")}</p>
        <div className="actions">
          <WalletButton />
        </div>
      </Card>
    );
  }

  if (attempt.state === "loading") {
    return (
      <Card>
        <Loading>{t("quiz.loadingAttempt")}</Loading>
      </Card>
    );
  }
  const open = attempt.state === "open" ? attempt : undefined;
  const questions: AttemptQuestion[] = open?.questions ?? [];
  const total = questions.length;
  const question = questions[Math.min(index, total - 1)];
  const unanswered = questions.filter((q) => answers[q.id] === undefined).length;
  const when = (seconds: number) =>
    format.dateTime(new Date(seconds * 1000), { dateStyle: "medium", timeStyle: "short" });
  const learner = address;

  async function submit() {
    if (chainId !== manifest.chainId || !open) return;
    const submission = {
      learner,
      courseId: BigInt(props.courseId),
      attempt: open.attempt,
      answers: questions.map((q) => answers[q.id] ?? 0),
      expires: BigInt(Math.floor(Date.now() / 1000) + SUBMISSION_TTL_SECONDS - 30),
    };
    setPhase({ step: "signing" });
    const posted = await signThenPost({
      sign: async () => ({
        signature: await signTypedDataAsync(
          submissionTypedData(manifest.chainId, proofOfKnowledge.address, submission),
        ),
      }),
      url: "/api/grade",
      body: ({ signature }) => gradeRequestBody(submission, signature),
      onSigned: () => setPhase({ step: "grading" }),
    });
    const now = Math.floor(Date.now() / 1000);
    if (posted.outcome !== "answered") {
      const reason = { rejected: "rejected", unsigned: "signature", unreachable: "other" } as const;
      setPhase({ step: "refused", reason: reason[posted.outcome] });
      return;
    }
    const { response, body } = posted;
    if (!response.ok) {
      const message = String((body as { error?: unknown }).error ?? "");
      const retry = Number(response.headers.get("retry-after"));
      setPhase({
        step: "refused",
        reason: readRefusal(response.status, message),
        ...(Number.isFinite(retry) && retry > 0 ? { nextAttemptAt: now + retry } : {}),
      });
      return;
    }
    const grade = readGrade(body, now);
    if (grade.voucher) saveVoucher(grade.voucher);
    setPhase({ step: "graded", grade });
  }

  /** A new attempt: its questions fetched again from the grader. */
  function again() {
    setAnswers({});
    setIndex(0);
    setPhase({ step: "answering" });
    setReload((n) => n + 1);
  }

  if (phase.step === "signing" || phase.step === "grading") {
    return (
      <Card>
        <Loading>{phase.step === "signing" ? t("quiz.signing") : t("quiz.grading")}</Loading>
      </Card>
    );
  }
  const refused: Phase | undefined =
    phase.step === "refused"
      ? phase
      : attempt.state === "refused"
        ? { step: "refused", reason: attempt.reason }
        : undefined;
  if (refused?.step === "refused") {
    const r = refused.reason;
    return (
      <div data-testid="quiz-refused">
        <ErrorState
          live
          title={t(`quiz.error.${r}`)}
          next={
            <>
              {refused.nextAttemptAt !== undefined && (
                <p>{t("quiz.nextAttempt", { time: when(refused.nextAttemptAt) })}</p>
              )}
              <p>
                {r === "rejected" || r === "signature" || r === "expired"
                  ? t("quiz.error.nextSign")
                  : t("quiz.error.nextRetry")}
              </p>
              {r !== "claimed" && r !== "inactive" && (
                <button type="button" onClick={() => again()}>
                  {t("quiz.tryAgain")}
                </button>
              )}
            </>
          }
        />
      </div>
    );
  }
  if (phase.step === "graded") {
    const g = phase.grade;
    const score = g.score !== undefined ? formatScore(g.score, locale) : "";
    const mark = formatScore(g.passingScore ?? props.passMark, locale);
    const wrongPrompts = (g.wrong ?? []).flatMap((id) => questions.filter((q) => q.id === id));
    return (
      <Card data-testid="quiz-result">
        <p role="status" className="lead" data-testid="quiz-verdict">
          {g.passed ? t("quiz.passed", { score, mark }) : t("quiz.failed", { score, mark })}
        </p>
        {g.correct !== undefined && g.total !== undefined && (
          <p>{t("quiz.correct", { correct: g.correct, total: g.total })}</p>
        )}
        {!g.passed && g.attemptsLeft !== undefined && (
          <p data-testid="attempts-left">{t("quiz.attemptsLeft", { count: g.attemptsLeft })}</p>
        )}
        {!g.passed && g.nextAttemptAt !== undefined && (
          <p>{t("quiz.nextAttempt", { time: when(g.nextAttemptAt) })}</p>
        )}
        {!g.passed && g.wrong === undefined && <p>{t("quiz.feedbackLater")}</p>}
        {wrongPrompts.length > 0 && (
          <>
            <p>{t("quiz.wrongList")}</p>
            <ul lang={props.language}>
              {wrongPrompts.map((q) => (
                <li key={q.id}>{q.prompt}</li>
              ))}
            </ul>
          </>
        )}
        {!g.passed && g.attemptsLeft !== 0 && (
          <button type="button" onClick={() => again()} data-testid="quiz-again">
            {t("quiz.tryAgain")}
          </button>
        )}
      </Card>
    );
  }

  if (!question || !open) return null;
  const reviewing = index >= total;
  return (
    <Card data-testid="quiz">
      {index === 0 && <p className="muted">{t("quiz.drawn")}</p>}
      {open.nextAttemptAt !== undefined && (
        <p role="status">{t("quiz.nextAttempt", { time: when(open.nextAttemptAt) })}</p>
      )}
      {!reviewing ? (
        <div className="quiz-question">
          <fieldset>
            <legend>
              <span className="muted">{t("quiz.question", { n: index + 1, total })}</span>
              <br />
              <span lang={props.language}>{question.prompt}</span>
            </legend>
            {question.options.map((option, i) => (
              <label key={i} className="quiz-option" lang={props.language}>
                <input
                  type="radio"
                  name={`${baseId}-${question.id}`}
                  value={i}
                  checked={answers[question.id] === i}
                  onChange={() => setAnswers({ ...answers, [question.id]: i })}
                  data-testid={`option-${i}`}
                />
                <span>{option}</span>
              </label>
            ))}
          </fieldset>
        </div>
      ) : (
        <>
          <p>{t("quiz.signWhat", { course: props.courseTitle })}</p>
          {unanswered > 0 && <p role="status">{t("quiz.unanswered", { count: unanswered })}</p>}
          {chainId !== manifest.chainId && <p role="alert">{t("quiz.wrongNetwork")}</p>}
        </>
      )}
      <div className="quiz-actions">
        {index > 0 && (
          <button type="button" onClick={() => setIndex(index - 1)}>
            {t("quiz.previous")}
          </button>
        )}
        {!reviewing ? (
          <button type="button" onClick={() => setIndex(index + 1)} data-testid="quiz-next">
            {index + 1 < total ? t("quiz.next") : t("quiz.review")}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => void submit()}
            disabled={unanswered > 0 || chainId !== manifest.chainId}
            data-testid="quiz-submit"
          >
            {t("quiz.submit")}
          </button>
        )}
      </div>
    </Card>
  );
}
