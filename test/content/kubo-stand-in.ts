import { MemoryBlockstore } from "blockstore-core/memory";
import { CID } from "multiformats/cid";
import { importBytes, importTree } from "../../content/cid";
import type { CidSettings, TreeEntry } from "../../content/cid";
import { readAll } from "../../content/dag";
import { serve } from "./support";

/**
 * No Kubo daemon can run here (no IPFS binary can be installed: Kubo's npm installers download
 * one), so the Kubo adapter is tested against this stand-in: the smallest HTTP server that speaks
 * the three RPC calls the adapter makes, the way Kubo does.
 * - `POST /api/v0/add`: Kubo's multipart body; imports with the options in the query, defaulting
 *   as Kubo does (`cid-version` 0, `raw-leaves` = CIDv1, `size-262144`, `max-file-links` 174),
 *   so an option the adapter forgets changes the CID; answers ndjson `{Name, Hash, Size}`.
 * - `POST /api/v0/block/get?arg=<cid>`: the block; a block it lacks is searched for (the request
 *   hangs until the client gives up), as an online Kubo does.
 * - `POST /api/v0/block/stat?arg=<cid>&offline=true`: `{Key, Size}`, or Kubo's error when absent.
 * Blocks live in memory; the query of every call is kept in `calls`.
 */
export async function startKuboStandIn() {
  const blocks = new MemoryBlockstore();
  const calls: { endpoint: string; query: URLSearchParams }[] = [];

  const server = await serve(async (request) => {
    const url = new URL(request.url);
    const endpoint = url.pathname.replace(/^\/api\/v0\//, "");
    calls.push({ endpoint, query: url.searchParams });
    if (request.method !== "POST") return kuboError(405, `${request.method} is not allowed`);
    if (endpoint === "add") return add(url.searchParams, await request.formData());
    const arg = url.searchParams.get("arg") ?? "";
    const cid = CID.parse(arg);
    const present = await blocks.has(cid);
    if (endpoint === "block/get") {
      if (present) return new Response(await readAll(blocks.get(cid)));
      return searchTheNetwork(request.signal);
    }
    if (endpoint === "block/stat") {
      if (present) return Response.json({ Key: arg, Size: (await readAll(blocks.get(cid))).length });
      if (url.searchParams.get("offline") === "true") {
        return kuboError(500, `block was not found locally (offline): ipld: could not find ${arg}`);
      }
      return searchTheNetwork(request.signal);
    }
    return new Response("404 page not found", { status: 404 });
  });

  async function add(query: URLSearchParams, form: FormData): Promise<Response> {
    const settings = settingsOf(query);
    const entries: TreeEntry[] = [];
    for (const part of form.values()) {
      if (typeof part === "string") return kuboError(400, "expected file parts");
      const path = decodeURIComponent(part.name);
      entries.push(
        part.type === "application/x-directory"
          ? { path }
          : { path, content: new Uint8Array(await part.arrayBuffer()) },
      );
    }
    const [single] = entries;
    const wrap = query.get("wrap-with-directory") === "true";
    if (!wrap && entries.length === 1 && single?.content) {
      const cid = await importBytes(single.content, blocks, settings);
      return ndjson([
        { Name: single.path || String(cid), Hash: String(cid), Size: String(single.content.length) },
      ]);
    }
    if (!wrap) return kuboError(400, "this stand-in only adds several files with wrap-with-directory");
    const root = await importTree(entries, blocks, settings);
    return ndjson([{ Name: "", Hash: String(root), Size: "0" }]);
  }

  return { url: server.url, calls, close: server.close };
}

function settingsOf(query: URLSearchParams): CidSettings {
  const cidVersion = query.get("cid-version") === "1" ? 1 : 0;
  const chunker = /^size-(\d+)$/.exec(query.get("chunker") ?? "size-262144");
  if (!chunker?.[1])
    throw new Error(`this stand-in only knows size-<n> chunkers, not ${query.get("chunker")}`);
  if ((query.get("hash") ?? "sha2-256") !== "sha2-256") throw new Error("this stand-in only knows sha2-256");
  if (query.get("trickle") === "true") throw new Error("this stand-in only builds balanced DAGs");
  return {
    cidVersion,
    rawLeaves: (query.get("raw-leaves") ?? String(cidVersion === 1)) === "true",
    chunkSize: Number(chunker[1]),
    maxLinksPerNode: Number(query.get("max-file-links") ?? 174),
    hash: "sha2-256",
  };
}

function ndjson(lines: object[]): Response {
  return new Response(lines.map((line) => `${JSON.stringify(line)}\n`).join(""), {
    headers: { "content-type": "application/json", "x-stream-output": "1" },
  });
}

function kuboError(status: number, message: string): Response {
  return Response.json({ Message: message, Code: 0, Type: "error" }, { status });
}

/** An online Kubo looks for a missing block among its peers until the caller gives up. */
async function searchTheNetwork(signal: AbortSignal): Promise<Response> {
  await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
  return kuboError(500, "context canceled");
}
