import type { Account, Address, Chain, Hex, Transport, WalletClient } from "viem";

/**
 * The EIP-712 voucher of ProofOfKnowledge, the public interface between a grader and the chain:
 * `Completion(address learner,uint256 courseId,uint16 score,uint64 deadline)` in the domain
 * "Azora ProofOfKnowledge" version "1" of one chain and one ProofOfKnowledge contract.
 */
export interface Completion {
  learner: Address;
  courseId: bigint;
  /** Basis points: 0 to 10000. */
  score: number;
  /** Last second (unix time) at which the voucher can be claimed. */
  deadline: bigint;
}

export const COMPLETION_TYPES = {
  Completion: [
    { name: "learner", type: "address" },
    { name: "courseId", type: "uint256" },
    { name: "score", type: "uint16" },
    { name: "deadline", type: "uint64" },
  ],
} as const;

export function completionDomain(chainId: number, proofOfKnowledge: Address) {
  return {
    name: "Azora ProofOfKnowledge",
    version: "1",
    chainId,
    verifyingContract: proofOfKnowledge,
  } as const;
}

/** Signs `completion` with the verifier's wallet (an EOA, or the key behind an ERC-1271 wallet). */
export function signCompletion(
  verifier: WalletClient<Transport, Chain, Account>,
  proofOfKnowledge: Address,
  completion: Completion,
  chainId: number = verifier.chain.id,
): Promise<Hex> {
  return verifier.signTypedData({
    domain: completionDomain(chainId, proofOfKnowledge),
    types: COMPLETION_TYPES,
    primaryType: "Completion",
    message: completion,
  });
}
