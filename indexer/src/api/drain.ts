import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";

/** The most of an unread request body the server reads (and drops) so that its answer arrives. */
export const MAX_DRAINED_BYTES = 16 * 1024 * 1024;

const installed = globalThis as { azoraIndexerDrain?: boolean };

/**
 * Ponder's server (@hono/node-server) destroys a request whose body has not ended just after the
 * response closes: a client still sending a body no route reads (a DELETE or an OPTIONS with a
 * MiB, a PUT /graphql) saw its connection reset instead of the answer. Its CORS middleware answers
 * every OPTIONS before this API's code runs, so the fix is at the Node server: a response whose
 * request body is still arriving ends only after that body has been read and dropped (up to
 * `MAX_DRAINED_BYTES`; beyond, the request is destroyed as before). Node publishes
 * `http.server.request.start` for each request before the server's `request` event.
 */
export function answerAfterUnreadBodies(): void {
  if (installed.azoraIndexerDrain) return;
  installed.azoraIndexerDrain = true;
  subscribe("http.server.request.start", (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    response.end = ((...args: unknown[]) => {
      if (request.complete || request.destroyed) return end(...args);
      let read = 0;
      request.on("data", (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_DRAINED_BYTES) request.destroy();
      });
      request.once("end", () => end(...args));
      request.once("close", () => {
        if (!response.writableEnded) end(...args);
      });
      request.resume();
      return response;
    }) as ServerResponse["end"];
  });
}
