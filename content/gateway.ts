import { CarWriter } from "@ipld/car";
import { varint } from "multiformats";
import type { CID } from "multiformats/cid";
import { fileContent, isFile, listDirectory, readAll, resolve, walkDag } from "./dag";
import type { BlockReader, ReadOptions } from "./dag";
import { ContentNotFoundError, ContentTimeoutError, InvalidContentRefError, logFailure } from "./errors";
import { servedContentType } from "./media-types";
import { contentRefFromUrlPath, formatContentRef } from "./ref";

/**
 * A trustless IPFS gateway (https://specs.ipfs.tech/http-gateways/trustless-gateway/) over a
 * content store, for `GET /ipfs/<cid>[/path]`:
 * - a file, with its content type (from its name, else from its bytes);
 * - a directory, as a JSON listing `{ cid, type: "directory", entries: [{ name, cid, type, size }] }`;
 * - `?format=raw` or `Accept: application/vnd.ipld.raw`: the block of the CID the path names;
 * - `?format=car` or `Accept: application/vnd.ipld.car`: a CARv1 (root: the request's CID) with
 *   the blocks along the path, then the whole DAG below it, depth-first, once each.
 * Bad CID or path → 400, no such content → 404, the store too slow → 504 (after `timeoutMs`).
 * Content at a CID never changes: responses are cacheable forever, with the CID as ETag.
 */
export async function handleGatewayRequest(
  store: BlockReader,
  request: Request,
  { timeoutMs = 30_000 }: { timeoutMs?: number } = {},
): Promise<Response> {
  try {
    const url = new URL(request.url);
    const ref = contentRefFromUrlPath(url.pathname);
    const format = requestedFormat(url, request.headers);
    // Everything before the response starts must finish in time; a streamed body then only
    // stops when the client leaves (each block read is still bounded by the store).
    const beforeResponse = { signal: AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]) };
    const streaming = { signal: request.signal };
    const path = recordingBlocks(store);
    const entry = await resolve(path, ref, beforeResponse);
    const etag = `"${entry.cid}${format ? `.${format}` : ""}"`;
    const headers = {
      etag,
      "cache-control": IMMUTABLE,
      "x-ipfs-path": `/ipfs/${formatContentRef(ref)}`,
      ...SAFE,
    };
    if (matchesEtag(request.headers.get("if-none-match"), etag))
      return new Response(null, { status: 304, headers });

    if (format === "raw") {
      const block = new Uint8Array(await path.getBlock(entry.cid, beforeResponse));
      return new Response(block, { headers: { ...headers, "content-type": "application/vnd.ipld.raw" } });
    }
    if (format === "car") {
      const blocks = pathThenDag(path.fetched.values(), walkDag(store, entry.cid, streaming));
      return new Response(toStream(carBytes(ref.cid, blocks)), {
        headers: {
          ...headers,
          "content-type": "application/vnd.ipld.car; version=1; order=dfs; dups=n",
          "content-disposition": `attachment; filename="${entry.cid}.car"`,
        },
      });
    }
    if (entry.type === "directory") {
      return Response.json(await listDirectory(store, entry, beforeResponse), { headers });
    }
    if (!isFile(entry)) throw new InvalidContentRefError(`${formatContentRef(ref)} is not UnixFS content`);
    if (Number(entry.size) > READ_WHOLE_UP_TO) {
      const type = servedContentType(ref.path.at(-1));
      return new Response(toStream(fileContent(entry, streaming)), {
        headers: { ...headers, "content-type": type, "content-length": String(entry.size) },
      });
    }
    const bytes = await readAll(fileContent(entry, beforeResponse));
    return new Response(bytes, {
      headers: { ...headers, "content-type": servedContentType(ref.path.at(-1), bytes) },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

type Block = { cid: CID; bytes: Uint8Array };

const IMMUTABLE = "public, max-age=29030400, immutable";

/**
 * Content is anyone's, served from the app's own origin: never let the browser run it (an SVG's
 * script, an HTML page) or guess another type for it. Any origin may read it.
 */
const SAFE = {
  "content-security-policy": "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'",
  "x-content-type-options": "nosniff",
  "access-control-allow-origin": "*",
};

/** Files up to this size are read whole, so that the type can come from their bytes. */
const READ_WHOLE_UP_TO = 1024 * 1024;

function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  return ifNoneMatch?.split(/\s*,\s*/).includes(etag) ?? false;
}

function requestedFormat(url: URL, headers: Headers): "raw" | "car" | undefined {
  const format = url.searchParams.get("format");
  if (format === "raw" || format === "car") return format;
  if (format !== null) throw new InvalidContentRefError(`format must be "raw" or "car", not "${format}"`);
  const accept = headers.get("accept") ?? "";
  if (accept.includes("application/vnd.ipld.raw")) return "raw";
  if (accept.includes("application/vnd.ipld.car")) return "car";
  return undefined;
}

/** The store, remembering (in order) the blocks read through it: those along a path. */
function recordingBlocks(store: BlockReader) {
  const fetched = new Map<string, Block>();
  return {
    fetched,
    async getBlock(cid: CID, options?: ReadOptions) {
      const bytes = fetched.get(cid.toString())?.bytes ?? (await store.getBlock(cid, options));
      fetched.set(cid.toString(), { cid, bytes });
      return bytes;
    },
  };
}

/** The blocks along the path (which prove it), then the DAG under its target. */
async function* pathThenDag(path: Iterable<Block>, dag: AsyncIterable<Block>) {
  yield* path;
  yield* dag;
}

/** A CARv1: the header (from @ipld/car), then each block once as varint(length) · CID · bytes. */
async function* carBytes(root: CID, blocks: AsyncIterable<Block>) {
  const { writer, out } = CarWriter.create([root]);
  const [header] = await Promise.all([readAll(out), writer.close()]);
  yield header;
  const sent = new Set<string>();
  for await (const { cid, bytes } of blocks) {
    if (sent.has(cid.toString())) continue;
    sent.add(cid.toString());
    const length = cid.bytes.length + bytes.length;
    const prefix = new Uint8Array(varint.encodingLength(length));
    varint.encodeTo(length, prefix);
    yield prefix;
    yield cid.bytes;
    yield bytes;
  }
}

/** A response body from an async iterable; an error while reading it errors the stream. */
function toStream(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

function errorResponse(error: unknown): Response {
  const reply = (status: number, message: string) =>
    new Response(`${message}\n`, {
      status,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...SAFE },
    });
  if (error instanceof InvalidContentRefError) return reply(400, error.message);
  if (error instanceof ContentNotFoundError) return reply(404, error.message);
  if (error instanceof ContentTimeoutError) return reply(504, error.message);
  const reference = logFailure("gateway read", error);
  return reply(502, `the content store failed: try again later (reference ${reference})`);
}
