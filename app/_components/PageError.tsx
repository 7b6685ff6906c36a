"use client";
import Link from "next/link";
import en from "@/app/_i18n/messages/en/errors.json";
import fr from "@/app/_i18n/messages/fr/errors.json";
import sw from "@/app/_i18n/messages/sw/errors.json";
import { usePageLocale } from "@/app/_i18n/LocaleProvider";
import { ErrorState } from "./ui/ErrorState";

// The error boundary is part of every page's first load: it reads its few sentences straight
// from the catalog instead of loading next-intl's client runtime everywhere.
const CATALOG = { en, fr, sw };

/** What Next gives an error boundary (`error.tsx`). */
export interface PageErrorProps {
  error: Error & { digest?: string };
  reset: () => void;
}

/** What a page shows when rendering it threw: never the error's text (it may hold internals). */
export function PageError({ error, reset }: PageErrorProps) {
  const { page } = CATALOG[usePageLocale()];
  const digest = error.digest;
  return (
    <section className="card" role="alert">
      <h1>{page.title}</h1>
      <ErrorState
        title={page.what}
        next={
          <>
            <p className="actions">
              <button type="button" onClick={reset}>
                {page.retry}
              </button>
              <Link href="/">{page.home}</Link>
            </p>
            {digest && <p className="muted">{page.reference.replace("{digest}", digest)}</p>}
          </>
        }
      />
    </section>
  );
}
