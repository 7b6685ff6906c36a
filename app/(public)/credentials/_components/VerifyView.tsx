import { useTranslations } from "next-intl";
import type { Address as Hex } from "viem";
import { ReadFailure } from "@/app/_components/ReadFailure";
import {
  Address,
  Card,
  EmptyState,
  ErrorState,
  PageHeader,
  StatusBadge,
  VerifierLink,
} from "@/app/_components/ui";
import type { HeldWithCourse } from "../_lib/credential-page";
import { VERDICT_TONE } from "./verdict";

export interface VerifyViewProps {
  /** What was pasted ("" when nothing yet). */
  query: string;
  /** It was not a credential id, link or address. */
  notRecognised: boolean;
  /** The address pasted, with what the chain says it holds. */
  holder: {
    address: Hex;
    answer: { ok: true; held: HeldWithCourse[] } | { ok: false; failure: string };
  } | null;
}

/** Check a credential: paste a link, an id or an address (a plain form: no JavaScript anywhere). */
export function VerifyView({ query, notRecognised, holder }: VerifyViewProps) {
  const t = useTranslations("verify");
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
        {notRecognised && <ErrorState live title={t("notRecognised")} next={<p>{t("hint")}</p>} />}
      </form>
      {holder && <HeldCredentials {...holder} />}
    </>
  );
}

/** Every credential an address holds, each with the chain's verdict. */
function HeldCredentials({ address, answer }: NonNullable<VerifyViewProps["holder"]>) {
  const t = useTranslations("verify");
  const tc = useTranslations("credentials");
  return (
    <Card title={t("held.title")} id="held-title">
      <p>
        <Address address={address} full />
      </p>
      {!answer.ok ? (
        <ReadFailure source="chain" kind={answer.failure} />
      ) : answer.held.length === 0 ? (
        <EmptyState title={t("held.none")}>
          <p>{t("held.noneNext")}</p>
        </EmptyState>
      ) : (
        <ul className="held-list" data-testid="held-credentials">
          {answer.held.map((credential) => (
            <li key={credential.id.toString()} data-verdict={credential.verdict}>
              <StatusBadge tone={VERDICT_TONE[credential.verdict]}>
                {tc(`verdict.${credential.verdict}`)}
              </StatusBadge>{" "}
              <VerifierLink href={`/credentials/${credential.id}`}>
                {credential.title ?? tc("facts.courseNumber", { id: credential.courseId.toString() })}
              </VerifierLink>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t("held.fromChain")}</p>
    </Card>
  );
}
