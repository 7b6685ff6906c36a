import type { ReactNode } from "react";

interface QueryStateProps {
  /** What is loading, for "Loading <what>…". */
  what: string;
  hasData: boolean;
  /** A sentence for the reader, or null. */
  error: string | null;
  children: ReactNode;
}

/**
 * Loading and error states for data that refreshes: the children once data is there, with a
 * note when a later refresh fails (the data shown may then be stale).
 */
export function QueryState({ what, hasData, error, children }: QueryStateProps) {
  if (!hasData) {
    return error ? (
      <p className="notice notice-error" role="alert">
        {error}
      </p>
    ) : (
      <p className="muted" aria-busy="true">
        Loading {what}…
      </p>
    );
  }
  return (
    <>
      {error && (
        <p className="notice notice-error" role="alert">
          {error} Showing {what} as last loaded.
        </p>
      )}
      {children}
    </>
  );
}
