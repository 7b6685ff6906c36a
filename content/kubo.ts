import { BlackHoleBlockstore } from "blockstore-core/black-hole";
import all from "it-all";
import { create } from "kubo-rpc-client";
import type { AddOptions } from "kubo-rpc-client";
import type { CID } from "multiformats/cid";
import { CID_SETTINGS, importBytes, importTree } from "./cid";
import type { TreeEntry } from "./cid";
import type { ReadOptions } from "./dag";
import { toContentError } from "./errors";
import { withReads } from "./store";
import type { ContentStore } from "./store";

/** The longest one RPC call for a block may take (Kubo may be searching the network for it). */
const BLOCK_CALL_TIMEOUT_MS = 60_000;

/**
 * `ipfs add` options equal to `CID_SETTINGS`. `max-file-links` has no typed field in
 * kubo-rpc-client, which forwards unknown options as query parameters (Kubo ≥ 0.35 reads it;
 * older Kubo always used 174).
 */
export function kuboAddOptions(): AddOptions {
  const options = {
    cidVersion: CID_SETTINGS.cidVersion,
    rawLeaves: CID_SETTINGS.rawLeaves,
    chunker: `size-${CID_SETTINGS.chunkSize}`,
    hashAlg: CID_SETTINGS.hash,
    trickle: false,
    pin: true,
    "max-file-links": CID_SETTINGS.maxLinksPerNode,
  };
  return options;
}

/**
 * A Kubo node over its RPC API (`IPFS_API_URL`, e.g. http://127.0.0.1:5001). Uses `add`,
 * `block/get` and `block/stat`. Every add is also hashed locally and the two CIDs compared, so a
 * node whose import settings differ fails loudly instead of publishing CIDs nobody else gets.
 */
export function openKuboStore(apiUrl: string): ContentStore {
  const kubo = create({ url: apiUrl });
  const hashOnly = new BlackHoleBlockstore();
  const call = (options?: ReadOptions) => ({
    signal: AbortSignal.any([
      AbortSignal.timeout(BLOCK_CALL_TIMEOUT_MS),
      ...(options?.signal ? [options.signal] : []),
    ]),
  });

  return withReads({
    kind: "kubo",
    async addBytes(bytes) {
      const [expected, added] = await Promise.all([
        importBytes(bytes, hashOnly),
        kubo.add(bytes, kuboAddOptions()),
      ]);
      return sameCid(expected, added.cid);
    },
    async addTree(entries) {
      const expected = await importTree(entries, hashOnly);
      const added = await all(
        kubo.addAll(depthFirst(entries), { ...kuboAddOptions(), wrapWithDirectory: true }),
      );
      const root = added.find((entry) => entry.path === "");
      if (!root) throw new Error(`the Kubo node at ${apiUrl} did not return the wrapping directory`);
      return sameCid(expected, root.cid);
    },
    async getBlock(cid, options) {
      try {
        return await kubo.block.get(cid, call(options));
      } catch (error) {
        throw toContentError(error, `block ${cid}`);
      }
    },
    async has(cid, options) {
      // `offline`: answer from the node's own blocks, without searching the network.
      const offline = { ...call(options), offline: true };
      try {
        await kubo.block.stat(cid, offline);
        return true;
      } catch (error) {
        if (error instanceof Error && /not found/i.test(error.message)) return false;
        throw toContentError(error, `block ${cid}`);
      }
    },
    close: async () => {},
  });

  function sameCid(expected: CID, got: CID): CID {
    if (!got.equals(expected)) {
      throw new Error(
        `the Kubo node at ${apiUrl} gave ${got} where Azora's CID settings give ${expected}: ` +
          "check that it runs Kubo ≥ 0.35 with the default Import settings",
      );
    }
    return got;
  }
}

/**
 * The tree as Kubo's multipart reader walks it: every directory named before its children, the
 * children of a directory together (paths ordered segment by segment).
 */
function depthFirst(entries: readonly TreeEntry[]): TreeEntry[] {
  const byPath = new Map<string, TreeEntry>();
  for (const entry of entries) {
    const segments = entry.path.split("/");
    for (let i = 1; i < segments.length; i++) {
      const dir = segments.slice(0, i).join("/");
      if (!byPath.has(dir)) byPath.set(dir, { path: dir });
    }
    byPath.set(entry.path, entry);
  }
  return [...byPath.values()].sort((a, b) => compareSegments(a.path.split("/"), b.path.split("/")));
}

function compareSegments(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x = "", y = ""] = [a[i], b[i]];
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
