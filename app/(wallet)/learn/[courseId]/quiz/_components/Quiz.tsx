"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useId, useState } from "react";
import { useAccount, useSignTypedData } from "wagmi";
import { manifest } from "@/deployments/index";
import { contractOf } from "@/protocol/manifest";
import { submissionTypedData } from "@/protocol/eip712";
import { gradeRequestBody, SUBMISSION_TTL_SECONDS } from "@/server/submission";
import { Card, ErrorState, Loading } from "@/app/_components/ui";
import { isUserRejection } from "@/app/_lib/errors";
import { WalletButton } from "@/app/_wallet/WalletButton";
import { formatScore } from "@/app/(public)/learn/_lib/score";
import { saveVoucher, useVouchers } from "../../../_lib/vouchers";
import type { StoredVoucher } from "../../../_lib/vouchers";
import { readGrade, readRefusal } from "./grade";
import type { GradeRefusal, GradeView } from "./grade";

interface Question {
  id: string;
  prompt: string;
  options: string[];
}

interface QuizProps {
  courseId: string;
  courseTitle: string;
  language: string;
  questions: Question[];
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

/** The quiz, one question per screen, signed for free and graded; on a pass, the claim. */
export function Quiz(props: QuizProps) {
  const t = useTranslations("learn");
  const locale = useLocale();
  const format = useFormatter();
  const { address, chainId } = useAccount();
  const vouchers = useVouchers(address, props.courseId);
  const { signTypedDataAsync } = useSignTypedData();
  const [asked, setAsked] = useState<string[]>(() => props.questions.map((q) => q.id));
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

  const questions = asked.flatMap((id) => props.questions.filter((q) => q.id === id));
  const total = questions.length;
  const question = questions[Math.min(index, total - 1)];
  const unanswered = questions.filter((q) => answers[q.id] === undefined).length;
  const when = (seconds: number) =>
    format.dateTime(new Date(seconds * 1000), { dateStyle: "medium", timeStyle: "short" });
  const learner = address;

  async function submit() {
    if (chainId !== manifest.chainId) return;
    const submission = {
      learner,
      courseId: BigInt(props.courseId),
      answers: questions.map((q) => answers[q.id] ?? 0),
      expires: BigInt(Math.floor(Date.now() / 1000) + SUBMISSION_TTL_SECONDS - 30),
    };
    setPhase({ step: "signing" });
    let signature: `0x${string}`;
    try {
      signature = await signTypedDataAsync(
        submissionTypedData(manifest.chainId, proofOfKnowledge.address, submission),
      );
    } catch (error) {
      setPhase({ step: "refused", reason: isUserRejection(error) ? "rejected" : "signature" });
      return;
    }
    setPhase({ step: "grading" });
    try {
      const response = await fetch("/api/grade", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(gradeRequestBody(submission, signature)),
      });
      const body: unknown = await response.json().catch(() => ({}));
      const now = Math.floor(Date.now() / 1000);
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
    } catch {
      setPhase({ step: "refused", reason: "other" });
    }
  }

  function again(grade?: GradeView) {
    if (grade?.questions?.length) setAsked(grade.questions);
    setAnswers({});
    setIndex(0);
    setPhase({ step: "answering" });
  }

  if (phase.step === "signing" || phase.step === "grading") {
    return (
      <Card>
        <Loading>{phase.step === "signing" ? t("quiz.signing") : t("quiz.grading")}</Loading>
      </Card>
    );
  }
  if (phase.step === "refused") {
    const r = phase.reason;
    return (
      <div data-testid="quiz-refused">
        <ErrorState
          live
          title={t(`quiz.error.${r}`)}
          next={
            <>
              {phase.nextAttemptAt !== undefined && (
                <p>{t("quiz.nextAttempt", { time: when(phase.nextAttemptAt) })}</p>
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
    const wrongPrompts = (g.wrong ?? []).flatMap((id) => props.questions.filter((q) => q.id === id));
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
          <button type="button" onClick={() => again(g)} data-testid="quiz-again">
            {t("quiz.tryAgain")}
          </button>
        )}
      </Card>
    );
  }

  if (!question) return null;
  const reviewing = index >= total;
  return (
    <Card data-testid="quiz">
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
