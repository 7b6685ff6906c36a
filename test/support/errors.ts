import { decodeErrorResult, isHex } from "viem";
import type { Abi, Hex } from "viem";

/** The raw revert data somewhere in a viem error's cause chain. */
export function revertData(error: unknown): Hex | undefined {
  let current: unknown = error;
  while (current instanceof Error || (typeof current === "object" && current !== null)) {
    const data = (current as { data?: unknown }).data;
    if (typeof data === "string" && isHex(data)) return data;
    if (typeof data === "object" && data !== null) {
      const nested = (data as { data?: unknown }).data;
      if (typeof nested === "string" && isHex(nested)) return nested;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The name of the custom error a call reverted with, decoded with any of `abis`. */
export function revertName(error: unknown, abis: readonly Abi[]): string {
  const data = revertData(error);
  if (!data) throw new Error("the call failed without revert data", { cause: error });
  return decodeErrorResult({ abi: abis.flat(), data }).errorName;
}
