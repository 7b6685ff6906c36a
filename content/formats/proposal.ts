import { CID } from "multiformats/cid";
import { z } from "zod";
import { FormatError, text } from "./common";

/** A DAO proposal's text (see the description below). */
export const proposalSchema = z
  .object({
    title: text(120),
    body: text(50_000).describe("Motivation and details, in markdown"),
  })
  .strict()
  .meta({
    title: "Azora proposal text",
    description:
      "A DAO proposal's text, one JSON file; the proposal's on-chain description references its CID.",
  });

export type Proposal = z.infer<typeof proposalSchema>;

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
  if (problem) throw new FormatError([`proposal description: ${problem}`]);
  const parsed = cidOf(cid);
  if (!parsed) throw new FormatError([`proposal description: "${cid}" is not a CID`]);
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
