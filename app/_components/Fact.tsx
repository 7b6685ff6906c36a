import type { ReactNode } from "react";

/** One fact of a `<dl>`: its term and its value (`testId` marks the value for tests). */
export function Fact({ term, testId, children }: { term: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
