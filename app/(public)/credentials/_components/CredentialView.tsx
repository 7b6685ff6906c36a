import { useLocale, useTranslations } from "next-intl";
import { chainName } from "@/protocol/chain";
import { Fact } from "@/app/_components/Fact";
import { ReadFailure } from "@/app/_components/ReadFailure";
import {
  Address,
  Card,
  DateTime,
  ErrorState,
  PageHeader,
  StatusBadge,
  VerifierLink,
} from "@/app/_components/ui";
import type { ChainCredential } from "../_lib/credential-chain";
import type { CredentialPageView } from "../_lib/credential-page";
import { languageName } from "@/app/(public)/learn/_lib/score";
import { VERDICT_TONE } from "./verdict";

/**
 * A credential's public page (pages/credentials/[id].tsx renders it with no client JavaScript):
 * the verdict read from the chain, then the facts, how to check, how to share. Or why there is no
 * verdict: a malformed id (400), no such credential (404), the chain not answering (503).
 */
export function CredentialView({ view }: { view: CredentialPageView }) {
  const t = useTranslations("credentials");
  switch (view.kind) {
    case "invalid":
      return (
        <>
          <PageHeader title={t("invalid.title")} />
          <ErrorState title={t("invalid.what", { id: view.value })} next={<VerifyAnother />} />
        </>
      );
    case "down":
      return (
        <>
          <PageHeader title={t("down.title")} lead={t("down.lead")} />
          <ReadFailure source="chain" kind={view.failure} />
        </>
      );
    case "none":
      return (
        <>
          <PageHeader title={t("notFound.title")} lead={t("lead.none")} />
          <span data-testid="verdict" data-verdict="none" hidden />
          <ErrorState title={t("notFound.what")} next={<VerifyAnother />} />
        </>
      );
    case "found":
      return <Found {...view} />;
  }
}

function VerifyAnother() {
  const t = useTranslations("credentials");
  return (
    <p>
      <VerifierLink href="/verify">{t("invalid.next")}</VerifierLink>
    </p>
  );
}

/** The title of the page in the browser's tab. */
export function credentialTitle(
  view: CredentialPageView,
  t: ReturnType<typeof useTranslations<"credentials">>,
) {
  switch (view.kind) {
    case "invalid":
      return t("invalid.title");
    case "down":
      return t("down.title");
    case "none":
      return t("notFound.title");
    case "found":
      return t("title", { id: view.credential.id.toString() });
  }
}

function Found({
  credential,
  course,
  indexer,
  url,
  qr,
  call,
}: Extract<CredentialPageView, { kind: "found" }>) {
  const t = useTranslations("credentials");
  const locale = useLocale();
  const percent = (bps: number) =>
    new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(bps / 10_000);
  const id = credential.id;
  const record = credential.record;
  const courseName = course ? course.title : t("facts.courseNumber", { id: credential.courseId.toString() });
  return (
    <div className="credential-page">
      <PageHeader
        title={courseName}
        lead={<VerdictSentence credential={credential} />}
        status={
          <span data-testid="verdict" data-verdict={credential.verdict}>
            <StatusBadge tone={VERDICT_TONE[credential.verdict]}>
              {t(`verdict.${credential.verdict}`)}
            </StatusBadge>
          </span>
        }
      />
      <Card title={t("facts.title")} id="facts-title">
        <dl className="facts">
          <Fact term={t("facts.holder")}>
            <Address address={credential.holder} />
          </Fact>
          <Fact term={t("facts.course")}>
            {courseName}
            {course && (
              <span className="fact-note">
                {t("facts.language", { language: languageName(course.language, locale) })}
              </span>
            )}
          </Fact>
          {record && (
            <>
              <Fact term={t("facts.score")} testId="score">
                {credential.course
                  ? t("facts.scoreOf", {
                      score: percent(record.score),
                      pass: percent(credential.course.minScore),
                    })
                  : percent(record.score)}
              </Fact>
              <Fact term={t("facts.issued")}>
                <DateTime seconds={record.issuedAt} />
              </Fact>
              <Fact term={t("facts.expires")}>
                {record.expiresAt === 0n ? t("facts.never") : <DateTime seconds={record.expiresAt} />}
              </Fact>
              <Fact term={t("facts.verifier")}>
                <Address address={record.issuer} />
              </Fact>
            </>
          )}
          <Fact term={t("facts.soulbound")}>{t("facts.soulboundValue")}</Fact>
          <Fact term={t("facts.chain")}>
            {chainName(credential.chainId)}
            <span className="fact-note">{t("facts.chainId", { id: credential.chainId })}</span>
          </Fact>
          <Fact term={t("facts.contract")}>
            <Address address={credential.contract} />
          </Fact>
          <Fact term={t("facts.tokenId")}>
            <code className="break">{id.toString()}</code>
          </Fact>
        </dl>
        <p className="muted" data-testid="indexer-view" data-view={indexer}>
          {t(`indexer.${indexer}`, { block: credential.blockNumber.toString() })}
        </p>
      </Card>
      <Card title={t("check.title")} id="check-title" description={t("check.lead")}>
        <dl className="facts" data-testid="check-call">
          <Fact term={t("check.chainId")}>
            <code>{call.chainId}</code>
          </Fact>
          <Fact term={t("check.contract")}>
            <code className="break">{call.contract}</code>
          </Fact>
          <Fact term={t("check.function")}>
            <code>{call.signature}</code>
          </Fact>
          <Fact term={t("check.argument")}>
            <code className="break">{id.toString()}</code>
          </Fact>
        </dl>
        <p>{t("check.answer", { answer: String(credential.isValid) })}</p>
        <pre className="code-block">
          <code>{`cast call ${call.contract} "${call.signature}" ${id} --rpc-url <RPC>`}</code>
        </pre>
      </Card>
      <Card title={t("share.title")} id="share-title">
        <p>
          <label htmlFor="share-link" className="share-label">
            {t("share.link")}
          </label>
          <input id="share-link" className="share-link" readOnly value={url} data-testid="share-link" />
        </p>
        <figure className="credential-qr">
          <div role="img" aria-label={t("share.qr")} dangerouslySetInnerHTML={{ __html: qr }} />
        </figure>
        <ul className="no-print">
          <li>
            <a href={`/credentials/${id}/ob3.json`} data-testid="ob3-link">
              {t("share.ob3")}
            </a>
          </li>
          <li>{t("share.print")}</li>
          <li>
            <VerifierLink href="/verify">{t("share.verifyAnother")}</VerifierLink>
          </li>
        </ul>
      </Card>
    </div>
  );
}

function VerdictSentence({ credential }: { credential: ChainCredential }) {
  const t = useTranslations("credentials");
  switch (credential.verdict) {
    case "valid":
      return t("lead.valid");
    case "revoked":
      return credential.revocation ? (
        <>
          {t.rich("lead.revoked", { date: () => <DateTime seconds={credential.revocation?.at ?? 0n} /> })}{" "}
          <q data-testid="revocation-reason">{credential.revocation.reason}</q>
        </>
      ) : (
        t("lead.revokedNoReason")
      );
    case "expired":
      return t.rich("lead.expired", {
        date: () => <DateTime seconds={credential.record?.expiresAt ?? 0n} />,
      });
    case "burned":
      return t.rich("lead.burned", { date: () => <DateTime seconds={credential.burnedAt ?? 0n} /> });
    default:
      return t("lead.none");
  }
}
