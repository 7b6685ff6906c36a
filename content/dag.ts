import * as dagPb from "@ipld/dag-pb";
import { exporter } from "ipfs-unixfs-exporter";
import all from "it-all";
import type { UnixFSEntry } from "ipfs-unixfs-exporter";
import type { CID } from "multiformats/cid";
import { InvalidContentRefError, toContentError } from "./errors";
import { formatContentRef } from "./ref";
import type { ContentRef } from "./ref";

// Reading UnixFS content out of anything that hands out blocks by CID: the two stores, and the
// browser's set of verified blocks. No Node built-ins here: the browser reader uses it too.

export interface ReadOptions {
  signal?: AbortSignal;
}

export interface BlockReader {
  /** The bytes of one block; throws `ContentNotFoundError` or `ContentTimeoutError`. */
  getBlock(cid: CID, options?: ReadOptions): Promise<Uint8Array>;
}

export type ContentStat =
  | { cid: CID; type: "file"; size: number; blocks: number; dagSize: number }
  | { cid: CID; type: "directory"; entries: number; blocks: number; dagSize: number };

export interface DirectoryListing {
  cid: string;
  type: "directory";
  entries: { name: string; cid: string; type: "file" | "directory"; size: number }[];
}

/** The UnixFS entry a reference names (loading the blocks along its path). */
export async function resolve(
  blocks: BlockReader,
  ref: ContentRef,
  options?: ReadOptions,
): Promise<UnixFSEntry> {
  const name = formatContentRef(ref);
  try {
    return await exporter(name, asBlockstore(blocks), options);
  } catch (error) {
    throw toContentError(error, name);
  }
}

export type FileEntry = Extract<UnixFSEntry, { type: "file" | "raw" | "identity" }>;

export function isFile(entry: UnixFSEntry): entry is FileEntry {
  return entry.type === "file" || entry.type === "raw" || entry.type === "identity";
}

/** The bytes of the file a reference names, as they are read. */
export async function* cat(blocks: BlockReader, ref: ContentRef, options?: ReadOptions) {
  const entry = await resolve(blocks, ref, options);
  if (!isFile(entry)) throw notAFile(ref, entry);
  yield* fileContent(entry, options);
}

/**
 * A file entry's bytes, reading a few blocks ahead (not all of a layer at once: each read in
 * flight listens on the signal, and a file's layer has up to 174 blocks).
 */
export function fileContent(entry: FileEntry, options?: ReadOptions): AsyncGenerator<Uint8Array> {
  return entry.content({ ...options, blockReadConcurrency: 8 });
}

/** What a reference names, with the blocks and bytes of its whole DAG. */
export async function stat(
  blocks: BlockReader,
  ref: ContentRef,
  options?: ReadOptions,
): Promise<ContentStat> {
  const entry = await resolve(blocks, ref, options);
  let count = 0;
  let dagSize = 0;
  for await (const block of walkDag(blocks, entry.cid, options)) {
    count++;
    dagSize += block.bytes.length;
  }
  if (isFile(entry))
    return { cid: entry.cid, type: "file", size: Number(entry.size), blocks: count, dagSize };
  if (entry.type !== "directory") throw notAFile(ref, entry);
  const entries = (await all(entry.entries(options))).length;
  return { cid: entry.cid, type: "directory", entries, blocks: count, dagSize };
}

/** The entries of a directory, each with its type and DAG size (bytes to fetch). */
export async function listDirectory(
  blocks: BlockReader,
  directory: Extract<UnixFSEntry, { type: "directory" }>,
  options?: ReadOptions,
): Promise<DirectoryListing> {
  const entries: DirectoryListing["entries"] = [];
  for await (const { name, cid, size } of directory.entries(options)) {
    const child = await resolve(blocks, { cid, path: [] }, options);
    entries.push({
      name,
      cid: cid.toString(),
      type: isFile(child) ? "file" : "directory",
      size: Number(size),
    });
  }
  return { cid: directory.cid.toString(), type: "directory", entries };
}

/** Every block of the DAG under `root`, once each, depth-first in link order (a CAR's `order=dfs`). */
export async function* walkDag(blocks: BlockReader, root: CID, options?: ReadOptions) {
  const seen = new Set<string>();
  const stack = [root];
  for (let cid = stack.pop(); cid; cid = stack.pop()) {
    if (seen.has(cid.toString())) continue;
    seen.add(cid.toString());
    const bytes = await blocks.getBlock(cid, options);
    yield { cid, bytes };
    if (cid.code === dagPb.code)
      stack.push(
        ...dagPb
          .decode(bytes)
          .Links.map((link) => link.Hash)
          .reverse(),
      );
  }
}

/** A block reader in the shape the UnixFS exporter reads from. */
export function asBlockstore(blocks: BlockReader) {
  return {
    async *get(cid: CID, options?: ReadOptions) {
      yield await blocks.getBlock(cid, options);
    },
  };
}

function notAFile(ref: ContentRef, entry: UnixFSEntry): InvalidContentRefError {
  const what = entry.type === "directory" ? "a directory" : "not UnixFS content";
  return new InvalidContentRefError(`${formatContentRef(ref)} is ${what}, not a file`);
}

/** The chunks of a stream, joined (into a new buffer). */
export async function readAll(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const part of chunks) {
    parts.push(part);
    length += part.length;
  }
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
