import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";

/**
 * The longest request target (path and query) the app serves. Next answers a path with `//` or a
 * trailing `/` with a 308 whose `Location` and `Refresh` headers both repeat the whole URL, before
 * any route or proxy runs: a URL of 10 KB became 20 KB of response headers, more than a Node
 * client (16 KiB) or a usual reverse proxy reads. No URL of the app comes near this.
 */
export const MAX_REQUEST_TARGET = 4096;

/** Methods a page (any path outside /api/) answers; the app has no Server Actions. */
const PAGE_METHODS = ["GET", "HEAD", "OPTIONS"];

/**
 * The answer the server gives before routing, or null when the framework routes the request: a
 * refusal with its `error`, or (for OPTIONS outside /api/) the methods the path answers.
 */
export function answerBeforeRouting(
  method: string,
  target: string,
): { status: 400 | 405 | 414; error: string } | { status: 204; allow: string } | null {
  if (target.length > MAX_REQUEST_TARGET) {
    return {
      status: 414,
      error: `the URL is ${target.length} characters long, and the most this server reads is ${MAX_REQUEST_TARGET}`,
    };
  }
  // Next fails on a path it cannot percent-decode with a 500 (a dynamic segment's DecodeError).
  const path = target.split("?", 1)[0] ?? "";
  try {
    decodeURIComponent(path);
  } catch {
    return {
      status: 400,
      error: 'the path is not valid percent-encoding: "%" starts two hex digits of UTF-8, e.g. %20',
    };
  }
  // Next reads a POST to a page as a Server Action form and answers a body that is not form data
  // with a 500. The app has none (its one form, the language switcher, posts to /api/locale).
  if (path.startsWith("/api/")) return null;
  // Next answers OPTIONS to a page with an empty 400; the answer is the methods a page takes.
  if (method === "OPTIONS") return { status: 204, allow: PAGE_METHODS.join(", ") };
  if (!PAGE_METHODS.includes(method)) {
    return { status: 405, error: `${method} is not answered here: pages are read with GET` };
  }
  return null;
}

const installed = globalThis as { azoraRequestTargets?: boolean };

/**
 * Refuses, in every HTTP server of this Node process, a request target that is too long (414) or
 * badly percent-encoded (400), and a POST (PUT, …) to a page (405), with `{ error }`, and answers
 * OPTIONS to a page (204 with `Allow`), before the framework routes it: the server's
 * `request` listeners are wrapped the first time it publishes `http.server.request.start`
 * (Node publishes it just before it emits `request`, so the first request is guarded too).
 */
export function guardRequestTargets(): void {
  if (installed.azoraRequestTargets) return;
  installed.azoraRequestTargets = true;
  const guarded = new WeakSet<Server>();
  subscribe("http.server.request.start", (message) => {
    const { server } = message as { server: Server };
    if (guarded.has(server)) return;
    guarded.add(server);
    for (const listener of server.listeners("request") as ((...args: unknown[]) => void)[]) {
      server.removeListener("request", listener);
      server.on("request", (request: IncomingMessage, response: ServerResponse) => {
        const answer = answerBeforeRouting(request.method ?? "GET", request.url ?? "/");
        if (!answer) return listener.call(server, request, response);
        if (answer.status === 204) {
          response.writeHead(204, { allow: answer.allow }).end();
          return;
        }
        response.writeHead(answer.status, {
          "content-type": "application/json",
          "cache-control": "no-store",
          ...(answer.status === 405 ? { allow: PAGE_METHODS.join(", ") } : {}),
        });
        response.end(JSON.stringify({ error: answer.error }));
      });
    }
  });
}
