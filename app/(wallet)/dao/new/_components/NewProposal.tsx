"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Address } from "viem";
import { useAccount, useConfig, useReadContract, useSignMessage } from "wagmi";
// One action, not usePublicClient(): that client carries every public action (ENS, fee
// estimation, simulateBlocks…), some 40 kB gzipped for one simulation.
import { simulateContract } from "wagmi/actions";
import { manifest } from "@/deployments/index";
import { contractOf } from "@/protocol/manifest";
import { formatProposalDescription, proposalOf, proposeArgs } from "@/protocol/proposals";
import type { Proposal } from "@/protocol/proposals";
import { signedUpload } from "@/content/upload-request";
import { Amount, Card, TextArea } from "@/app/_components/ui";
import { TxButton } from "@/app/_wallet/TxButton";
import { useTransaction } from "@/app/_wallet/useTransaction";
import { WalletButton } from "@/app/_wallet/WalletButton";
import { daoErrorOf } from "@/app/(public)/dao/_lib/errors";
import type { DaoError } from "@/app/(public)/dao/_lib/errors";
import { CallWords } from "@/app/(public)/dao/_components/CallWords";
import { FIELDS, FieldError, TEMPLATES, callsOf } from "./templates";
import type { Field, Template } from "./templates";

const governor = contractOf(manifest, "AzoraGovernor");
const token = contractOf(manifest, "AzoraToken");
const pok = contractOf(manifest, "ProofOfKnowledge");

/** Propose from a template: threshold first, then the text to IPFS, then `propose`. */
export function NewProposal() {
  const t = useTranslations("dao");
  const { address } = useAccount();
  if (!address)
    return (
      <Card title={t("new.connectTitle")} id="new-connect-title">
        <p>{t("new.connectWhy")}</p>
        <div className="actions">
          <WalletButton />
        </div>
      </Card>
    );
  return <ProposalForm account={address} />;
}

