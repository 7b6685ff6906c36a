import path from "node:path";
import { openEmbeddedStore } from "./embedded";
import { openKuboStore } from "./kubo";
import type { ContentStore } from "./store";

/** Where the embedded store keeps its blocks unless `CONTENT_DIR` says otherwise (from the working directory). */
export const DEFAULT_CONTENT_DIR = ".azora/content";

/**
 * The store the environment selects: a Kubo node when `IPFS_API_URL` is set (its RPC API, e.g.
 * http://127.0.0.1:5001), else the embedded store in `CONTENT_DIR`.
 */
export async function openContentStore(
  env: Record<string, string | undefined> = process.env,
): Promise<ContentStore> {
  if (env.IPFS_API_URL) return openKuboStore(env.IPFS_API_URL);
  return openEmbeddedStore(path.resolve(env.CONTENT_DIR || DEFAULT_CONTENT_DIR));
}

let shared: Promise<ContentStore> | undefined;

/** One store per server process, opened on first use (and again after a failed open). */
export function sharedContentStore(): Promise<ContentStore> {
  shared ??= openContentStore().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
