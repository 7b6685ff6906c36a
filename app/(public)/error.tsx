"use client";
import { PageError } from "@/app/_components/PageError";

/** A page of this group threw while rendering: the header and navigation stay. */
export default function GroupError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <PageError digest={error.digest} reset={reset} />;
}
