import { decodeFunctionData, getAddress, isAddressEqual } from "viem";
import type { Address, Hex } from "viem";
import { manifest } from "@/deployments/index";
import { contractOf, contractsOf } from "@/protocol/manifest";
import { timelockOperationId } from "@/protocol/proposals";
import type { Proposal } from "@/protocol/proposals";
import type { ContractName } from "@/protocol/manifest";
import type { CourseSettings } from "@/protocol/course";
import { ProposalState } from "@/protocol/enums";
import { Roles, roleName } from "@/protocol/roles";
import { many, one, rows } from "@/app/_lib/indexer-query";
import type { PartsData } from "@/app/_lib/indexer-query";

// The DAO pages' reads of the indexer (typed from its schema) and the plain-words form of a
// proposal's calls. Client-safe: the wallet island decodes nothing, the server pages do.

export const PROPOSALS_PAGE = 20;
export const VOTES_PAGE = 50;

const PROPOSAL = {
  id: "bigint",
  proposer: true,
  description: true,
  title: true,
  descriptionCid: true,
  targets: true,
  values: true,
  calldatas: true,
  voteStart: "bigint",
  voteEnd: "bigint",
  status: true,
  eta: "bigint",
  extended: true,
  forVotes: "bigint",
  againstVotes: "bigint",
  abstainVotes: "bigint",
  voterCount: true,
  createdAt: "bigint",
  updatedAt: "bigint",
  transactionHash: true,
} as const;

const VOTE = {
  id: true,
  voter: true,
  support: true,
  weight: "bigint",
  reason: true,
  relayed: true,
  timestamp: "bigint",
  transactionHash: true,
} as const;

const RELEASE = {
  id: true,
  counterparty: true,
  amount: "bigint",
  token: true,
  timestamp: "bigint",
  transactionHash: true,
} as const;

/** The newest proposals (a page of them). */
export function proposalListParts(after: string | null = null) {
  return {
    proposals: many("proposal", PROPOSAL, {
      orderBy: "createdAt",
      orderDirection: "desc",
      limit: PROPOSALS_PAGE,
      after,
    }),
  };
}

/** One proposal, its votes (largest first) and the CitadelFund releases its execution paid. */
export function proposalDetailParts(id: bigint) {
  return {
    proposal: one("proposal", { id }, PROPOSAL),
    votes: rows("vote", VOTE, { proposalId: id }, ["weight", "desc"], VOTES_PAGE),
    releases: rows(
      "citadelFlow",
      RELEASE,
      { proposalId: id, direction: "out" },
      ["timestamp", "asc"],
      VOTES_PAGE,
    ),
  };
}

/** The Timelock operation a queued proposal became: when it was queued and executed. */
export function timelockOperationParts(
  proposal: Pick<Proposal, "targets" | "values" | "calldatas" | "descriptionHash">,
) {
  return {
    operation: one(
      "timelockOperation",
      { id: timelockOperationId(proposal, contractOf(manifest, "AzoraGovernor").address) },
      { scheduledAt: "bigint", readyAt: "bigint", executedAt: "bigint" },
    ),
  };
}

export type ProposalList = PartsData<ReturnType<typeof proposalListParts>>;
export type ProposalDetail = PartsData<ReturnType<typeof proposalDetailParts>>;
export type IndexedProposal = ProposalList["proposals"]["items"][number];
export type IndexedVote = ProposalDetail["votes"]["items"][number];

/** A proposal id from the URL (decimal), or null. */
export function parseProposalId(text: string): bigint | null {
  return /^[0-9]{1,80}$/.test(text) ? BigInt(text) : null;
}

/** The state names the catalog has (`dao.state.<name>`), by ProposalState value. */
export const STATE_NAMES = [
  "pending",
  "active",
  "canceled",
  "defeated",
  "succeeded",
  "queued",
  "expired",
  "executed",
] as const satisfies readonly string[];
export type StateName = (typeof STATE_NAMES)[number];

export function stateName(state: number): StateName {
  return STATE_NAMES[state] ?? "pending";
}

