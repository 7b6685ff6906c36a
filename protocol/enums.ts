// Every Solidity enum of the protocol, once, with the values the contracts use (declaration
// order). test/protocol/mirror.test.ts checks each against the compiled contracts.

/** CitadelFund's `Source` (contracts/interfaces/ICitadelFund.sol): where an inflow came from. */
export const CitadelSource = { None: 0, Mining: 1, Escrow: 2, Donation: 3 } as const;

/** JobEscrow's `JobStatus` (contracts/interfaces/IJobEscrow.sol). */
export const JobStatus = { None: 0, Open: 1, Assigned: 2, Completed: 3, Cancelled: 4, Refunded: 5 } as const;

/** JobEscrow's `MilestoneStatus`. */
export const MilestoneStatus = {
  Pending: 0,
  Submitted: 1,
  Disputed: 2,
  Released: 3,
  Refunded: 4,
  Resolved: 5,
  Cancelled: 6,
} as const;

/** JobEscrow's `ReleaseKind`: who released a milestone. */
export const ReleaseKind = { Approved: 0, ReviewTimeout: 1 } as const;

/** JobEscrow's `SettlementKind`: how a dispute ended without an arbiter's ruling. */
export const SettlementKind = { Agreed: 0, DisputeWindowPassed: 1 } as const;

/** How a vote counts (OpenZeppelin's GovernorCountingSimple `VoteType`). */
export const VoteType = { Against: 0, For: 1, Abstain: 2 } as const;

/** OpenZeppelin's `IGovernor.ProposalState`. */
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

/** Every mirrored enum, by its Solidity name (what the mirror test compares). */
export const SOLIDITY_ENUMS = {
  "ICitadelFund.Source": CitadelSource,
  "IJobEscrow.JobStatus": JobStatus,
  "IJobEscrow.MilestoneStatus": MilestoneStatus,
  "IJobEscrow.ReleaseKind": ReleaseKind,
  "IJobEscrow.SettlementKind": SettlementKind,
  "GovernorCountingSimple.VoteType": VoteType,
  "IGovernor.ProposalState": ProposalState,
} as const;

type Enum = Readonly<Record<string, number>>;

/** The member names of an enum in declaration order. */
export function enumNames<E extends Enum>(values: E): (keyof E & string)[] {
  return Object.keys(values).sort((a, b) => values[a]! - values[b]!);
}

/**
 * The name of `value` in `values`, in snake_case lowercase ("review_timeout", "executed"), as
 * the indexer's tables and the APIs show it; "unknown (n)" for a value the enum lacks.
 */
export function enumLabel<E extends Enum>(values: E, value: number | bigint): string {
  const name = Object.keys(values).find((key) => values[key] === Number(value));
  return name ? name.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase() : `unknown (${value})`;
}
