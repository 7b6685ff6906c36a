import { CarBlockIterator } from "@ipld/car/iterator";
import { exporter } from "ipfs-unixfs-exporter";
import { base32 } from "multiformats/bases/base32";
import { equals } from "multiformats/bytes";
import type { CID } from "multiformats/cid";
import { identity } from "multiformats/hashes/identity";
import { sha256 } from "multiformats/hashes/sha2";
import { asBlockstore, fileContent, isFile, readAll } from "./dag";
import { InvalidContentRefError } from "./errors";
import type { BlockReader } from "./dag";
import { formatContentRef, parseContentRef } from "./ref";
import type { ContentRef } from "./ref";

// Reads content by CID in the browser without trusting the gateway: client-safe (Web APIs only;
// multiformats hashes with WebCrypto, which browsers offer on https and on localhost).

export type VerifiedFetchFailure = "not-found" | "tampered" | "timeout" | "invalid" | "unavailable";

export class VerifiedFetchError extends Error {
  override name = "VerifiedFetchError";
  constructor(
    /** not-found: no such content · tampered: the gateway's blocks do not match the CID ·
     * timeout · invalid: not a CID, or not a file · unavailable: the gateway failed */
    readonly reason: VerifiedFetchFailure,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface VerifiedFetchOptions {
  /** Base URL of the trustless gateway; by default the page's own origin (`/ipfs/…`). */
  gateway?: string;
  /** Give up after this long (default 20 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/**
 * The bytes of the file at `<cid>[/path]`, fetched as a CAR from a trustless gateway and checked:
 * every block must hash to its CID, and the file is rebuilt only from blocks reached by links
 * from the requested CID. Whatever the gateway sends, this returns the content the CID names or
 * throws a `VerifiedFetchError`.
 */
export async function fetchVerified(ref: string, options: VerifiedFetchOptions = {}): Promise<Uint8Array> {
  const signal = AbortSignal.any([
    AbortSignal.timeout(options.timeoutMs ?? 20_000),
    ...(options.signal ? [options.signal] : []),
  ]);
  try {
    if (!globalThis.crypto?.subtle) {
      throw new VerifiedFetchError(
        "unavailable",
        "this page cannot check hashes: WebCrypto needs https or localhost",
      );
    }
    const target = parseContentRef(ref);
    const blocks = await fetchCar(target, options, signal);
    const entry = await exporter(formatContentRef(target), asBlockstore(blocks), { signal });
    if (!isFile(entry)) throw new VerifiedFetchError("invalid", `${ref} is a directory, not a file`);
    return await readAll(fileContent(entry, { signal }));
  } catch (error) {
    throw asFailure(error, ref, signal);
  }
}

async function fetchCar(target: ContentRef, options: VerifiedFetchOptions, signal: AbortSignal) {
  const path = [target.cid.toString(), ...target.path.map(encodeURIComponent)].join("/");
  const response = await (options.fetch ?? fetch)(`${options.gateway ?? ""}/ipfs/${path}?format=car`, {
    headers: { accept: "application/vnd.ipld.car" },
    signal,
  });
  if (response.status === 404)
    throw new VerifiedFetchError("not-found", `${formatContentRef(target)} was not found`);
  if (!response.ok) {
    const reason = response.status === 400 ? "invalid" : response.status === 504 ? "timeout" : "unavailable";
    throw new VerifiedFetchError(
      reason,
      `the gateway answered ${response.status}: ${(await response.text()).trim()}`,
    );
  }
  return verifiedBlocks(new Uint8Array(await response.arrayBuffer()), target.cid);
}

/** The CAR's blocks, each checked against its CID; a block the CAR lacks is a tampered answer. */
async function verifiedBlocks(car: Uint8Array, root: CID): Promise<BlockReader> {
  const blocks = new Map<string, Uint8Array>();
  const key = (cid: CID) => base32.encode(cid.multihash.bytes);
  let roots: CID[];
  try {
    const iterator = await CarBlockIterator.fromBytes(car);
    roots = await iterator.getRoots();
    for await (const { cid, bytes } of iterator) {
      if (!equals(await digestOf(cid, bytes), cid.multihash.digest))
        throw tampered(`block ${cid} does not match its CID`);
      blocks.set(key(cid), bytes);
    }
  } catch (error) {
    throw error instanceof VerifiedFetchError ? error : tampered("the gateway sent a malformed CAR", error);
  }
  if (!roots.some((cid) => cid.equals(root))) throw tampered(`the gateway's CAR is not rooted at ${root}`);
  return {
    async getBlock(cid) {
      const bytes = blocks.get(key(cid));
      if (!bytes) throw tampered(`the gateway left out block ${cid}`);
      return bytes;
    },
  };
}

async function digestOf(cid: CID, bytes: Uint8Array): Promise<Uint8Array> {
  if (cid.multihash.code === sha256.code) return (await sha256.digest(bytes)).digest;
  if (cid.multihash.code === identity.code) return bytes;
  throw tampered(`block ${cid} uses a hash function this reader does not check`);
}

function tampered(message: string, cause?: unknown): VerifiedFetchError {
  return new VerifiedFetchError("tampered", message, { cause });
}

function asFailure(error: unknown, ref: string, signal: AbortSignal): unknown {
  if (error instanceof VerifiedFetchError) return error;
  if (signal.aborted) {
    const timedOut = signal.reason instanceof Error && signal.reason.name === "TimeoutError";
    return timedOut
      ? new VerifiedFetchError("timeout", `${ref} did not arrive in time`, { cause: error })
      : error;
  }
  if (error instanceof InvalidContentRefError) return new VerifiedFetchError("invalid", error.message);
  if (error instanceof Error && error.name === "NotFoundError") {
    return new VerifiedFetchError("not-found", `${ref} was not found`, { cause: error });
  }
  if (error instanceof TypeError)
    return new VerifiedFetchError("unavailable", "the gateway is unreachable", { cause: error });
  return new VerifiedFetchError("invalid", `${ref} is not UnixFS content`, { cause: error });
}
