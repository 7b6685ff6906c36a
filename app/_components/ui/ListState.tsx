import Link from "next/link";
import type { ReactNode } from "react";
import { EmptyState } from "./EmptyState";
import { Loading } from "./Loading";

interface ListStateProps {
  /** The read is still on its way. */
  pending: boolean;
  loading: ReactNode;
  /** How many items the read returned: none shows the empty state instead of the list. */
  count: number;
  empty: ReactNode;
  /** Where to go when there is nothing here yet. */
  next?: { href: string; label: ReactNode };
  /** The list. */
  children: ReactNode;
}

/** A list read in the browser: a loading line, then the list, or an empty state and where to go instead. */
export function ListState({ pending, loading, count, empty, next, children }: ListStateProps) {
  if (pending) return <Loading>{loading}</Loading>;
  if (count > 0) return children;
  return (
    <EmptyState title={empty}>
      {next && (
        <p>
          <Link href={next.href}>{next.label}</Link>
        </p>
      )}
    </EmptyState>
  );
}
