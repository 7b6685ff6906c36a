import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getAddress, isAddress } from "viem";
import type { Address as Hex } from "viem";
import { ReadFailure } from "@/app/_components/ReadFailure";
import { Address, Card, EmptyState, ErrorState, PageHeader, StatusBadge } from "@/app/_components/ui";
import { VERDICT_TONE } from "../credentials/_components/verdict";
import { readHeldCredentials } from "../credentials/_lib/credential-chain";
import { readCourseInfo } from "../credentials/_lib/credential-extras";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verify"))("title") };
}

interface VerifyPageProps {
  searchParams: Promise<{ q?: string | string[] }>;
}

type Target = { kind: "credential"; path: string } | { kind: "address"; address: Hex } | null;

/** A credential id, a credential link (…/credentials/<id>) or an address, as pasted. */
function target(query: string): Target {
  const value = query.trim();
  const link = /\/credentials\/([0-9]{1,78})\/?(?:[?#].*)?$/.exec(value);
  if (link) return { kind: "credential", path: `/credentials/${link[1]}` };
  if (/^[0-9]{1,78}$/.test(value)) return { kind: "credential", path: `/credentials/${value}` };
  if (isAddress(value, { strict: false }))
    return { kind: "address", address: getAddress(value.toLowerCase()) };
  return null;
}

/** Check a credential: paste a link, an id or an address (a plain form: works without JavaScript). */
export default async function VerifyPage({ searchParams }: VerifyPageProps) {
  const t = await getTranslations("verify");
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.slice(0, 300) : "";
  const to = query ? target(query) : null;
  if (to?.kind === "credential") redirect(to.path);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <form className="card form" action="/verify" method="get" role="search">
        <label htmlFor="verify-q">{t("label")}</label>
        <p className="muted" id="verify-hint">
          {t("hint")}
        </p>
        <div className="form-row">
          <input
            id="verify-q"
            name="q"
            defaultValue={query}
            aria-describedby="verify-hint"
            autoComplete="off"
            spellCheck={false}
            inputMode="text"
          />
          <button type="submit">{t("submit")}</button>
        </div>
        {query && !to && <ErrorState live title={t("notRecognised")} next={<p>{t("hint")}</p>} />}
      </form>
      {to?.kind === "address" && <HeldCredentials address={to.address} />}
    </>
  );
}

/** Every credential an address holds, each with the chain's verdict. */
async function HeldCredentials({ address }: { address: Hex }) {
  const t = await getTranslations("verify");
  const tc = await getTranslations("credentials");
  const held = await readHeldCredentials(address);
  return (
    <Card title={t("held.title")} id="held-title">
      <p>
        <Address address={address} full />
      </p>
      {!held.ok ? (
        <ReadFailure source="chain" kind={held.kind} />
      ) : held.data.length === 0 ? (
        <EmptyState title={t("held.none")}>
          <p>{t("held.noneNext")}</p>
        </EmptyState>
      ) : (
        <ul className="held-list" data-testid="held-credentials">
          {await Promise.all(
            held.data.map(async (credential) => {
              const course = await readCourseInfo(credential.contentCid);
              return (
                <li key={credential.id.toString()} data-verdict={credential.verdict}>
                  <StatusBadge tone={VERDICT_TONE[credential.verdict]}>
                    {tc(`verdict.${credential.verdict}`)}
                  </StatusBadge>{" "}
                  <Link href={`/credentials/${credential.id}`}>
                    {course?.title ?? tc("facts.courseNumber", { id: credential.courseId.toString() })}
                  </Link>
                </li>
              );
            }),
          )}
        </ul>
      )}
      <p className="muted">{t("held.fromChain")}</p>
    </Card>
  );
}
