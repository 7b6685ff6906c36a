import type { ReactNode } from "react";
import { Amount } from "./ui/Amount";

/** One fact of a `<dl>`: its term and its value (`testId` marks the value for tests). */
export function Fact({ term, testId, children }: { term: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** A fact whose value is an amount of AZR: a balance, a share, a tally. */
export function AmountFact({ term, value, testId }: { term: ReactNode; value: bigint; testId?: string }) {
  return (
    <Fact term={term} testId={testId}>
      <Amount value={value} />
    </Fact>
  );
}
