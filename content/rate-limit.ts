/**
 * The request header that carries the client's address, as the server itself found it: the
 * socket's peer, or, when that peer is a configured trusted proxy, the hop that proxy forwarded
 * (see `clientAddress`). `server/client-address.ts` writes it on every request the Node server
 * receives, over any value the caller sent.
 */
export const CLIENT_ADDRESS_HEADER = "x-azora-client-address";

/** IPv4-mapped IPv6 (`::ffff:127.0.0.1`) as plain IPv4; trims spaces; `undefined` when empty. */
function normalizeAddress(address: string | undefined): string | undefined {
  const trimmed = address?.trim();
  if (!trimmed) return undefined;
  return trimmed.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").toLowerCase();
}

/** `AZORA_TRUSTED_PROXIES`: comma-separated addresses of the proxies in front of the server. */
export function parseTrustedProxies(value: string | undefined): string[] {
  return (value ?? "").split(",").flatMap((entry) => normalizeAddress(entry) ?? []);
}

/**
 * The client's address for rate limits and quotas: the socket's peer, unless that peer is one of
 * `trustedProxies`; then the last `X-Forwarded-For` hop it added, and so on leftwards while the
 * hop is itself trusted. With no trusted proxy (the default) the header is ignored entirely:
 * the caller sets it.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: readonly string[],
): string {
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",");
  let client = normalizeAddress(socketAddress) ?? "unknown";
  while (trustedProxies.includes(client)) {
    const next = normalizeAddress(hops.pop());
    if (next === undefined) break;
    client = next;
  }
  return client;
}

/**
 * The key that identifies a client for rate limits: the address the server stamped on the
 * request (`CLIENT_ADDRESS_HEADER`), or "unknown" for a request that did not come through the
 * Node server (an in-process caller).
 */
export function clientOf(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
}

export interface RateLimit {
  /** Requests allowed at once (the bucket's size). */
  burst: number;
  /** Requests regained per minute (the bucket's refill). */
  perMinute: number;
}

/** Buckets kept before full ones (idle clients) are forgotten. */
const MAX_TRACKED = 10_000;

/** In-memory token buckets, one per key (a client address, a signer), for one server process. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limit: RateLimit) {}

  /** Takes a token for `key` at time `now` (ms): 0 when allowed, else the seconds until one is free. */
  take(key: string, now: number): number {
    const tokens = this.tokensAt(key, now);
    if (tokens < 1) return Math.ceil(((1 - tokens) * 60) / this.limit.perMinute);
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.buckets.size > MAX_TRACKED) this.forgetFull(now);
    return 0;
  }

  private tokensAt(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.limit.burst;
    const regained = ((now - bucket.at) / 60_000) * this.limit.perMinute;
    return Math.min(this.limit.burst, bucket.tokens + regained);
  }

  private forgetFull(now: number): void {
    for (const key of this.buckets.keys()) {
      if (this.tokensAt(key, now) >= this.limit.burst) this.buckets.delete(key);
    }
  }
}
