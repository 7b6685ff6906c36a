import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies } from "../content/rate-limit";

const installed = globalThis as { azoraClientAddress?: boolean };

/**
 * Stamps every request this Node process serves with the client's address
 * (`CLIENT_ADDRESS_HEADER`), from the socket and `AZORA_TRUSTED_PROXIES`, before any route sees
 * it: Node publishes `http.server.request.start` before the server's `request` event. A value
 * the caller sent in that header is overwritten. Route handlers read it with `clientOf`.
 */
export function stampClientAddresses(trusted = parseTrustedProxies(process.env.AZORA_TRUSTED_PROXIES)): void {
  if (installed.azoraClientAddress) return;
  installed.azoraClientAddress = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const client = clientAddress(socket.remoteAddress, request.headers["x-forwarded-for"], trusted);
    request.headers[CLIENT_ADDRESS_HEADER] = client;
    // The raw list too (some adapters build their headers from it): the caller's value dropped.
    const raw = request.rawHeaders;
    for (let i = raw.length - 2; i >= 0; i -= 2) {
      if (raw[i]?.toLowerCase() === CLIENT_ADDRESS_HEADER) raw.splice(i, 2);
    }
    raw.push(CLIENT_ADDRESS_HEADER, client);
  });
}
