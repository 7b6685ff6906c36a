import { importer } from "ipfs-unixfs-importer";
import type { ImporterOptions, WritableStorage } from "ipfs-unixfs-importer";
import { fixedSize } from "ipfs-unixfs-importer/chunker";
import { balanced } from "ipfs-unixfs-importer/layout";
import type { CID } from "multiformats/cid";

/** The parameters that decide which CID a given content gets. */
export interface CidSettings {
  cidVersion: 0 | 1;
  /** Leaves are raw blocks (codec `raw`), not UnixFS protobufs. */
  rawLeaves: boolean;
  /** Files are cut into fixed-size chunks of this many bytes. */
  chunkSize: number;
  /** Balanced DAG: each node links at most this many children. */
  maxLinksPerNode: number;
  hash: "sha2-256";
}

/**
 * How Azora turns content into CIDs, in one place: exactly Kubo's `ipfs add --cid-version=1`
 * (CIDv1, raw leaves, fixed 256 KiB chunks, balanced layout, 174 links per node, sha2-256).
 * The embedded store hands it to the UnixFS importer and the Kubo store to `ipfs add`, so content
 * moves between the two without a CID changing.
 */
export const CID_SETTINGS: CidSettings = {
  cidVersion: 1,
  rawLeaves: true,
  chunkSize: 262_144,
  maxLinksPerNode: 174,
  hash: "sha2-256",
};

/** A file (with `content`) or an empty directory (without) at a relative path in a tree. */
export interface TreeEntry {
  path: string;
  content?: Uint8Array;
}

export function importerOptions(settings: CidSettings = CID_SETTINGS): ImporterOptions {
  return {
    cidVersion: settings.cidVersion,
    rawLeaves: settings.rawLeaves,
    chunker: fixedSize({ chunkSize: settings.chunkSize }),
    layout: balanced({ maxChildrenPerNode: settings.maxLinksPerNode }),
    reduceSingleLeafToSelf: true,
    // Kubo's directory defaults: a directory whose links pass 256 KiB becomes a 256-wide HAMT.
    shardSplitThresholdBytes: 262_144,
    shardSplitStrategy: "links-bytes",
    shardFanoutBits: 8,
  };
}

/** Imports one file's bytes into `blocks`; returns its CID. */
export async function importBytes(
  bytes: Uint8Array,
  blocks: WritableStorage,
  settings: CidSettings = CID_SETTINGS,
): Promise<CID> {
  return lastCid(importer([{ content: bytes }], blocks, importerOptions(settings)));
}

/** Imports a tree of files into `blocks`; returns the CID of the directory that holds them. */
export async function importTree(
  entries: readonly TreeEntry[],
  blocks: WritableStorage,
  settings: CidSettings = CID_SETTINGS,
): Promise<CID> {
  checkTree(entries);
  const candidates = entries.map(({ path, content }) => (content ? { path, content } : { path }));
  return lastCid(importer(candidates, blocks, { ...importerOptions(settings), wrapWithDirectory: true }));
}

/** Throws unless every path is relative, normalised, unique, and no file sits inside another file. */
function checkTree(entries: readonly TreeEntry[]): void {
  if (entries.length === 0) throw new InvalidTreeError("a directory needs at least one entry");
  const files = new Set<string>();
  const seen = new Set<string>();
  for (const { path, content } of entries) {
    const segments = path.split("/");
    if (segments.some((s) => s === "" || s === "." || s === "..")) {
      throw new InvalidTreeError(`"${path}" is not a relative path like "lessons/01-intro.md"`);
    }
    if (seen.has(path)) throw new InvalidTreeError(`"${path}" appears twice`);
    seen.add(path);
    if (content) files.add(path);
  }
  for (const path of seen) {
    const segments = path.split("/");
    for (let i = 1; i < segments.length; i++) {
      const parent = segments.slice(0, i).join("/");
      if (files.has(parent)) throw new InvalidTreeError(`"${path}" is inside "${parent}", which is a file`);
    }
  }
}

export class InvalidTreeError extends Error {
  override name = "InvalidTreeError";
}

async function lastCid(results: AsyncIterable<{ cid: CID }>): Promise<CID> {
  let root: CID | undefined;
  for await (const { cid } of results) root = cid;
  if (!root) throw new Error("the importer produced no blocks");
  return root;
}
