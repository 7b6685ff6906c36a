import "@/app/_lib/server-side";
import { getAbiItem, getAddress } from "viem";
import type { Address, Hex } from "viem";
import { manifest } from "@/deployments/index";
import { contractOf } from "@/protocol/manifest";
import { chainErrorKind } from "@/app/_lib/errors";
import { serverPublicClient } from "@/app/_lib/server-data";
import type { Result } from "@/app/_lib/server-data";

// Every chain read of the verifier pages, in one module: the verdict comes from here, never from
// the indexer. AzoraCredential's ABI is the current one (`protocol/abis.ts`); when the contract
// learns reinstatement or keeps a burned credential's revocation, only this file changes.

const COURSE_BITS = 96n;
const COURSE_MASK = (1n << COURSE_BITS) - 1n;
const MAX_ID = (1n << 256n) - 1n;
/** At most this many courses are scanned for an address's credentials (one batched read). */
export const MAX_COURSES_SCANNED = 100;

export type Verdict = "valid" | "revoked" | "expired" | "burned" | "none";

export interface CredentialRecord {
  issuer: Address;
  issuedAt: bigint;
  /** Unix seconds, 0 = never. */
  expiresAt: bigint;
  /** Basis points (10000 = 100%). */
  score: number;
}

export interface ChainCredential {
  id: bigint;
  holder: Address;
  courseId: bigint;
  verdict: Verdict;
  /** What `isValid(id)` answered. */
  isValid: boolean;
  /** Absent for "none"; for "burned", read from its `Issued` event. */
  record?: CredentialRecord;
  revocation?: { revoker: Address; reason: string; at: bigint; transactionHash: Hex };
  burnedAt?: bigint;
  /** The course's pass mark (basis points) and package, from ProofOfKnowledge. */
  course?: { minScore: number; contentCid: string };
  chainId: number;
  contract: Address;
  /** The block every read was made at, and its time. */
  blockNumber: bigint;
  blockTime: bigint;
}

/** The holder and course a credential id encodes: `uint256(uint160(learner)) << 96 | courseId`. */
export function decodeCredentialId(id: bigint): { holder: Address; courseId: bigint } {
  return {
    holder: getAddress(`0x${(id >> COURSE_BITS).toString(16).padStart(40, "0")}`),
    courseId: id & COURSE_MASK,
  };
}

/** A credential id as typed in a URL (a whole number below 2^256), or null. */
export function parseCredentialId(text: string): bigint | null {
  if (!/^[0-9]{1,78}$/.test(text)) return null;
  const id = BigInt(text);
  return id <= MAX_ID ? id : null;
}

const credentialContract = () => contractOf(manifest, "AzoraCredential");
const fromBlock = () => BigInt(manifest.contracts.AzoraCredential.blockNumber);

async function blockTimeOf(blockNumber: bigint): Promise<bigint> {
  return (await serverPublicClient().getBlock({ blockNumber })).timestamp;
}

/** The exact call a verifier makes with any client: `isValid(id)` on AzoraCredential. */
export function checkCall(id: bigint) {
  return {
    chainId: manifest.chainId,
    contract: credentialContract().address,
    signature: "isValid(uint256) returns (bool)",
    call: `isValid(${id})`,
  };
}

/** A credential's verdict and record, read from the chain at one block. */
export async function readCredential(id: bigint): Promise<Result<ChainCredential>> {
  const contract = credentialContract();
  const client = serverPublicClient();
  const { holder, courseId } = decodeCredentialId(id);
  try {
    const block = await client.getBlock({ blockTag: "latest" });
    const blockNumber = block.number;
    const at = { blockNumber } as const;
    const base = {
      id,
      holder,
      courseId,
      chainId: manifest.chainId,
      contract: contract.address,
      blockNumber,
      blockTime: block.timestamp,
    };
    const [isValid, held] = await Promise.all([
      client.readContract({ ...contract, functionName: "isValid", args: [id], ...at }),
      client.readContract({ ...contract, functionName: "credentialOf", args: [holder, courseId], ...at }),
    ]);
    const course = await readCourse(courseId, blockNumber);
    if (held === id && id !== 0n) {
      const [issuer, issuedAt, expiresAt, score, revoked] = await Promise.all([
        client.readContract({ ...contract, functionName: "issuerOf", args: [id], ...at }),
        client.readContract({ ...contract, functionName: "issuedAt", args: [id], ...at }),
        client.readContract({ ...contract, functionName: "expiresAt", args: [id], ...at }),
        client.readContract({ ...contract, functionName: "scoreOf", args: [id], ...at }),
        client.readContract({ ...contract, functionName: "isRevoked", args: [id], ...at }),
      ]);
      const record = { issuer, issuedAt: BigInt(issuedAt), expiresAt: BigInt(expiresAt), score };
      const revocation = revoked ? await readRevocation(id, blockNumber) : undefined;
      const expired = record.expiresAt !== 0n && block.timestamp >= record.expiresAt;
      const verdict: Verdict = isValid ? "valid" : revoked ? "revoked" : expired ? "expired" : "none";
      return { ok: true, data: { ...base, verdict, isValid, record, revocation, course } };
    }
    // Not held: burned by its holder (a Transfer to address 0) or never issued.
    const burns = await client.getLogs({
      address: contract.address,
      event: getAbiItem({ abi: contract.abi, name: "Transfer" }),
      args: { from: holder, to: "0x0000000000000000000000000000000000000000", tokenId: id },
      fromBlock: fromBlock(),
      toBlock: blockNumber,
    });
    const burn = burns.at(-1);
    if (!burn || id === 0n) return { ok: true, data: { ...base, verdict: "none", isValid, course } };
    const issued = (
      await client.getLogs({
        address: contract.address,
        event: getAbiItem({ abi: contract.abi, name: "Issued" }),
        args: { id },
        fromBlock: fromBlock(),
        toBlock: blockNumber,
      })
    ).at(-1);
    const record =
      issued && issued.args.issuer !== undefined
        ? {
            issuer: issued.args.issuer,
            issuedAt: await blockTimeOf(issued.blockNumber),
            expiresAt: BigInt(issued.args.expiresAt ?? 0),
            score: issued.args.score ?? 0,
          }
        : undefined;
    return {
      ok: true,
      data: {
        ...base,
        verdict: "burned",
        isValid,
        record,
        revocation: await readRevocation(id, blockNumber),
        burnedAt: await blockTimeOf(burn.blockNumber),
        course,
      },
    };
  } catch (error) {
    return { ok: false, source: "chain", kind: chainErrorKind(error) };
  }
}

