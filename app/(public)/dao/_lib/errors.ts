import { revertedWith } from "@/app/_lib/errors";

/**
 * The custom errors a DAO page can hit, each with a sentence and a next step in the catalog
 * (`dao.errors.<name>`, `dao.errors.<name>Next`). Names as the ABIs of protocol/abis.ts spell them.
 */
export const DAO_ERRORS = [
  "GovernorAlreadyCastVote",
  "GovernorUnexpectedProposalState",
  "GovernorNonexistentProposal",
  "GovernorInvalidSignature",
  "GovernorInsufficientProposerVotes",
  "GovernorRestrictedProposer",
  "GovernorInvalidProposalLength",
  "GovernorAlreadyQueuedProposal",
  "GovernorInvalidVoteType",
  "TimelockUnexpectedOperationState",
  "TimelockUnexecutedPredecessor",
  "CitadelInsufficientBalance",
  "CitadelInvalidRecipient",
  "InvalidAccountNonce",
  "VotesExpiredSignature",
] as const;
export type DaoError = (typeof DAO_ERRORS)[number];

/** The name of the custom error a failed contract call reverted with, when it is one we explain. */
export function daoErrorOf(error: unknown): DaoError | "unknown" {
  const name = revertedWith(error)?.name;
  return name && (DAO_ERRORS as readonly string[]).includes(name) ? (name as DaoError) : "unknown";
}
