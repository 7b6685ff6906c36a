import { expect } from "chai";
import {
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  encodeErrorResult,
  zeroAddress,
} from "viem";
import type { Abi } from "viem";
import { claimFailureOf, CLAIM_ERROR_ABI } from "../../app/(wallet)/learn/_lib/claim-errors";

/** A failed `claim` as viem reports it: the contract's custom error, decoded against the ABI. */
function revert(errorName: string, args: readonly unknown[]): Error {
  const abi = CLAIM_ERROR_ABI as Abi;
  const data = encodeErrorResult({ abi, errorName, args });
  const cause = new ContractFunctionRevertedError({ abi, data, functionName: "claim" });
  return new ContractFunctionExecutionError(cause, { abi, functionName: "claim" });
}

describe("app › the claim's failures, from the contracts' custom errors", function () {
  it("reads the next epoch's start from an exhausted epoch budget", function () {
    const error = revert("ProofOfKnowledgeEpochBudgetExceeded", [3n, 10n, 150n, 1_800_000_000n]);
    expect(claimFailureOf(error)).to.deep.equal({ kind: "budget", nextEpochAt: 1_800_000_000n });
  });

  for (const [errorName, args, kind] of [
    ["ProofOfKnowledgeVoucherExpired", [1n, 2n], "expired"],
    ["ProofOfKnowledgeVerifierDisabled", [zeroAddress], "verifierDisabled"],
    ["AzoraCredentialIssuerDisabled", [zeroAddress], "verifierDisabled"],
    ["ProofOfKnowledgeVerifierLimitReached", [zeroAddress, 1n, 5], "verifierLimit"],
    ["ProofOfKnowledgeCourseInactive", [1n], "inactive"],
    ["ProofOfKnowledgeCourseNotFound", [9n], "inactive"],
    ["ProofOfKnowledgeClaimsPaused", [], "paused"],
    ["AzoraCredentialAlreadyIssued", [zeroAddress, 1n], "claimed"],
    ["ProofOfKnowledgeInvalidSignature", [1n, zeroAddress], "other"],
  ] as const) {
    it(`says ${kind} for ${errorName}`, function () {
      expect(claimFailureOf(revert(errorName, args))).to.deep.equal({ kind });
    });
  }

  it("says rejected when the wallet refused, and other for anything that is no custom error", function () {
    expect(claimFailureOf(Object.assign(new Error("User rejected"), { code: 4001 }))).to.deep.equal({
      kind: "rejected",
    });
    expect(claimFailureOf(new Error("socket hang up"))).to.deep.equal({ kind: "other" });
  });
});
