import { createCipheriv, createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** A new temporary directory; `remove()` deletes it. */
export async function tempDir(prefix = "azora-content-") {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * In the suite that calls it: a new temporary directory before its tests (before each test when
 * `each`), deleted after them. The object it returns is filled in by that hook.
 */
export function useTempDir({ each = false, prefix }: { each?: boolean; prefix?: string } = {}) {
  // Empty until the hook has run: nothing reads it before (mocha runs the hooks first).
  const temp = {} as Awaited<ReturnType<typeof tempDir>>;
  (each ? beforeEach : before)(async function () {
    Object.assign(temp, await tempDir(prefix));
  });
  (each ? afterEach : after)(async function () {
    await temp.remove();
  });
  return temp;
}

export type Handler = (request: Request) => Promise<Response>;

/**
 * Serves a fetch-style handler over real HTTP on a free 127.0.0.1 port. The request's signal
 * aborts when the client goes away, as under Next.js.
 */
export async function serve(handler: Handler): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => void respond(handler, req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function respond(handler: Handler, req: IncomingMessage, res: ServerResponse) {
  const gone = new AbortController();
  res.on("close", () => gone.abort());
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    headers.append(req.rawHeaders[i] ?? "", req.rawHeaders[i + 1] ?? "");
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  try {
    const response = await handler(
      new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
        duplex: "half",
        signal: gone.signal,
      } as RequestInit),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body) {
      Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>)
        .on("error", (error) => res.destroy(error))
        .pipe(res);
    } else res.end();
  } catch (error) {
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * Kubo's deterministic test data (kubo test/cli/testutils DeterministicRandomReader): the
 * ChaCha20 keystream under key sha256(seed) and a zero nonce, `size` bytes, in 1 MiB pieces.
 */
export function* kuboDeterministicBytes(size: number, seed: string): Generator<Uint8Array> {
  const cipher = createCipheriv("chacha20", createHash("sha256").update(seed).digest(), Buffer.alloc(16));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let left = size; left > 0; left -= zeros.length) {
    yield new Uint8Array(cipher.update(zeros.subarray(0, Math.min(left, zeros.length))));
  }
}

/** `length` bytes of a fixed pattern (i mod 251, so no two 256 KiB chunks are equal). */
export function patternBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = i % 251;
  return bytes;
}
