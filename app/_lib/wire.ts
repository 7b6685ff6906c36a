// Pages Router props travel as JSON (`__NEXT_DATA__` in development), which has no bigint: the
// verifier pages hand their chain data over as one string with bigints tagged, and read it back.

const BIGINT = "$bigint";

/** `value` as JSON, each bigint as `{"$bigint": "<decimal>"}`. */
export function toWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "bigint" ? { [BIGINT]: v.toString() } : v,
  );
}

/** The value `toWire` wrote, bigints restored. */
export function fromWire<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) =>
    v !== null && typeof v === "object" && BIGINT in v && Object.keys(v).length === 1
      ? BigInt((v as Record<typeof BIGINT, string>)[BIGINT])
      : v,
  ) as T;
}
