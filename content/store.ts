import type { CID } from "multiformats/cid";
import type { TreeEntry } from "./cid";
import * as dag from "./dag";
import type { BlockReader, ContentStat, ReadOptions } from "./dag";
import { parseContentRef } from "./ref";

/**
 * Where Azora keeps content (course packages, job briefs, proposal texts, credential metadata).
 * Two adapters: embedded (a block directory on disk, the default) and Kubo (an IPFS node's RPC
 * API). Both give the same CIDs, from `CID_SETTINGS`.
 */
export interface ContentStore extends BlockReader {
  readonly kind: "embedded" | "kubo";
  /** Adds one file; returns its CID (a `raw` CID up to 256 KiB, a UnixFS DAG above). */
  addBytes(bytes: Uint8Array): Promise<CID>;
  /** Adds files at relative paths (`lessons/01.md`) as one directory; returns the directory's CID. */
  addTree(entries: readonly TreeEntry[]): Promise<CID>;
  /** The bytes of the file at `<cid>[/path]`. */
  cat(ref: string | CID, options?: ReadOptions): AsyncIterable<Uint8Array>;
  /** Type, size, and the number and bytes of the blocks under `<cid>[/path]`. */
  stat(ref: string | CID, options?: ReadOptions): Promise<ContentStat>;
  /** Whether the store holds the block of `cid` itself (without asking the network). */
  has(cid: CID, options?: ReadOptions): Promise<boolean>;
  close(): Promise<void>;
}

/** What an adapter implements; reads by path come from the blocks, the same way for both. */
export type StoreAdapter = Omit<ContentStore, "cat" | "stat">;

export function withReads(adapter: StoreAdapter): ContentStore {
  return {
    ...adapter,
    async *cat(ref, options) {
      yield* dag.cat(adapter, parseContentRef(ref), options);
    },
    stat: async (ref, options) => dag.stat(adapter, parseContentRef(ref), options),
  };
}
