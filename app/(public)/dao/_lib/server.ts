import "server-only";
import { manifest } from "@/deployments/index";
import { contractOf } from "@/protocol/manifest";
import { proposalSchema } from "@/content/formats/proposal";
import type { Proposal as ProposalText } from "@/content/formats/proposal";
import { readContentJson } from "@/app/_lib/content-json";
import { chainErrorKind } from "@/app/_lib/errors";
import { serverPublicClient } from "@/app/_lib/server-data";
import type { Result } from "@/app/_lib/server-data";

// What the DAO pages read from the chain (the Governor's own state, quorum, clock) and from the
// content store (a proposal's text, checked against its CID by the store's block reader).

export interface ChainProposal {
  state: number;
  quorum: bigint;
}

/** The Governor's `state` and the quorum at the snapshot of each proposal, and the chain's clock. */
export async function governorView(
  proposals: readonly { id: bigint; voteStart: bigint }[],
): Promise<Result<{ now: bigint; byId: Map<bigint, ChainProposal> }>> {
  const governor = contractOf(manifest, "AzoraGovernor");
  const client = serverPublicClient();
  try {
    const block = await client.getBlock();
    const rows = await Promise.all(
      proposals.map(async ({ id, voteStart }) => {
        const [state, quorum] = await Promise.all([
          client.readContract({ ...governor, functionName: "state", args: [id] }),
          // quorum() only answers for a past timepoint: before the snapshot, take the latest.
          client.readContract({
            ...governor,
            functionName: "quorum",
            args: [voteStart < block.timestamp ? voteStart : block.timestamp - 1n],
          }),
        ]);
        return [id, { state, quorum }] as const;
      }),
    );
    return { ok: true, data: { now: block.timestamp, byId: new Map(rows) } };
  } catch (error) {
    return { ok: false, source: "chain", kind: chainErrorKind(error) };
  }
}

/** A proposal's text from the content store, or null when it is missing or not a proposal text. */
export function proposalText(cid: string | null): Promise<ProposalText | null> {
  if (!cid) return Promise.resolve(null);
  return readContentJson(cid, proposalSchema, { maxBytes: 200_000, timeoutMs: 5_000 });
}
