"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { FormEvent, ReactNode } from "react";
import { parseUnits } from "viem";
import { useAccount, useConfig, useReadContract, useSignMessage, useSignTypedData } from "wagmi";
import { getBlock, simulateContract } from "wagmi/actions";
import { Amount, ErrorState } from "@/app/_components/ui";
import { isUserRejection } from "@/app/_lib/errors";
import { TxButton } from "@/app/_wallet/TxButton";
import { useTransaction } from "@/app/_wallet/useTransaction";
import { splitPayout } from "@/protocol/fee";
import { escrow, escrowCalls, jobPermit, revertName, token, uploadContent } from "../../_lib/escrow";
import type { EscrowCall } from "../../_lib/escrow";
import { RefusalNote } from "../../_components/RefusalNote";
import { useWholeNumber, WholeNumberInput } from "../../_components/WholeNumberInput";
import type { Refusal } from "../../_lib/useEscrowAction";

interface Milestone {
  title: string;
  amount: string;
}

const MAX_MILESTONES = 10;
const DAY = 86_400;

/** Parses "150" or "150.5" into AZR wei; null when not a positive amount. */
function parseAzr(value: string): bigint | null {
  if (!/^\d{1,12}(\.\d{1,18})?$/.test(value.trim())) return null;
  const amount = parseUnits(value.trim(), 18);
  return amount > 0n ? amount : null;
}

