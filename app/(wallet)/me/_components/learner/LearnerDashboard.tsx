"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Address } from "viem";
import { Card, DateTime, ListState, Loading, StatusBadge, VerifierLink } from "@/app/_components/ui";
import { rows } from "@/app/_lib/indexer-query";
import { useChainAccount } from "@/app/_wallet/useChainAccount";
import { useIndexerRead } from "@/app/_wallet/useIndexer";
import { useVouchers } from "@/app/(wallet)/learn/_lib/vouchers";
import { AmountFact } from "@/app/_components/Fact";
import { whenConnected } from "../whenConnected";

const LIMIT = 50;

function learnerParts(address: Address) {
  const holder = address.toLowerCase();
  return {
    credentials: rows(
      "credential",
      {
        id: "bigint",
        courseId: "bigint",
        score: true,
        issuedAt: "bigint",
        expiresAt: "bigint",
        revoked: true,
        revokedReason: true,
        burned: true,
      },
      { holder },
      ["issuedAt", "desc"],
      LIMIT,
    ),
  };
}

/** The learner's part of /me: AZR and votes from the chain, credentials, rewards waiting to be claimed. */
export const LearnerDashboard = whenConnected(function Learner({ address }: { address: Address }) {
  const t = useTranslations("me");
  const chain = useChainAccount(address);
  const indexed = useIndexerRead("learner", learnerParts(address));
  const vouchers = useVouchers(address);
  const credentials = indexed.data?.credentials.items ?? [];
  const now = BigInt(Math.floor(Date.now() / 1000));
  return (
    <>
      <Card title={t("learner.azrTitle")} id="learner-azr-title">
        {chain.balance === undefined ? (
          <Loading>{t("learner.loading")}</Loading>
        ) : (
          <dl className="course-facts">
            <AmountFact term={t("learner.balance")} value={chain.balance} testId="learner-balance" />
            <AmountFact term={t("learner.votes")} value={chain.votes ?? 0n} testId="learner-votes" />
          </dl>
        )}
        {chain.votes === 0n && (chain.balance ?? 0n) > 0n && <p>{t("learner.delegateNudge")}</p>}
      </Card>
      {vouchers.length > 0 && (
        <Card title={t("learner.pendingTitle")} id="learner-pending-title" data-testid="learner-pending">
          <ul>
            {vouchers.map((v) => (
              <li key={v.completion.courseId}>
                <Link href={`/learn/${v.completion.courseId}/quiz`}>
                  {t("learner.pendingClaim", { course: v.completion.courseId })}
                </Link>{" "}
                <span className="muted">
                  {t("learner.pendingUntil")} <DateTime seconds={BigInt(v.completion.deadline)} />
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card
        title={t("learner.credentialsTitle")}
        id="learner-credentials-title"
        data-testid="learner-credentials"
      >
        <ListState
          pending={indexed.isPending}
          loading={t("learner.loading")}
          count={credentials.length}
          empty={t("learner.noCredentials")}
          next={{ href: "/learn", label: t("learner.findCourse") }}
        >
          <ul>
            {credentials
              .filter((c) => !c.burned)
              .map((c) => {
                const expired = c.expiresAt !== 0n && c.expiresAt <= now;
                return (
                  <li key={c.id.toString()} data-testid={`learner-credential-${c.id}`}>
                    <VerifierLink href={`/credentials/${c.id}`}>
                      {t("learner.credential", { id: c.id.toString(), course: c.courseId.toString() })}
                    </VerifierLink>{" "}
                    {c.revoked ? (
                      <StatusBadge tone="bad">
                        {t("learner.revoked", { reason: c.revokedReason ?? "" })}
                      </StatusBadge>
                    ) : expired ? (
                      <StatusBadge tone="warn">{t("learner.expired")}</StatusBadge>
                    ) : (
                      <StatusBadge tone="ok">{t("learner.valid")}</StatusBadge>
                    )}{" "}
                    <Link href={`/learn/${c.courseId}`}>{t("learner.openCourse")}</Link>
                  </li>
                );
              })}
          </ul>
        </ListState>
      </Card>
    </>
  );
});
