/**
 * The key that identifies a client for rate limits: the last `X-Forwarded-For` hop (run behind a
 * proxy that sets it), or "unknown".
 */
export function clientOf(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim() || "unknown";
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
