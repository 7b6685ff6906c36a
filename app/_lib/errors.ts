import {
  BaseError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  HttpRequestError,
  TimeoutError,
} from "viem";
import type { Abi } from "viem";

/** Whether `error` or anything in its `cause` chain passes `test`. */
function hasCause(error: unknown, test: (cause: unknown) => boolean): boolean {
  for (let e: unknown = error; e; e = e instanceof Error ? e.cause : undefined) {
    if (test(e)) return true;
  }
  return false;
}

/** viem's one-line summary when there is one, without a final period (callers add their own). */
export function shortMessage(error: Error): string {
  return (error instanceof BaseError ? error.shortMessage : error.message).replace(/\.$/, "");
}

/**
 * What kind of failure a chain read is, for a sentence from the `errors` catalog
 * (`errors.chain.<kind>`): never the URL, which may carry a key.
 */
export function chainErrorKind(error: unknown): "unreachable" | "noContract" | "other" {
  if (hasCause(error, (e) => e instanceof HttpRequestError || e instanceof TimeoutError))
    return "unreachable";
  if (hasCause(error, (e) => e instanceof ContractFunctionZeroDataError)) return "noContract";
  return "other";
}

/** A refusal in the wallet (EIP-1193 code 4001). */
export function isUserRejection(error: unknown): boolean {
  return hasCause(error, (e) => typeof e === "object" && e !== null && "code" in e && e.code === 4001);
}

/** The custom errors an ABI declares, by name. */
export type ErrorNameOf<TAbi extends Abi> = Extract<TAbi[number], { type: "error" }>["name"];

/**
 * The custom error a failed contract call or simulation reverted with (decoded by viem from the
 * revert data against the ABI it was given), with its arguments; null when it was something else.
 */
export function revertedWith(error: unknown): { name: string; args: readonly unknown[] } | null {
  if (!(error instanceof BaseError)) return null;
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (!(reverted instanceof ContractFunctionRevertedError) || !reverted.data?.errorName) return null;
  return { name: reverted.data.errorName, args: reverted.data.args ?? [] };
}
