"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ReactNode } from "react";
import type { Address } from "viem";
import { useAccount, useBlock, useReadContract } from "wagmi";
import { sameAddress } from "@/app/_lib/format";
import { TxButton } from "@/app/_wallet/TxButton";
import type { UploadSigner } from "@/content/upload-request";
import { escrow, escrowCalls, uploadContent } from "../_lib/escrow";
import { useEscrowAction } from "../_lib/useEscrowAction";
import { RefusalNote } from "./RefusalNote";

/** What the server knows of a job, handed to the wallet island (plain values). */
export interface JobView {
  id: bigint;
  client: Address;
  provider: Address | null;
  status: "open" | "assigned" | "completed" | "cancelled" | "refunded";
  deadline: bigint;
  applicants: Address[];
  milestones: { index: number; status: string; reviewEndsAt: bigint | null }[];
  raters: Address[];
}

/** Every action the connected account may take on this job, and only those. */
export function JobActions({ job }: { job: JobView }) {
  const t = useTranslations("jobs");
  const { address } = useAccount();
  const block = useBlock({ chainId: escrow.chainId, watch: true });
  const arbiterRole = useReadContract({ ...escrow, functionName: "ARBITER_ROLE" });
  const isArbiter = useReadContract({
    ...escrow,
    functionName: "hasRole",
    args: arbiterRole.data && address ? [arbiterRole.data, address] : undefined,
    query: { enabled: Boolean(arbiterRole.data && address) },
  });
  if (!address) return <p className="muted">{t("actions.connectFirst")}</p>;
  const now = block.data?.timestamp ?? 0n;
  const isClient = sameAddress(address, job.client);
  const isProvider = job.provider !== null && sameAddress(address, job.provider);
  const applied = job.applicants.some((a) => sameAddress(a, address));
  const rated = job.raters.some((a) => sameAddress(a, address));
  const pastDeadline = now > job.deadline;
  const anyReleased = job.milestones.some((m) => m.status === "released" || m.status === "resolved");
  const items: ReactNode[] = [];

  if (job.status === "open" && !isClient && !applied && !pastDeadline)
    items.push(<Apply key="apply" jobId={job.id} />);
  if (job.status === "open" && applied) items.push(<p key="applied">{t("actions.applied")}</p>);
  if (job.status === "open" && isClient) {
    for (const applicant of job.applicants)
      items.push(<Assign key={`assign-${applicant}`} jobId={job.id} provider={applicant} />);
    items.push(<Simple key="cancel" jobId={job.id} kind="cancel" />);
  }
  for (const m of job.milestones) {
    if (job.status === "assigned" && isProvider && m.status === "pending" && !pastDeadline)
      items.push(<WithNote key={`submit-${m.index}`} jobId={job.id} index={m.index} kind="submit" />);
    if (m.status === "submitted" && isClient) {
      items.push(<Simple key={`approve-${m.index}`} jobId={job.id} index={m.index} kind="approve" />);
    }
    // After a silent review window anyone may release: the provider is paid all the same.
    if (m.status === "submitted" && m.reviewEndsAt !== null && now > m.reviewEndsAt)
      items.push(<Simple key={`release-${m.index}`} jobId={job.id} index={m.index} kind="release" />);
    if (
      m.status === "submitted" &&
      (isClient || isProvider) &&
      m.reviewEndsAt !== null &&
      now <= m.reviewEndsAt
    )
      items.push(<WithNote key={`dispute-${m.index}`} jobId={job.id} index={m.index} kind="dispute" />);
    if (m.status === "disputed" && isArbiter.data && !isClient && !isProvider)
      items.push(<Resolve key={`resolve-${m.index}`} jobId={job.id} index={m.index} />);
  }
  if (job.status === "assigned" && pastDeadline && job.milestones.some((m) => m.status === "pending"))
    items.push(<Simple key="refund" jobId={job.id} kind="refund" />);
  if ((isClient || isProvider) && job.provider && !rated && anyReleased)
    items.push(<Rate key="rate" jobId={job.id} />);

  return (
    <div data-testid="job-actions">
      {items.length === 0 ? <p className="muted">{t("actions.none")}</p> : items}
    </div>
  );
}

function Simple({
  jobId,
  index = 0,
  kind,
}: {
  jobId: bigint;
  index?: number;
  kind: "approve" | "release" | "refund" | "cancel";
}) {
  const t = useTranslations("jobs");
  const { run, status, refusal } = useEscrowAction();
  const make = {
    approve: () => escrowCalls.approve(jobId, index),
    release: () => escrowCalls.releaseAfterReview(jobId, index),
    refund: () => escrowCalls.refundExpired(jobId),
    cancel: () => escrowCalls.cancel(jobId),
  }[kind];
  return (
    <section className="card">
      <p>{t(`actions.${kind}.why`, { milestone: index + 1 })}</p>
      <TxButton
        data-testid={`${kind}-${index}`}
        statusTestId={`${kind}-${index}-status`}
        status={status}
        onClick={() => void run(make)}
        confirmedNote={t(`actions.${kind}.done`)}
      >
        {t(`actions.${kind}.button`, { milestone: index + 1 })}
      </TxButton>
      <RefusalNote refusal={refusal} />
    </section>
  );
}

