import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getAddress, isAddress } from "viem";
import { ErrorState, PageHeader } from "@/app/_components/ui";
import { Upcoming } from "@/app/_components/Upcoming";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verify"))("title") };
}

interface VerifyPageProps {
  searchParams: Promise<{ q?: string | string[] }>;
}

/** A credential id, a credential link (…/credentials/<id>) or an address, as pasted. */
function target(query: string): string | null {
  const value = query.trim();
  const link = /\/credentials\/([0-9]{1,78})\/?(?:[?#].*)?$/.exec(value);
  if (link) return `/credentials/${link[1]}`;
  if (/^[0-9]{1,78}$/.test(value)) return `/credentials/${value}`;
  if (isAddress(value, { strict: false })) return `/accounts/${getAddress(value.toLowerCase())}`;
  return null;
}

/** Check a credential: paste a link, an id or an address (a plain form: works without JavaScript). */
export default async function VerifyPage({ searchParams }: VerifyPageProps) {
  const t = await getTranslations("verify");
  const { q } = await searchParams;
  const query = typeof q === "string" ? q : "";
  if (query) {
    const to = target(query);
    if (to) redirect(to);
  }
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
        {query && <ErrorState live title={t("notRecognised")} next={<p>{t("hint")}</p>} />}
      </form>
      <Upcoming heading={t("soon.heading")} items={t.raw("soon.items") as string[]} />
    </>
  );
}
