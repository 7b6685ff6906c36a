"use client";
import Link from "next/link";

/** Catches what a page throws while rendering; the chain and indexer errors are shown in place instead. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <section className="page-message" role="alert">
      <h1>Something went wrong on this page</h1>
      <p>
        The page hit an error it could not recover from. An error in this page does not touch your wallet or
        your AZR.
      </p>
      <p className="muted">
        {error.message}
        {error.digest && ` (reference ${error.digest})`}
      </p>
      <p className="actions">
        <button type="button" onClick={reset}>
          Try again
        </button>
        <Link href="/">Go to the home page</Link>
      </p>
    </section>
  );
}