function Assign({ jobId, provider }: { jobId: bigint; provider: Address }) {
  const t = useTranslations("jobs");
  const { run, status, refusal } = useEscrowAction();
  return (
    <section className="card">
      <TxButton
        data-testid={`assign-${provider}`}
        statusTestId={`assign-${provider}-status`}
        status={status}
        onClick={() => void run(() => escrowCalls.assign(jobId, provider))}
        confirmedNote={t("actions.assign.done")}
      >
        {t("actions.assign.button", { who: `${provider.slice(0, 6)}…${provider.slice(-4)}` })}
      </TxButton>
      <RefusalNote refusal={refusal} />
    </section>
  );
}

function NoteField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <div className="form">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        style={{ width: "100%" }}
        rows={3}
        maxLength={2000}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

function Apply({ jobId }: { jobId: bigint }) {
  const t = useTranslations("jobs");
  const [pitch, setPitch] = useState("");
  const { run, status, refusal } = useEscrowAction();
  return (
    <section className="card">
      <NoteField id="apply-pitch" label={t("actions.apply.label")} value={pitch} onChange={setPitch} />
      <TxButton
        data-testid="apply"
        statusTestId="apply-status"
        status={status}
        disabled={pitch.trim().length < 3}
        onClick={() => void run(async (signer) => escrowCalls.apply(jobId, await uploadText(pitch, signer)))}
        confirmedNote={t("actions.apply.done")}
      >
        {t("actions.apply.button")}
      </TxButton>
      <RefusalNote refusal={refusal} />
    </section>
  );
}

function WithNote({ jobId, index, kind }: { jobId: bigint; index: number; kind: "submit" | "dispute" }) {
  const t = useTranslations("jobs");
  const [note, setNote] = useState("");
  const { run, status, refusal } = useEscrowAction();
  return (
    <section className="card">
      <NoteField
        id={`${kind}-note-${index}`}
        label={t(`actions.${kind}.label`, { milestone: index + 1 })}
        value={note}
        onChange={setNote}
      />
      <TxButton
        data-testid={`${kind}-${index}`}
        statusTestId={`${kind}-${index}-status`}
        status={status}
        disabled={note.trim().length < 3}
        onClick={() =>
          void run(async (signer) => {
            const cid = await uploadText(note, signer);
            return kind === "submit"
              ? escrowCalls.submit(jobId, index, cid)
              : escrowCalls.dispute(jobId, index, cid);
          })
        }
        confirmedNote={t(`actions.${kind}.done`)}
      >
        {t(`actions.${kind}.button`, { milestone: index + 1 })}
      </TxButton>
      <RefusalNote refusal={refusal} />
    </section>
  );
}

function Resolve({ jobId, index }: { jobId: bigint; index: number }) {
  const t = useTranslations("jobs");
  const [percent, setPercent] = useState("50");
  const [note, setNote] = useState("");
  const { run, status, refusal } = useEscrowAction();
  const value = Number(percent);
  const valid = Number.isInteger(value) && value >= 0 && value <= 100 && note.trim().length >= 3;
  return (
    <section className="card">
      <div className="form">
        <label htmlFor={`resolve-percent-${index}`}>
          {t("actions.resolve.percent", { milestone: index + 1 })}
        </label>
        <input
          id={`resolve-percent-${index}`}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          value={percent}
          onChange={(e) => setPercent(e.target.value)}
        />
      </div>
      <NoteField
        id={`resolve-note-${index}`}
        label={t("actions.resolve.label")}
        value={note}
        onChange={setNote}
      />
      <TxButton
        data-testid={`resolve-${index}`}
        statusTestId={`resolve-${index}-status`}
        status={status}
        disabled={!valid}
        onClick={() =>
          void run(async (signer) =>
            escrowCalls.resolve(jobId, index, value * 100, await uploadText(note, signer)),
          )
        }
        confirmedNote={t("actions.resolve.done")}
      >
        {t("actions.resolve.button", { percent: valid ? value : 0 })}
      </TxButton>
      <RefusalNote refusal={refusal} />
    </section>
  );
}

function Rate({ jobId }: { jobId: bigint }) {
  const t = useTranslations("jobs");
  const [score, setScore] = useState("5");
  const [note, setNote] = useState("");
  const { run, status, refusal } = useEscrowAction();
  return (
    <section className="card">
      <div className="form">
        <label htmlFor="rate-score">{t("actions.rate.score")}</label>
        <select id="rate-score" value={score} onChange={(e) => setScore(e.target.value)}>
          {[5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={n}>
              {t("actions.rate.stars", { count: n })}
            </option>
          ))}
        </select>
      </div>
      <NoteField id="rate-note" label={t("actions.rate.label")} value={note} onChange={setNote} />
      <TxButton
        data-testid="rate"
        statusTestId="rate-status"
        status={status}
        disabled={note.trim().length < 3}
        onClick={() =>
          void run(async (signer) => escrowCalls.rate(jobId, Number(score), await uploadText(note, signer)))
        }
        confirmedNote={t("actions.rate.done")}
      >
        {t("actions.rate.button")}
      </TxButton>
      <RefusalNote refusal={refusal} />
    </section>
  );
}

function uploadText(text: string, signer: UploadSigner) {
  return uploadContent({ text: text.trim() }, signer);
}