async function readCourse(courseId: bigint, blockNumber: bigint): Promise<ChainCredential["course"]> {
  try {
    const course = await serverPublicClient().readContract({
      ...contractOf(manifest, "ProofOfKnowledge"),
      functionName: "course",
      args: [courseId],
      blockNumber,
    });
    return course.contentCid ? { minScore: course.minScore, contentCid: course.contentCid } : undefined;
  } catch (error) {
    // An unknown course reverts; an unreachable chain does not hide behind it.
    if (chainErrorKind(error) === "unreachable") throw error;
    return undefined;
  }
}

/** The latest `Revoked` event of `id`: who, why, when (the chain keeps the reason only there). */
async function readRevocation(id: bigint, blockNumber: bigint): Promise<ChainCredential["revocation"]> {
  const contract = credentialContract();
  const logs = await serverPublicClient().getLogs({
    address: contract.address,
    event: getAbiItem({ abi: contract.abi, name: "Revoked" }),
    args: { id },
    fromBlock: fromBlock(),
    toBlock: blockNumber,
  });
  const log = logs.at(-1);
  if (!log || !log.args.revoker) return undefined;
  return {
    revoker: log.args.revoker,
    reason: log.args.reason ?? "",
    at: await blockTimeOf(log.blockNumber),
    transactionHash: log.transactionHash,
  };
}

export interface HeldCredential {
  id: bigint;
  courseId: bigint;
  verdict: Verdict;
  /** The course package's CID (ProofOfKnowledge), for its title. */
  contentCid: string;
}

/**
 * Every credential `holder` holds, with its verdict, from the chain: `credentialOf(holder, c)` for
 * every registered course (at most MAX_COURSES_SCANNED, batched in one HTTP request).
 */
export async function readHeldCredentials(holder: Address): Promise<Result<HeldCredential[]>> {
  const contract = credentialContract();
  const client = serverPublicClient();
  try {
    const blockNumber = await client.getBlockNumber();
    const at = { blockNumber } as const;
    const count = await client.readContract({
      ...contractOf(manifest, "ProofOfKnowledge"),
      functionName: "courseCount",
      ...at,
    });
    const courseIds = Array.from({ length: Math.min(Number(count), MAX_COURSES_SCANNED) }, (_, i) =>
      BigInt(i + 1),
    );
    const ids = await Promise.all(
      courseIds.map((courseId) =>
        client.readContract({ ...contract, functionName: "credentialOf", args: [holder, courseId], ...at }),
      ),
    );
    const held = ids.filter((id) => id !== 0n);
    const rows = await Promise.all(
      held.map(async (id): Promise<HeldCredential> => {
        const { courseId } = decodeCredentialId(id);
        const [valid, revoked, expiresAt, course] = await Promise.all([
          client.readContract({ ...contract, functionName: "isValid", args: [id], ...at }),
          client.readContract({ ...contract, functionName: "isRevoked", args: [id], ...at }),
          client.readContract({ ...contract, functionName: "expiresAt", args: [id], ...at }),
          client.readContract({
            ...contractOf(manifest, "ProofOfKnowledge"),
            functionName: "course",
            args: [courseId],
            ...at,
          }),
        ]);
        const verdict: Verdict = valid ? "valid" : revoked ? "revoked" : expiresAt !== 0 ? "expired" : "none";
        return { id, courseId, verdict, contentCid: course.contentCid };
      }),
    );
    return { ok: true, data: rows };
  } catch (error) {
    return { ok: false, source: "chain", kind: chainErrorKind(error) };
  }
}
