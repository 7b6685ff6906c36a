import { FsBlockstore } from "blockstore-fs";
import { importBytes, importTree } from "./cid";
import { readAll } from "./dag";
import { toContentError } from "./errors";
import { withReads } from "./store";
import type { ContentStore } from "./store";

/**
 * The default store: blocks as files under `directory` (one file per block, written atomically,
 * so the app, the seed and the CLI can share it). In-process: no daemon, no network.
 */
export async function openEmbeddedStore(directory: string): Promise<ContentStore> {
  const blockstore = new FsBlockstore(directory);
  await blockstore.open();
  return withReads({
    kind: "embedded",
    addBytes: (bytes) => importBytes(bytes, blockstore),
    addTree: (entries) => importTree(entries, blockstore),
    async getBlock(cid, options) {
      try {
        return await readAll(blockstore.get(cid, options));
      } catch (error) {
        throw toContentError(error, `block ${cid}`);
      }
    },
    has: (cid, options) => blockstore.has(cid, options),
    close: () => blockstore.close(),
  });
}
