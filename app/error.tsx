"use client";
import { PageError } from "./_components/PageError";

/** Catches what a route group's layout throws; pages' own errors stay inside their group's frame. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main id="main">
      <PageError digest={error.digest} reset={reset} />
    </main>
  );
}
