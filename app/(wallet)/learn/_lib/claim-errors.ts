import { abis } from "@/protocol/abis";
import { isUserRejection, revertedWith } from "@/app/_lib/errors";
import type { ErrorNameOf } from "@/app/_lib/errors";

/** Why a claim failed, in the terms the page explains (each has a sentence and a next step). */
export type ClaimFailure =
  | { kind: "budget"; nextEpochAt: bigint }
  | { kind: "expired" }
  | { kind: "relayer" }
  | { kind: "verifierDisabled" }
  | { kind: "verifierLimit" }
  | { kind: "inactive" }
  | { kind: "paused" }
  | { kind: "claimed" }
  | { kind: "wrongNetwork" }
  | { kind: "rejected" }
  | { kind: "other" };

const CLAIM_ABIS = [...abis.ProofOfKnowledge, ...abis.AzoraCredential, ...abis.AzoraToken] as const;

/** The custom errors `claim` can revert with (ProofOfKnowledge's, the credential's, the token's). */
export const CLAIM_ERROR_ABI = CLAIM_ABIS.filter((item) => item.type === "error");

type ClaimErrorName = ErrorNameOf<typeof CLAIM_ABIS>;

/**
 * The failures a learner can act on, by the contracts' error names (checked against the ABIs at
 * compile time: a renamed error fails the type check). Any other error is `other`.
 */
const FAILURE_OF = {
  ProofOfKnowledgeVoucherExpired: "expired",
  ProofOfKnowledgeVerifierDisabled: "verifierDisabled",
  AzoraCredentialIssuerDisabled: "verifierDisabled",
  ProofOfKnowledgeVerifierLimitReached: "verifierLimit",
  ProofOfKnowledgeCourseInactive: "inactive",
  ProofOfKnowledgeCourseNotFound: "inactive",
  ProofOfKnowledgeClaimsPaused: "paused",
  AzoraCredentialAlreadyIssued: "claimed",
} as const satisfies Partial<Record<ClaimErrorName, Exclude<ClaimFailure["kind"], "budget">>>;

/** A decoded custom error (viem's `ContractFunctionRevertedError`) as a claim failure. */
export function claimFailureOf(error: unknown): ClaimFailure {
  if (isUserRejection(error)) return { kind: "rejected" };
  const reverted = revertedWith(error);
  if (!reverted) return { kind: "other" };
  if (reverted.name === ("ProofOfKnowledgeEpochBudgetExceeded" satisfies ClaimErrorName)) {
    // (epoch, remaining, needed, nextEpochAt)
    const next = reverted.args[3];
    return { kind: "budget", nextEpochAt: typeof next === "bigint" ? next : 0n };
  }
  const kind = (FAILURE_OF as Partial<Record<string, ClaimFailure["kind"]>>)[reverted.name];
  return kind ? ({ kind } as ClaimFailure) : { kind: "other" };
}
