"use client";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { Hex } from "viem";
import { useAccount, usePublicClient, useReadContract } from "wagmi";
import { manifest } from "@/deployments/index";
import { contractOf } from "@/protocol/manifest";
import { Card, ErrorState, Loading, VerifierLink } from "@/app/_components/ui";
import { formatAzr } from "@/app/_lib/format";
import { TxButton } from "@/app/_wallet/TxButton";
import { useTransaction } from "@/app/_wallet/useTransaction";
import { CLAIM_ERROR_ABI, claimFailureOf } from "../../../_lib/claim-errors";
import type { ClaimFailure } from "../../../_lib/claim-errors";
import { dropVoucher } from "../../../_lib/vouchers";
import type { StoredVoucher } from "../../../_lib/vouchers";

const proofOfKnowledge = contractOf(manifest, "ProofOfKnowledge");
const credential = contractOf(manifest, "AzoraCredential");
const withErrors = [...proofOfKnowledge.abi, ...CLAIM_ERROR_ABI];

interface ClaimProps {
  voucher: StoredVoucher;
  learnerShare: bigint;
  citadelShare: bigint;
}

/**
 * The claim of a passed quiz: free first (the relayer pays the gas), the learner's own wallet
 * second. Each failure is decoded from the contract's custom error into a sentence and a next step.
 */
export function Claim({ voucher, learnerShare, citadelShare }: ClaimProps) {
  const t = useTranslations("learn");
  const format = useFormatter();
  const locale = useLocale();
  const { chainId } = useAccount();
  const publicClient = usePublicClient({ chainId: manifest.chainId });
  const { writeContract, status } = useTransaction();
  const [relaying, setRelaying] = useState(false);
  const [failure, setFailure] = useState<ClaimFailure | null>(null);
  const [done, setDone] = useState(false);

  const { learner, courseId, score, deadline } = voucher.completion;
  const completion = { learner, courseId: BigInt(courseId), score, deadline: BigInt(deadline) };
  const args = [completion, voucher.signature as Hex] as const;
  const when = (seconds: bigint | number) =>
    format.dateTime(new Date(Number(seconds) * 1000), { dateStyle: "medium", timeStyle: "short" });

  const held = useReadContract({
    ...credential,
    chainId: manifest.chainId,
    functionName: "credentialOf",
    args: [learner, completion.courseId],
    query: { enabled: done },
  });

  /** Why `claim` would fail now, asked of the chain (a call: no gas, no signature). */
  async function diagnose(): Promise<ClaimFailure> {
    if (!publicClient) return { kind: "other" };
    try {
      await publicClient.simulateContract({
        address: proofOfKnowledge.address,
        abi: withErrors,
        functionName: "claim",
        args,
        account: learner,
      });
      return { kind: "other" };
    } catch (error) {
      return claimFailureOf(error);
    }
  }

  function succeeded() {
    setDone(true);
    dropVoucher(learner, courseId);
  }

  async function claimFree() {
    setRelaying(true);
    setFailure(null);
    try {
      const response = await fetch("/api/relay/claim", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ completion: voucher.completion, signature: voucher.signature }),
      });
      if (response.ok) return succeeded();
      const diagnosed = await diagnose();
      // Nothing wrong with the claim itself: the relayer is out of budget or unavailable.
      setFailure(diagnosed.kind === "other" ? { kind: "relayer" } : diagnosed);
    } catch {
      setFailure({ kind: "relayer" });
    } finally {
      setRelaying(false);
    }
  }

  async function claimWithWallet() {
    setFailure(null);
    if (chainId !== manifest.chainId) return setFailure({ kind: "wrongNetwork" });
    const diagnosed = await diagnose();
    if (diagnosed.kind !== "other") return setFailure(diagnosed);
    writeContract({ ...proofOfKnowledge, chainId: manifest.chainId, functionName: "claim", args });
  }

  useEffect(() => {
    if (status.state === "confirmed") succeeded();
    if (status.state === "failed" && status.reason.kind === "rejected") setFailure({ kind: "rejected" });
    // React to the transaction's state only.
  }, [status.state]);

  if (done) {
    const id = held.data;
    return (
      <Card title={t("claim.title")} id="claim-title" data-testid="claim-done">
        <p role="status" className="lead">
          {t("claim.done", { learner: formatAzr(learnerShare, locale) })}
        </p>
        {id !== undefined && id > 0n ? (
          <p>
            <VerifierLink href={`/credentials/${id}`} data-testid="credential-link">
              {t("claim.credentialLink")}
            </VerifierLink>
          </p>
        ) : (
          <Loading>{t("claim.sending")}</Loading>
        )}
        <p>{t("claim.delegate")}</p>
        <p>
          <Link href="/me" data-testid="to-me">
            {t("claim.toMe")}
          </Link>
        </p>
      </Card>
    );
  }

  return (
    <Card title={t("claim.title")} id="claim-title" data-testid="claim">
      <p>
        {t("claim.lead", {
          learner: formatAzr(learnerShare, locale),
          citadel: formatAzr(citadelShare, locale),
        })}
      </p>
      <p className="muted">{t("claim.deadline", { time: when(completion.deadline) })}</p>
      <div className="tx">
        <button
          type="button"
          onClick={() => void claimFree()}
          disabled={relaying}
          aria-busy={relaying}
          data-testid="claim-free"
        >
          {t("claim.free")}
        </button>
        <p className="muted">{t("claim.freeNote")}</p>
        {relaying && <Loading>{t("claim.sending")}</Loading>}
      </div>
      {failure && <ClaimFailureState failure={failure} deadline={completion.deadline} when={when} />}
      <TxButton onClick={() => void claimWithWallet()} status={status} data-testid="claim-wallet">
        {t("claim.wallet")}
      </TxButton>
      <p className="muted">{t("claim.walletNote")}</p>
      <p className="muted">{t("claim.kept")}</p>
    </Card>
  );
}

/** What to do after a failure whose next step takes no values (`learn.claim.error.<step>`). */
const NEXT_STEP: Partial<
  Record<ClaimFailure["kind"], "expiredNext" | "relayerNext" | "wrongNetworkNext" | "nextNothing">
> = {
  expired: "expiredNext",
  relayer: "relayerNext",
  wrongNetwork: "wrongNetworkNext",
  // Nothing to retry: the reward is paid, or the course or its verifier is off.
  claimed: "nextNothing",
  inactive: "nextNothing",
  verifierDisabled: "nextNothing",
};

function ClaimFailureState({
  failure,
  deadline,
  when,
}: {
  failure: ClaimFailure;
  deadline: bigint;
  when: (s: bigint) => string;
}) {
  const t = useTranslations("learn");
  const next =
    failure.kind === "budget"
      ? t("claim.error.budgetNext", { time: when(failure.nextEpochAt), deadline: when(deadline) })
      : failure.kind === "paused"
        ? t("claim.error.pausedNext", { deadline: when(deadline) })
        : t(`claim.error.${NEXT_STEP[failure.kind] ?? "nextLater"}`);
  return (
    <div data-testid={`claim-error-${failure.kind}`}>
      <ErrorState live title={t(`claim.error.${failure.kind}`)} next={<p>{next}</p>} />
    </div>
  );
}
