// Governor proposals as the protocol defines them: ids, the calls, the state names, and the
// on-chain description format (a title and the IPFS CID of the full text).
import { encodeAbiParameters, encodeFunctionData, keccak256, toHex, zeroHash } from "viem";
import type { Abi, Address, Hex } from "viem";
import { CID } from "multiformats/cid";
import { ProposalState, enumLabel } from "./enums";

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

/**
 * The AzoraTimelock operation a queued proposal becomes, as OpenZeppelin's GovernorTimelockControl
 * schedules it: `hashOperationBatch(targets, values, calldatas, 0, bytes20(governor) ^ descriptionHash)`.
 */
export function timelockOperationId(
  p: Pick<Proposal, "targets" | "values" | "calldatas" | "descriptionHash">,
  governor: Address,
): Hex {
  const salt = toHex((BigInt(governor) << 96n) ^ BigInt(p.descriptionHash), { size: 32 });
  return keccak256(
    encodeAbiParameters(
      [
        { type: "address[]" },
        { type: "uint256[]" },
        { type: "bytes[]" },
        { type: "bytes32" },
        { type: "bytes32" },
      ],
      [p.targets, p.values, p.calldatas, zeroHash, salt],
    ),
  );
}

/** `queue`'s, `execute`'s and `cancel`'s arguments. */
export const operationArgs = (p: Proposal) => [p.targets, p.values, p.calldatas, p.descriptionHash] as const;

/** The name of a `ProposalState` value ("pending", "active", …), as the APIs show it. */
export const proposalStateName = (state: number | bigint): string => enumLabel(ProposalState, state);

/** The `bytes32` bitmap of states that Governor errors (`GovernorUnexpectedProposalState`) carry. */
export function stateBitmap(...states: number[]): Hex {
  return toHex(
    states.reduce((bits, state) => bits | (1n << BigInt(state)), 0n),
    { size: 32 },
  );
}

/** A description `formatProposalDescription` refuses to write. */
export class ProposalDescriptionError extends Error {
  override name = "ProposalDescriptionError";
}

/**
 * A proposal's on-chain description: a short title and the CID of its full text (a `proposal`
 * document, above), as markdown that Governor tools (Tally…) show as they are:
 *
 * ```
 * # Fund a Swahili translation of "Wallets and safety"
 *
 * ipfs://bafkrei…
 * ```
 *
 * OpenZeppelin's optional front-running guard, a `#proposer=0x…` suffix, may follow.
 */
export interface ProposalDescription {
  title: string;
  /** CID of the proposal text (the `proposal` format), as a string. */
  cid: string;
  /** The account the description restricts proposing to, when it ends in `#proposer=0x…`. */
  proposer?: `0x${string}`;
}

const TITLE_MAX = 120;
const PROPOSER_SUFFIX = /#proposer=(0x[0-9a-fA-F]{40})$/;

function titleProblem(title: string): string | undefined {
  if (!/\S/.test(title)) return "the title is empty";
  if (/[\r\n]/.test(title)) return "the title must be one line";
  if (title.trim().length > TITLE_MAX) return `the title is longer than ${TITLE_MAX} characters`;
  return undefined;
}

function cidOf(text: string): string | undefined {
  try {
    return CID.parse(text).toString();
  } catch {
    return undefined;
  }
}

/** The description for a proposal titled `title` whose text has CID `cid`. */
export function formatProposalDescription({ title, cid, proposer }: ProposalDescription): string {
  const problem = titleProblem(title);
  if (problem) throw new ProposalDescriptionError(`proposal description: ${problem}`);
  const parsed = cidOf(cid);
  if (!parsed) throw new ProposalDescriptionError(`proposal description: "${cid}" is not a CID`);
  return `# ${title.trim()}\n\nipfs://${parsed}${proposer ? `#proposer=${proposer}` : ""}`;
}

/**
 * Reads a description written by `formatProposalDescription` (or by hand the same way); null for
 * any other text, which a page then shows as it is.
 */
export function parseProposalDescription(description: string): ProposalDescription | null {
  const suffix = PROPOSER_SUFFIX.exec(description);
  const body = suffix ? description.slice(0, suffix.index) : description;
  const lines = body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (lines.length !== 2) return null;
  const [heading = "", link = ""] = lines;
  const title = /^#\s+(.+)$/.exec(heading)?.[1];
  const cid = /^ipfs:\/\/([A-Za-z0-9]+)$/.exec(link)?.[1];
  if (title === undefined || titleProblem(title) || cid === undefined) return null;
  const parsed = cidOf(cid);
  if (!parsed) return null;
  return { title: title.trim(), cid: parsed, ...(suffix ? { proposer: suffix[1] as `0x${string}` } : {}) };
}
