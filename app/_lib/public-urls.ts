/** Where the browser reaches the chain and the indexer: public URLs only, or none. */
export interface RuntimeConfig {
  /** null when no URL is safe to publish (then wallet pages read through the connected wallet). */
  rpcUrl: string | null;
  indexerUrl: string | null;
}

/** The variables read (process.env by default). */
type Env = Record<string, string | undefined>;

const LOCAL_RPC = "http://127.0.0.1:8545";
const LOCAL_INDEXER = "http://127.0.0.1:42069";

/**
 * Whether a URL can be shown to browsers: no user or password, no query string, and no path
 * segment that looks like an API key (16+ letters, digits, `-` or `_`, as in `/v2/<key>`). A
 * provider URL with a key is private: set `PUBLIC_RPC_URL` to a keyless one for browsers.
 */
export function isPublishableUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  return !url.pathname.split("/").some((segment) => /^[A-Za-z0-9_-]{16,}$/.test(segment));
}

/** The server's own URLs (may carry keys: never send them to a browser or print them in a page). */
export function serverUrls(env: Env = process.env) {
  return {
    rpcUrl: env.RPC_URL ?? LOCAL_RPC,
    indexerUrl: (env.INDEXER_URL ?? LOCAL_INDEXER).replace(/\/+$/, ""),
  };
}

/** `PUBLIC_<name>` when set, else the server's URL when it is safe to publish, else null. */
function publicUrl(explicit: string | undefined, server: string): string | null {
  if (explicit) return explicit.replace(/\/+$/, "");
  return isPublishableUrl(server) ? server.replace(/\/+$/, "") : null;
}

/** The browser's URLs, computed from the environment (pure: for tests and the layouts). */
export function publicRuntimeConfig(env: Env = process.env): RuntimeConfig {
  const server = serverUrls(env);
  return {
    rpcUrl: publicUrl(env.PUBLIC_RPC_URL, server.rpcUrl),
    indexerUrl: publicUrl(env.PUBLIC_INDEXER_URL, server.indexerUrl),
  };
}
