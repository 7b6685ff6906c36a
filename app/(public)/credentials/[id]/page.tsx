import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { chainName } from "@/protocol/chain";
import { ReadFailure } from "@/app/_components/ReadFailure";
import {
  Address,
  Card,
  CopyButton,
  DateTime,
  ErrorState,
  PageHeader,
  StatusBadge,
} from "@/app/_components/ui";
import { VERDICT_TONE } from "../_components/verdict";
import { credentialUrl, qrSvg } from "../_components/share";
import { checkCall, parseCredentialId, readCredential } from "../_lib/credential-chain";
import type { ChainCredential } from "../_lib/credential-chain";
import { indexerView, readCourseInfo } from "../_lib/credential-extras";
import "./credential.css";

interface CredentialPageProps {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: CredentialPageProps): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations("credentials");
  return { title: t("title", { id: parseCredentialId(id) === null ? "?" : id }), robots: { index: false } };
}

/** A credential's public page: the verdict read from the chain, then the facts, how to check, how to share. */
export default async function CredentialPage({ params }: CredentialPageProps) {
  const { id: param } = await params;
  const t = await getTranslations("credentials");
  const id = parseCredentialId(param);
  if (id === null) return <NotAnId value={decodeURIComponent(param)} />;
  const chain = await readCredential(id);
  if (!chain.ok) {
    return (
      <>
        <PageHeader title={t("down.title")} lead={t("down.lead")} />
        <ReadFailure source="chain" kind={chain.kind} />
      </>
    );
  }
  const credential = chain.data;
  if (credential.verdict === "none") notFound();
  const [course, indexer, url] = await Promise.all([
    readCourseInfo(credential.course?.contentCid),
    indexerView(credential),
    credentialUrl(id),
  ]);
  const qr = await qrSvg(url);
  const locale = await getLocale();
  const percent = (bps: number) =>
    new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(bps / 10_000);
  const call = checkCall(id);
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
          <div>
            <dt>{t("facts.holder")}</dt>
            <dd>
              <Address address={credential.holder} />
            </dd>
          </div>
          <div>
            <dt>{t("facts.course")}</dt>
            <dd>
              {courseName}
              {course && (
                <span className="fact-note">{t("facts.language", { language: course.language })}</span>
              )}
            </dd>
          </div>
          {record && (
            <div>
              <dt>{t("facts.score")}</dt>
              <dd data-testid="score">
                {credential.course
                  ? t("facts.scoreOf", {
                      score: percent(record.score),
                      pass: percent(credential.course.minScore),
                    })
                  : percent(record.score)}
              </dd>
            </div>
          )}
          {record && (
            <div>
              <dt>{t("facts.issued")}</dt>
              <dd>
                <DateTime seconds={record.issuedAt} />
              </dd>
            </div>
          )}
          {record && (
            <div>
              <dt>{t("facts.expires")}</dt>
              <dd>{record.expiresAt === 0n ? t("facts.never") : <DateTime seconds={record.expiresAt} />}</dd>
            </div>
          )}
          {record && (
            <div>
              <dt>{t("facts.verifier")}</dt>
              <dd>
                <Address address={record.issuer} />
              </dd>
            </div>
          )}
          <div>
            <dt>{t("facts.soulbound")}</dt>
            <dd>{t("facts.soulboundValue")}</dd>
          </div>
          <div>
            <dt>{t("facts.chain")}</dt>
            <dd>
              {chainName(credential.chainId)}
              <span className="fact-note">{t("facts.chainId", { id: credential.chainId })}</span>
            </dd>
          </div>
          <div>
            <dt>{t("facts.contract")}</dt>
            <dd>
              <Address address={credential.contract} />
            </dd>
          </div>
          <div>
            <dt>{t("facts.tokenId")}</dt>
            <dd>
              <code className="break">{id.toString()}</code>
            </dd>
          </div>
        </dl>
        <p className="muted" data-testid="indexer-view" data-view={indexer}>
          {t(`indexer.${indexer}`, { block: credential.blockNumber.toString() })}
        </p>
      </Card>
      <Card title={t("check.title")} id="check-title" description={t("check.lead")}>
        <dl className="facts" data-testid="check-call">
          <div>
            <dt>{t("check.chainId")}</dt>
            <dd>
              <code>{call.chainId}</code>
            </dd>
          </div>
          <div>
            <dt>{t("check.contract")}</dt>
            <dd>
              <code className="break">{call.contract}</code>
            </dd>
          </div>
          <div>
            <dt>{t("check.function")}</dt>
            <dd>
              <code>{call.signature}</code>
            </dd>
          </div>
          <div>
            <dt>{t("check.argument")}</dt>
            <dd>
              <code className="break">{id.toString()}</code>
            </dd>
          </div>
        </dl>
        <p>{t("check.answer", { answer: String(credential.isValid) })}</p>
        <pre className="code-block">
          <code>{`cast call ${call.contract} "${call.signature}" ${id} --rpc-url <RPC>`}</code>
        </pre>
      </Card>
      <Card title={t("share.title")} id="share-title">
        <p>
          <code className="break" data-testid="share-link">
            {url}
          </code>{" "}
          <span className="no-print">
            <CopyButton value={url} label={t("share.copy")} copiedLabel={t("share.copied")} />
          </span>
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
            <Link href="/verify">{t("share.verifyAnother")}</Link>
          </li>
        </ul>
      </Card>
    </div>
  );
}

async function VerdictSentence({ credential }: { credential: ChainCredential }) {
  const t = await getTranslations("credentials");
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

async function NotAnId({ value }: { value: string }) {
  const t = await getTranslations("credentials");
  return (
    <>
      <PageHeader title={t("invalid.title")} />
      <ErrorState
        title={t("invalid.what", { id: value.slice(0, 100) })}
        next={
          <p>
            <Link href="/verify">{t("invalid.next")}</Link>
          </p>
        }
      />
    </>
  );
}
