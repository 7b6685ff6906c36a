import { revertedWith } from "@/app/_lib/errors";
import type { Abi, Address, Hex } from "viem";
import { manifest } from "@/deployments/index";
import { permitTypedData } from "@/protocol/eip712";
import { contractOf } from "@/protocol/manifest";
import { signedUpload } from "@/content/upload-request";
import type { UploadSigner } from "@/content/upload-request";

// Every JobEscrow call the marketplace makes, in one place (the contract is changing: its calls
// and error names are read from protocol/abis.ts, never copied).

export const escrow = { ...contractOf(manifest, "JobEscrow"), chainId: manifest.chainId } as const;
export const token = { ...contractOf(manifest, "AzoraToken"), chainId: manifest.chainId } as const;

export type EscrowCall = {
  address: Address;
  abi: typeof escrow.abi;
  chainId: number;
  functionName:
    | "applyForJob"
    | "assign"
    | "submitMilestone"
    | "approveMilestone"
    | "releaseAfterReview"
    | "dispute"
    | "refundExpired"
    | "cancel"
    | "rate"
    | "resolveDispute"
    | "postJob"
    | "postJobWithPermit";
  args: readonly unknown[];
};

const call = (functionName: EscrowCall["functionName"], args: readonly unknown[]): EscrowCall => ({
  address: escrow.address,
  abi: escrow.abi,
  chainId: escrow.chainId,
  functionName,
  args,
});

export const escrowCalls = {
  apply: (jobId: bigint, proposalCid: string) => call("applyForJob", [jobId, proposalCid]),
  assign: (jobId: bigint, provider: Address) => call("assign", [jobId, provider]),
  submit: (jobId: bigint, index: number, deliverableCid: string) =>
    call("submitMilestone", [jobId, BigInt(index), deliverableCid]),
  approve: (jobId: bigint, index: number) => call("approveMilestone", [jobId, BigInt(index)]),
  releaseAfterReview: (jobId: bigint, index: number) => call("releaseAfterReview", [jobId, BigInt(index)]),
  dispute: (jobId: bigint, index: number, reasonCid: string) =>
    call("dispute", [jobId, BigInt(index), reasonCid]),
  refundExpired: (jobId: bigint) => call("refundExpired", [jobId]),
  cancel: (jobId: bigint) => call("cancel", [jobId]),
  rate: (jobId: bigint, score: number, commentCid: string) => call("rate", [jobId, score, commentCid]),
  resolve: (jobId: bigint, index: number, providerBps: number, reasonCid: string) =>
    call("resolveDispute", [jobId, BigInt(index), providerBps, reasonCid]),
  post: (briefCid: string, amounts: bigint[], deadline: number) =>
    call("postJob", [briefCid, amounts, deadline]),
  postWithPermit: (
    briefCid: string,
    amounts: bigint[],
    deadline: number,
    permitDeadline: bigint,
    signature: Hex,
  ) => {
    const { v, r, s } = splitSignature(signature);
    return call("postJobWithPermit", [briefCid, amounts, deadline, permitDeadline, v, r, s]);
  },
};

/**
 * (v, r, s) of a 65-byte signature, by slicing (viem's parseSignature brings the whole secp256k1
 * library into the page for this).
 */
function splitSignature(signature: Hex): { v: number; r: Hex; s: Hex } {
  const v = parseInt(signature.slice(130, 132), 16);
  return { r: `0x${signature.slice(2, 66)}`, s: `0x${signature.slice(66, 130)}`, v: v < 27 ? v + 27 : v };
}

/** The typed data of the permit that funds a job in the same transaction as its posting. */
export function jobPermit(owner: Address, value: bigint, nonce: bigint, deadline: bigint) {
  return permitTypedData(manifest.chainId, token.address, {
    owner,
    spender: escrow.address,
    value,
    nonce,
    deadline,
  });
}

/** The custom error names of JobEscrow and AzoraToken, read from their ABIs. */
const ERROR_NAMES = new Set(
  [...(escrow.abi as Abi), ...(token.abi as Abi)].flatMap((item) =>
    item.type === "error" ? [item.name] : [],
  ),
);

/**
 * The name of the contract's custom error behind a failed call or simulation (decoded by viem
 * from the revert data, or found by name in the message), or null when it was something else.
 */
export function revertName(error: unknown): string | null {
  const reverted = revertedWith(error);
  if (reverted) return reverted.name;
  const text = error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error);
  for (const name of ERROR_NAMES) if (new RegExp(`\\b${name}\\b`).test(text)) return name;
  return null;
}

/** Stores `text` (a pitch, a delivery note, a reason, a comment) or a JSON file; returns its CID. */
export async function uploadContent(
  content: { text: string } | { json: unknown; format?: "job-brief" },
  signer: UploadSigner,
): Promise<string> {
  const bytes = new TextEncoder().encode("text" in content ? content.text : JSON.stringify(content.json));
  const upload = await signedUpload(
    { bytes, type: "text" in content ? "text/markdown" : "application/json" },
    signer,
  );
  const format = "json" in content && content.format ? `?format=${content.format}` : "";
  const response = await fetch(`/api/content${format}`, { method: "POST", ...upload });
  const body = (await response.json().catch(() => ({}))) as { cid?: string; error?: string };
  if (!response.ok || !body.cid) throw new UploadFailed(response.status);
  return body.cid;
}

export class UploadFailed extends Error {
  constructor(readonly status: number) {
    super(`upload refused (${status})`);
  }
}
