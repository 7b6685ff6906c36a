import type { ReactNode } from "react";

export type Tone = "ok" | "warn" | "bad" | "info" | "neutral";

/** A state in words (never colour alone): "Valid", "Revoked", "Open", "Executed"… */
export function StatusBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`status status-${tone}`}>{children}</span>;
}
