"use client";
import { PageError } from "./_components/PageError";
import type { PageErrorProps } from "./_components/PageError";

/** Catches what a route group's layout throws; pages' own errors stay inside their group's frame. */
export default function ErrorPage(props: PageErrorProps) {
  return (
    <main id="main">
      <PageError {...props} />
    </main>
  );
}
