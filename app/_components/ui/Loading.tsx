import type { ReactNode } from "react";

/** A placeholder that keeps the room its content will take (no layout shift when data arrives). */
export function Loading({ children, lines = 2 }: { children: ReactNode; lines?: number }) {
  return (
    <p className="loading muted" aria-busy="true" style={{ minHeight: `${lines * 1.55}em` }}>
      {children}
    </p>
  );
}