/** The form to post a job, its checks before anything is signed, and the two ways to fund it. */
export function PostJobForm() {
  const t = useTranslations("jobs");
  const locale = useLocale();
  const { address } = useAccount();
  const config = useConfig();
  const { signTypedDataAsync } = useSignTypedData();
  const { signMessageAsync } = useSignMessage();
  const post = useTransaction();
  const approve = useTransaction();
  const [title, setTitle] = useState("");
  const [summary, setSummary] = useState("");
  const [description, setDescription] = useState("");
  const [skills, setSkills] = useState("");
  const days = useWholeNumber(30, 1, 365);
  const [milestones, setMilestones] = useState<Milestone[]>([{ title: "", amount: "" }]);
  const [problems, setProblems] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<Refusal>(null);
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<"permit" | "approve">("permit");

  const balance = useReadContract({
    ...token,
    functionName: "balanceOf",
    args: address ? [address] : undefined,
    query: { enabled: Boolean(address) },
  });
  const nonce = useReadContract({
    ...token,
    functionName: "nonces",
    args: address ? [address] : undefined,
    query: { enabled: Boolean(address) },
  });
  const allowance = useReadContract({
    ...token,
    functionName: "allowance",
    args: address ? [address, escrow.address] : undefined,
    query: { enabled: Boolean(address) },
  });
  const jobCount = useReadContract({
    ...escrow,
    functionName: "jobCount",
    query: { enabled: post.status.state === "confirmed" },
  });

  const amounts = milestones.map((m) => parseAzr(m.amount));
  const total = amounts.reduce<bigint>((sum, a) => sum + (a ?? 0n), 0n);
  const { recipient, citadel } = splitPayout(total);

  function check(): string[] {
    const found: string[] = [];
    if (!address) found.push(t("new.check.wallet"));
    if (!title.trim() || title.length > 120) found.push(t("new.check.title"));
    if (!summary.trim() || summary.length > 500) found.push(t("new.check.summary"));
    if (!description.trim()) found.push(t("new.check.description"));
    if (milestones.some((m) => !m.title.trim())) found.push(t("new.check.milestoneTitle"));
    if (amounts.some((a) => a === null)) found.push(t("new.check.amount"));
    if (days.value === null) found.push(t("new.check.deadline"));
    if (balance.data !== undefined && total > balance.data) found.push(t("new.check.balance"));
    return found;
  }

  async function prepare(): Promise<{ cid: string; amounts: bigint[]; deadline: number } | null> {
    const found = check();
    setProblems(found);
    setRefusal(null);
    if (found.length > 0 || !address) return null;
    const block = await getBlock(config, { chainId: escrow.chainId });
    const deadline = Number(block.timestamp) + (days.value ?? 0) * DAY;
    const brief = {
      title: title.trim(),
      summary: summary.trim(),
      description: description.trim(),
      language: locale,
      skills: skills
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
        .slice(0, 12),
      milestones: milestones.map((m) => ({ title: m.title.trim(), description: m.title.trim() })),
    };
    try {
      const cid = await uploadContent(
        { json: brief, format: "job-brief" },
        { address, signMessage: (message) => signMessageAsync({ message }) },
      );
      return { cid, amounts: amounts as bigint[], deadline };
    } catch {
      setRefusal({ kind: "upload" });
      return null;
    }
  }

  async function simulate(request: EscrowCall): Promise<boolean> {
    if (!address) return false;
    try {
      await simulateContract(config, { ...request, account: address } as Parameters<
        typeof simulateContract
      >[1]);
      return true;
    } catch (error) {
      const name = revertName(error);
      if (name) {
        setRefusal({ kind: "contract", name });
        return false;
      }
      return true;
    }
  }

  async function postWithPermit() {
    if (!address) return;
    setBusy(true);
    try {
      const ready = await prepare();
      if (!ready) return;
      const permitDeadline = BigInt(ready.deadline);
      let signature: `0x${string}`;
      try {
        signature = await signTypedDataAsync(jobPermit(address, total, nonce.data ?? 0n, permitDeadline));
      } catch (error) {
        if (!isUserRejection(error)) setMode("approve");
        setProblems([t(isUserRejection(error) ? "new.check.signRejected" : "new.check.noPermit")]);
        return;
      }
      const request = escrowCalls.postWithPermit(
        ready.cid,
        ready.amounts,
        ready.deadline,
        permitDeadline,
        signature,
      );
      if (await simulate(request)) post.writeContract(request as Parameters<typeof post.writeContract>[0]);
    } finally {
      setBusy(false);
    }
  }

  async function approveThenPost() {
    if (!address) return;
    setBusy(true);
    try {
      if ((allowance.data ?? 0n) < total) {
        if (check().length > 0) {
          setProblems(check());
          return;
        }
        approve.writeContract({
          ...token,
          functionName: "approve",
          args: [escrow.address, total],
        });
        return;
      }
      const ready = await prepare();
      if (!ready) return;
      const request = escrowCalls.post(ready.cid, ready.amounts, ready.deadline);
      if (await simulate(request)) post.writeContract(request as Parameters<typeof post.writeContract>[0]);
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void (mode === "permit" ? postWithPermit() : approveThenPost());
  }

  const setMilestone = (i: number, patch: Partial<Milestone>) =>
    setMilestones((all) => all.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const needsApproval = (allowance.data ?? 0n) < total;

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="post-job">
      <Field id="job-title" label={t("new.fields.title")}>
        <input id="job-title" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field id="job-summary" label={t("new.fields.summary")}>
        <input
          id="job-summary"
          value={summary}
          maxLength={500}
          onChange={(e) => setSummary(e.target.value)}
        />
      </Field>
      <Field id="job-description" label={t("new.fields.description")}>
        <textarea
          id="job-description"
          rows={5}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </Field>
      <Field id="job-skills" label={t("new.fields.skills")}>
        <input id="job-skills" value={skills} onChange={(e) => setSkills(e.target.value)} />
      </Field>
      <Field id="job-days" label={t("new.fields.days")}>
        <WholeNumberInput id="job-days" field={days} />
      </Field>
      <fieldset>
        <legend>{t("new.fields.milestones")}</legend>
        {milestones.map((m, i) => (
          <div key={i} className="form-row">
            <label htmlFor={`ms-title-${i}`} className="visually-hidden">
              {t("new.fields.milestoneTitle", { n: i + 1 })}
            </label>
            <input
              id={`ms-title-${i}`}
              placeholder={t("new.fields.milestoneTitle", { n: i + 1 })}
              value={m.title}
              onChange={(e) => setMilestone(i, { title: e.target.value })}
            />
            <label htmlFor={`ms-amount-${i}`} className="visually-hidden">
              {t("new.fields.milestoneAmount", { n: i + 1 })}
            </label>
            <input
              id={`ms-amount-${i}`}
              inputMode="decimal"
              placeholder={t("new.fields.milestoneAmount", { n: i + 1 })}
              value={m.amount}
              onChange={(e) => setMilestone(i, { amount: e.target.value })}
            />
            {milestones.length > 1 && (
              <button type="button" onClick={() => setMilestones((all) => all.filter((_, j) => j !== i))}>
                {t("new.remove", { n: i + 1 })}
              </button>
            )}
          </div>
        ))}
        {milestones.length < MAX_MILESTONES && (
          <button type="button" onClick={() => setMilestones((all) => [...all, { title: "", amount: "" }])}>
            {t("new.add")}
          </button>
        )}
      </fieldset>
      <p data-testid="post-total">
        {t("new.total")} <Amount value={total} />. {t("new.split")} <Amount value={recipient} /> +{" "}
        <Amount value={citadel} />.
      </p>
      {balance.data !== undefined && (
        <p className="muted">
          {t("new.balance")} <Amount value={balance.data} />
        </p>
      )}
      {problems.length > 0 && (
        <div role="alert" data-testid="post-problems">
          <ErrorState
            title={t("new.check.title_")}
            next={
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        </div>
      )}
      <RefusalNote refusal={refusal} />
      {mode === "permit" ? (
        <TxButton
          data-testid="post"
          statusTestId="post-status"
          status={busy ? { state: "pending", waitingFor: "wallet" } : post.status}
          onClick={() => void postWithPermit()}
          confirmedNote={t("new.done")}
        >
          {t("new.postPermit")}
        </TxButton>
      ) : (
        <>
          <p>{t("new.approveWhy")}</p>
          <TxButton
            data-testid="approve-azr"
            statusTestId="approve-status"
            status={approve.status}
            disabled={!needsApproval}
            onClick={() => void approveThenPost()}
          >
            {t("new.approve")}
          </TxButton>
          <TxButton
            data-testid="post"
            statusTestId="post-status"
            status={busy ? { state: "pending", waitingFor: "wallet" } : post.status}
            disabled={needsApproval}
            onClick={() => void approveThenPost()}
            confirmedNote={t("new.done")}
          >
            {t("new.post")}
          </TxButton>
        </>
      )}
      {mode === "permit" && (
        <p>
          <button type="button" className="link-button" onClick={() => setMode("approve")}>
            {t("new.useApprove")}
          </button>
        </p>
      )}
      {post.status.state === "confirmed" && jobCount.data !== undefined && (
        <p>
          <Link href={`/jobs/${jobCount.data}`} data-testid="new-job-link">
            {t("new.see", { id: jobCount.data.toString() })}
          </Link>
        </p>
      )}
    </form>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div style={{ marginBottom: "0.75rem" }}>
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
