/** Milliseconds as the benchmark prints them. */
export const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The `p`-th percentile (nearest rank, 0–100) of `values`, in any order. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
