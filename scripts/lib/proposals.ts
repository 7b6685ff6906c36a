import { encodeAbiParameters, encodeFunctionData, keccak256, toHex } from "viem";
import type { Abi, Address, Hex } from "viem";

/** One call a proposal makes through the Timelock. */
export interface ProposalCall {
  target: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
  /** ETH sent with the call (wei). */
  value?: bigint;
}

/**
 * A proposal as the Governor's functions take it: `propose(targets, values, calldatas,
 * description)`, then `queue`/`execute`/`cancel(targets, values, calldatas, descriptionHash)`.
 */
export interface Proposal {
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  description: string;
  descriptionHash: Hex;
  /** The Governor's `hashProposal` of it: its proposal id. */
  id: bigint;
}

export function proposalOf(calls: readonly ProposalCall[], description: string): Proposal {
  const targets = calls.map((call) => call.target);
  const values = calls.map((call) => call.value ?? 0n);
  const calldatas = calls.map(({ abi, functionName, args }) =>
    encodeFunctionData({ abi, functionName, args } as Parameters<typeof encodeFunctionData>[0]),
  );
  const descriptionHash = keccak256(toHex(description));
  const id = BigInt(
    keccak256(
      encodeAbiParameters(
        [{ type: "address[]" }, { type: "uint256[]" }, { type: "bytes[]" }, { type: "bytes32" }],
        [targets, values, calldatas, descriptionHash],
      ),
    ),
  );
  return { targets, values, calldatas, description, descriptionHash, id };
}

/** `propose`'s arguments. */
export const proposeArgs = (p: Proposal) => [p.targets, p.values, p.calldatas, p.description] as const;

/** `queue`'s, `execute`'s and `cancel`'s arguments. */
export const operationArgs = (p: Proposal) => [p.targets, p.values, p.calldatas, p.descriptionHash] as const;

/** The Governor's `ProposalState` enum. */
export const ProposalState = {
  Pending: 0,
  Active: 1,
  Canceled: 2,
  Defeated: 3,
  Succeeded: 4,
  Queued: 5,
  Expired: 6,
  Executed: 7,
} as const;

/** The name of a `ProposalState` value, lowercase ("pending", "active", …), as APIs show it. */
export function proposalStateName(state: number): string {
  const entry = Object.entries(ProposalState).find(([, value]) => value === state);
  return entry ? entry[0].toLowerCase() : `unknown (${state})`;
}

/** The `bytes32` bitmap of states that Governor errors (`GovernorUnexpectedProposalState`) carry. */
export function stateBitmap(...states: number[]): Hex {
  return toHex(
    states.reduce((bits, state) => bits | (1n << BigInt(state)), 0n),
    { size: 32 },
  );
}
