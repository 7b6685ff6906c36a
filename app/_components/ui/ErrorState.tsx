import type { ReactNode } from "react";

interface ErrorStateProps {
  /** What went wrong, in one sentence a reader understands. */
  title: ReactNode;
  /** What to do next: retry later, another path, a link. */
  next?: ReactNode;
  /** Whether to announce it to screen readers at once (for errors that appear after an action). */
  live?: boolean;
}

/** A failure and the reader's next step. Never internals (URLs, stack traces). */
export function ErrorState({ title, next, live = false }: ErrorStateProps) {
  return (
    <div className="error-state" role={live ? "alert" : undefined}>
      <p className="error-title">{title}</p>
      {next && <div className="error-next">{next}</div>}
    </div>
  );
}
