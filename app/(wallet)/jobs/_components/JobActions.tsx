"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ReactNode } from "react";
import type { Address } from "viem";
import { useAccount, useBlock, useReadContract } from "wagmi";
import { TextArea } from "@/app/_components/ui";
import { sameAddress } from "@/app/_lib/format";
import { TxButton } from "@/app/_wallet/TxButton";
import type { UploadSigner } from "@/content/upload-request";
import { escrow, escrowCalls, uploadContent } from "../_lib/escrow";
import type { EscrowCall } from "../_lib/escrow";
import { useEscrowAction } from "../_lib/useEscrowAction";
import { RefusalNote } from "./RefusalNote";
import { useWholeNumber, WholeNumberInput } from "./WholeNumberInput";

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

type NoteKind = "apply" | "submit" | "dispute" | "resolve" | "rate";
type ActionKind = NoteKind | "assign" | "approve" | "release" | "refund" | "cancel";

interface ActionCardProps {
  /** Names its words in the catalog: `jobs.actions.<kind>.button`, `.done` (and `.label`, `.why`). */
  kind: ActionKind;
  /** The button's test id; its status line is `<testId>-status`. */
  testId: string;
  /** The values the catalog's words take. */
  values?: { milestone?: number; who?: string; percent?: number };
  disabled?: boolean;
  /** The call to simulate and send, once any text it carries is uploaded. */
  prepare: (signer: UploadSigner) => Promise<EscrowCall> | EscrowCall;
  /** The fields (and why) above the button. */
  children?: ReactNode;
}

/** One action on the job: its fields, its transaction button, and why the contract refused it. */
function ActionCard({ kind, testId, values = {}, disabled, prepare, children }: ActionCardProps) {
  const t = useTranslations("jobs");
  const { run, status, refusal } = useEscrowAction();
  return (
    <section className="card">
      {children}
      <TxButton
        data-testid={testId}
        statusTestId={`${testId}-status`}
        status={status}
        disabled={disabled}
        onClick={() => void run(prepare)}
        confirmedNote={t(`actions.${kind}.done`)}
      >
        {t(`actions.${kind}.button`, values)}
      </TxButton>
      <RefusalNote refusal={refusal} />
    </section>
  );
}

/**
 * An action that carries a note (a pitch, a deliverable, a reason, a comment): the note is
 * uploaded to IPFS when the button is pressed and the call takes its CID.
 */
function NoteActionCard({
  kind,
  valid = true,
  call,
  children,
  ...card
}: Omit<ActionCardProps, "prepare" | "disabled"> & {
  kind: NoteKind;
  /** Whether the other fields (in `children`) are valid. */
  valid?: boolean;
  call: (cid: string) => EscrowCall;
}) {
  const t = useTranslations("jobs");
  const [note, setNote] = useState("");
  const noteId = `${card.testId}-note`;
  return (
    <ActionCard
      {...card}
      kind={kind}
      disabled={!valid || note.trim().length < 3}
      prepare={async (signer) => call(await uploadContent({ text: note.trim() }, signer))}
    >
      {children}
      <div className="form">
        <TextArea
          id={noteId}
          label={t(`actions.${kind}.label`, card.values ?? {})}
          maxLength={2000}
          value={note}
          onChange={setNote}
        />
      </div>
    </ActionCard>
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
  const make = {
    approve: () => escrowCalls.approve(jobId, index),
    release: () => escrowCalls.releaseAfterReview(jobId, index),
    refund: () => escrowCalls.refundExpired(jobId),
    cancel: () => escrowCalls.cancel(jobId),
  }[kind];
  return (
    <ActionCard kind={kind} testId={`${kind}-${index}`} values={{ milestone: index + 1 }} prepare={make}>
      <p>{t(`actions.${kind}.why`, { milestone: index + 1 })}</p>
    </ActionCard>
  );
}

function Assign({ jobId, provider }: { jobId: bigint; provider: Address }) {
  return (
    <ActionCard
      kind="assign"
      testId={`assign-${provider}`}
      values={{ who: `${provider.slice(0, 6)}…${provider.slice(-4)}` }}
      prepare={() => escrowCalls.assign(jobId, provider)}
    />
  );
}

function Apply({ jobId }: { jobId: bigint }) {
  return <NoteActionCard kind="apply" testId="apply" call={(cid) => escrowCalls.apply(jobId, cid)} />;
}

function WithNote({ jobId, index, kind }: { jobId: bigint; index: number; kind: "submit" | "dispute" }) {
  const call = kind === "submit" ? escrowCalls.submit : escrowCalls.dispute;
  return (
    <NoteActionCard
      kind={kind}
      testId={`${kind}-${index}`}
      values={{ milestone: index + 1 }}
      call={(cid) => call(jobId, index, cid)}
    />
  );
}

function Resolve({ jobId, index }: { jobId: bigint; index: number }) {
  const t = useTranslations("jobs");
  const percent = useWholeNumber(50, 0, 100);
  return (
    <NoteActionCard
      kind="resolve"
      testId={`resolve-${index}`}
      values={{ percent: percent.value ?? 0 }}
      valid={percent.value !== null}
      call={(cid) => escrowCalls.resolve(jobId, index, (percent.value ?? 0) * 100, cid)}
    >
      <div className="form">
        <label htmlFor={`resolve-percent-${index}`}>
          {t("actions.resolve.percent", { milestone: index + 1 })}
        </label>
        <WholeNumberInput id={`resolve-percent-${index}`} field={percent} />
      </div>
    </NoteActionCard>
  );
}

function Rate({ jobId }: { jobId: bigint }) {
  const t = useTranslations("jobs");
  const [score, setScore] = useState("5");
  return (
    <NoteActionCard kind="rate" testId="rate" call={(cid) => escrowCalls.rate(jobId, Number(score), cid)}>
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
    </NoteActionCard>
  );
}