function ProposalForm({ account }: { account: Address }) {
  const t = useTranslations("dao");
  const [template, setTemplate] = useState<Template>("grant");
  const [values, setValues] = useState<Record<string, string>>({});
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [upload, setUpload] = useState<"idle" | "signing" | "uploading" | "failed">("idle");
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [refusal, setRefusal] = useState<DaoError | "unknown" | null>(null);
  const threshold = useReadContract({
    ...governor,
    chainId: manifest.chainId,
    functionName: "proposalThreshold",
  });
  const votes = useReadContract({
    ...token,
    chainId: manifest.chainId,
    functionName: "getVotes",
    args: [account],
  });
  const courseId = /^[0-9]{1,19}$/.test(values.courseId ?? "") ? BigInt(values.courseId ?? "0") : 0n;
  const course = useReadContract({
    ...pok,
    chainId: manifest.chainId,
    functionName: "course",
    args: [courseId],
    query: { enabled: template === "updateReward" && courseId > 0n },
  });
  const { signMessageAsync } = useSignMessage();
  const config = useConfig();
  const tx = useTransaction();

  let calls: ReturnType<typeof callsOf> | null = null;
  let badField: Field | null = null;
  try {
    calls = callsOf(template, values, course.data);
  } catch (error) {
    if (error instanceof FieldError) badField = error.field;
    else throw error;
  }
  const lacking =
    threshold.data !== undefined && votes.data !== undefined && votes.data < threshold.data
      ? threshold.data - votes.data
      : 0n;
  const titleOk = title.trim() !== "" && title.trim().length <= 120;
  const ready =
    calls !== null && titleOk && body.trim() !== "" && lacking === 0n && threshold.data !== undefined;

  async function submit() {
    if (!calls) return;
    setRefusal(null);
    setUpload("signing");
    let cid: string;
    try {
      const request = await signedUpload(
        {
          bytes: new TextEncoder().encode(JSON.stringify({ title: title.trim(), body })),
          type: "application/json",
        },
        { address: account, signMessage: (message) => signMessageAsync({ message }) },
      );
      setUpload("uploading");
      const response = await fetch("/api/content?format=proposal", { method: "POST", ...request });
      if (!response.ok) throw new Error(String(response.status));
      cid = ((await response.json()) as { cid: string }).cid;
    } catch {
      setUpload("failed");
      return;
    }
    setUpload("idle");
    const next = proposalOf(calls, formatProposalDescription({ title: title.trim(), cid }));
    try {
      await simulateContract(config, {
        ...governor,
        chainId: manifest.chainId,
        functionName: "propose",
        args: proposeArgs(next),
        account,
      });
    } catch (error) {
      setRefusal(daoErrorOf(error));
      return;
    }
    setProposal(next);
    tx.writeContract({
      ...governor,
      functionName: "propose",
      args: proposeArgs(next),
      chainId: manifest.chainId,
    });
  }

  return (
    <>
      <Card title={t("new.thresholdTitle")} id="threshold-title">
        <p data-testid="threshold">
          {t("new.threshold")} {threshold.data !== undefined && <Amount value={threshold.data} />}.{" "}
          {t("new.yourVotes")} {votes.data !== undefined && <Amount value={votes.data} />}.
        </p>
        {lacking > 0n && (
          <p role="alert" className="error-text" data-testid="threshold-lacking">
            {t("new.lacking")} <Amount value={lacking} />. {t("new.lackingNext")}
          </p>
        )}
      </Card>
      <Card title={t("new.whatTitle")} id="what-title">
        <form className="vote-form" onSubmit={(event) => event.preventDefault()}>
          <label htmlFor="template">{t("new.template")}</label>
          <select
            id="template"
            data-testid="template"
            value={template}
            onChange={(event) => {
              setTemplate(event.target.value as Template);
              setValues({});
            }}
          >
            {TEMPLATES.map((name) => (
              <option key={name} value={name}>
                {t(`new.templates.${name}`)}
              </option>
            ))}
          </select>
          {FIELDS[template].map((field) => (
            <div key={field}>
              <label htmlFor={`field-${field}`}>{t(`new.field.${field}`)}</label>
              <input
                id={`field-${field}`}
                data-testid={`field-${field}`}
                value={values[field] ?? ""}
                onChange={(event) => setValues({ ...values, [field]: event.target.value })}
                aria-invalid={badField === field && (values[field] ?? "") !== ""}
                spellCheck={false}
                autoComplete="off"
              />
            </div>
          ))}
          {badField && (values[badField] ?? "") !== "" && (
            <p className="error-text">{t(`new.bad.${badField}`)}</p>
          )}
          <label htmlFor="proposal-title">{t("new.titleField")}</label>
          <input
            id="proposal-title"
            data-testid="proposal-title"
            maxLength={120}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
          <TextArea
            id="proposal-body"
            label={t("new.bodyField")}
            data-testid="proposal-body"
            rows={6}
            maxLength={50_000}
            value={body}
            onChange={setBody}
          />
        </form>
      </Card>
      <Card title={t("new.previewTitle")} id="preview-title">
        {calls ? (
          <ol className="proposal-calls" data-testid="preview">
            {calls.map((call, index) => (
              <li key={index}>
                <CallWords
                  target={call.target}
                  calldata={proposalOf([call], "x").calldatas[0] ?? "0x"}
                  link={false}
                />
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("new.previewEmpty")}</p>
        )}
        <p className="muted">{t("new.uploadWhy")}</p>
        <TxButton
          data-testid="propose"
          statusTestId="propose-status"
          status={tx.status}
          disabled={!ready || upload === "signing" || upload === "uploading"}
          onClick={() => void submit()}
        >
          {t("new.propose")}
        </TxButton>
        <p role="status">
          {upload === "signing"
            ? t("new.uploadSigning")
            : upload === "uploading"
              ? t("new.uploading")
              : upload === "failed"
                ? t("new.uploadFailed")
                : ""}
        </p>
        {refusal && (
          <p role="alert" className="error-text">
            {t(`errors.${refusal}`)} {t(`errors.${refusal}Next`)}
          </p>
        )}
        {tx.status.state === "confirmed" && proposal && (
          <p>
            <Link href={`/dao/${proposal.id.toString()}`} data-testid="new-proposal-link">
              {t("new.see")}
            </Link>
          </p>
        )}
      </Card>
    </>
  );
}