export function stateTone(state: number): "ok" | "warn" | "bad" | "info" | "neutral" {
  switch (state) {
    case ProposalState.Active:
      return "info";
    case ProposalState.Succeeded:
    case ProposalState.Queued:
    case ProposalState.Executed:
      return "ok";
    case ProposalState.Defeated:
    case ProposalState.Canceled:
    case ProposalState.Expired:
      return "bad";
    default:
      return "neutral";
  }
}

/** One call of a proposal in plain words: a catalog key (`dao.calls.<kind>`) and its values. */
export type DecodedCall =
  | { kind: "release"; amount: bigint; token: Address; to: Address }
  | {
      kind: "registerCourse";
      title: string;
      contentCid: string;
      reward: bigint;
      verifier: Address;
      minScore: bigint;
      validity: bigint;
    }
  | { kind: "updateCourse"; courseId: bigint; reward: bigint }
  | { kind: "setCourseActive"; courseId: bigint; active: boolean }
  | { kind: "appointArbiter"; account: Address }
  | { kind: "grantRole"; contract: ContractName; role: string; account: Address }
  | { kind: "setVerifierLimit"; verifier: Address; limit: bigint }
  | { kind: "setEmissionSchedule"; epochLength: bigint; initialBudget: bigint; halvingInterval: bigint }
  | { kind: "other"; contract: ContractName | null; target: Address; functionName: string | null };

/** Decodes the calldata of one call with the ABI of the deployed contract it targets. */
export function decodeCall(target: string, calldata: string): DecodedCall {
  const to = getAddress(target);
  const contracts = contractsOf(manifest);
  const entry = (Object.entries(contracts) as [ContractName, (typeof contracts)[ContractName]][]).find(
    ([, contract]) => isAddressEqual(contract.address, to),
  );
  if (!entry) return { kind: "other", contract: null, target: to, functionName: null };
  const [name, contract] = entry;
  let decoded: { functionName: string; args?: readonly unknown[] };
  try {
    decoded = decodeFunctionData({ abi: contract.abi, data: calldata as Hex }) as typeof decoded;
  } catch {
    return { kind: "other", contract: name, target: to, functionName: null };
  }
  const args = decoded.args ?? [];
  const at = <T>(index: number) => args[index] as T;
  // viem decodes integers of 48 bits or fewer (uint16, uint32) as numbers, wider ones as bigints:
  // every amount and count of a decoded call is a bigint here.
  const int = (index: number) => BigInt(args[index] as number | bigint);
  switch (`${name}.${decoded.functionName}`) {
    case "CitadelFund.release":
      return { kind: "release", token: at<Address>(0), to: at<Address>(1), amount: int(2) };
    case "ProofOfKnowledge.registerCourse": {
      const { minScore, validity, ...settings } = at<CourseSettings>(0);
      return { kind: "registerCourse", ...settings, minScore: BigInt(minScore), validity: BigInt(validity) };
    }
    case "ProofOfKnowledge.updateCourse":
      return { kind: "updateCourse", courseId: int(0), reward: at<CourseSettings>(1).reward };
    case "ProofOfKnowledge.setCourseActive":
      return { kind: "setCourseActive", courseId: int(0), active: at<boolean>(1) };
    case "ProofOfKnowledge.setVerifierLimit":
      return { kind: "setVerifierLimit", verifier: at<Address>(0), limit: int(1) };
    case "ProofOfKnowledge.setEmissionSchedule":
      return {
        kind: "setEmissionSchedule",
        epochLength: int(0),
        initialBudget: int(1),
        halvingInterval: int(2),
      };
    case "JobEscrow.grantRole":
    case "ProofOfKnowledge.grantRole":
    case "AzoraCredential.grantRole":
      return at<Hex>(0) === Roles.ARBITER && name === "JobEscrow"
        ? { kind: "appointArbiter", account: at<Address>(1) }
        : { kind: "grantRole", contract: name, role: roleName(at<Hex>(0)), account: at<Address>(1) };
    default:
      return { kind: "other", contract: name, target: to, functionName: decoded.functionName };
  }
}
