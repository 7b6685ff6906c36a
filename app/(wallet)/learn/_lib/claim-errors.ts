import { BaseError, ContractFunctionRevertedError } from "viem";
import { abis } from "@/protocol/abis";
import { isUserRejection } from "@/app/_lib/errors";

/** Why a claim failed, in the terms the page explains (each has a sentence and a next step). */
export type ClaimFailure =
  | { kind: "budget"; nextEpochAt: bigint }
  | { kind: "expired" }
  | { kind: "relayer" }
  | { kind: "verifierDisabled" }
  | { kind: "verifierLimit" }
  | { kind: "inactive" }
  | { kind: "claimed" }
  | { kind: "wrongNetwork" }
  | { kind: "rejected" }
  | { kind: "other" };

/** The custom errors `claim` can revert with (ProofOfKnowledge's, the credential's, the token's). */
export const CLAIM_ERROR_ABI = [...abis.ProofOfKnowledge, ...abis.AzoraCredential, ...abis.AzoraToken].filter(
  (item) => item.type === "error",
);

/** A decoded custom error (viem's `ContractFunctionRevertedError`) as a claim failure. */
export function claimFailureOf(error: unknown): ClaimFailure {
  if (isUserRejection(error)) return { kind: "rejected" };
  const reverted =
    error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : null;
  const data = reverted instanceof ContractFunctionRevertedError ? reverted.data : undefined;
  switch (data?.errorName) {
    case "MiningEpochBudgetExceeded": {
      const next = (data.args as readonly unknown[] | undefined)?.[3];
      return { kind: "budget", nextEpochAt: typeof next === "bigint" ? next : 0n };
    }
    case "MiningVoucherExpired":
      return { kind: "expired" };
    case "MiningVerifierDisabled":
    case "CredentialIssuerDisabled":
      return { kind: "verifierDisabled" };
    case "MiningVerifierLimitReached":
      return { kind: "verifierLimit" };
    case "MiningCourseInactive":
    case "MiningCourseNotFound":
      return { kind: "inactive" };
    case "CredentialAlreadyIssued":
      return { kind: "claimed" };
    default:
      return { kind: "other" };
  }
}
