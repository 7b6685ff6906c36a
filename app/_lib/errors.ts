import { BaseError, ContractFunctionZeroDataError, HttpRequestError, TimeoutError } from "viem";

/** Whether `error` or anything in its `cause` chain passes `test`. */
function hasCause(error: unknown, test: (cause: unknown) => boolean): boolean {
  for (let e: unknown = error; e; e = e instanceof Error ? e.cause : undefined) {
    if (test(e)) return true;
  }
  return false;
}

/** viem's one-line summary when there is one, without a final period (callers add their own). */
function shortMessage(error: Error): string {
  return (error instanceof BaseError ? error.shortMessage : error.message).replace(/\.$/, "");
}

/** A reader-facing sentence for a failed chain read. */
export function describeChainError(error: Error, rpcUrl: string): string {
  if (hasCause(error, (e) => e instanceof HttpRequestError || e instanceof TimeoutError)) {
    return `The chain at ${rpcUrl} is not answering.`;
  }
  if (hasCause(error, (e) => e instanceof ContractFunctionZeroDataError)) {
    return `The chain at ${rpcUrl} has no AZR token at the deploy manifest's address: is the manifest for this chain?`;
  }
  return `Reading the chain at ${rpcUrl} failed: ${shortMessage(error)}.`;
}

/** Why a wallet request failed; a refusal in the wallet (EIP-1193 code 4001) says so plainly. */
export function describeWalletError(error: Error): string {
  const rejected = hasCause(
    error,
    (e) => typeof e === "object" && e !== null && "code" in e && e.code === 4001,
  );
  return rejected ? "rejected in your wallet" : shortMessage(error);
}
