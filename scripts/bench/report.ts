// How the benchmark prints: the machine it ran on, one table per figure group.
import os from "node:os";

/** A table's rows: what was measured, and the figure. */
export type Rows = [string, string][];

/** What a figure group prints once it has measured. */
export type Report = () => void;

/** The machine the figures come from: CPUs, memory, OS and Node. */
export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

export function table(title: string, rows: Rows) {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v.padStart(12)}`);
}

export const gas = (value: bigint | number) => `${Number(value).toLocaleString("en-US")} gas`;

/** Gas figures as rows, in the order given. */
export function gasRows(figures: [string, bigint][]): Rows {
  return figures.map(([operation, used]) => [operation, gas(used)]);
}
