import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { sql } from "ponder";
import { db } from "ponder:api";

/** The block the index is at: every answer is the state as of this block. */
export interface IndexedBlock {
  number: bigint;
  timestamp: bigint;
}

// Ponder's checkpoint string: 10 digits of block timestamp, 16 of chain id, 16 of block number, …
const decode = (checkpoint: string): IndexedBlock => ({
  timestamp: BigInt(checkpoint.slice(0, 10)),
  number: BigInt(checkpoint.slice(26, 42)),
});

async function readIndexedBlock(): Promise<IndexedBlock> {
  const result = await db.execute(sql`SELECT latest_checkpoint FROM _ponder_checkpoint`);
  const [checkpoint] = (result.rows as { latest_checkpoint: string }[])
    .map((r) => r.latest_checkpoint)
    .sort();
  if (checkpoint === undefined) throw new Error("The index has no checkpoint yet");
  return decode(checkpoint);
}

/**
 * How long one read of the checkpoint serves the requests that arrive meanwhile: a burst of
 * requests shares one read instead of one each. Well under the chain's 250 ms polling.
 */
const SHARED_FOR_MS = 50;
let shared: { at: number; block: Promise<IndexedBlock> } | undefined;

/** The block the index is at now (read at most once per `SHARED_FOR_MS`). */
export function indexedBlock(): Promise<IndexedBlock> {
  const now = performance.now();
  if (!shared || now - shared.at > SHARED_FOR_MS) {
    shared = { at: now, block: readIndexedBlock() };
    shared.block.catch(() => (shared = undefined));
  }
  return shared.block;
}

/**
 * Conditional requests keyed on the indexed block, for GET routes and GraphQL POSTs: an answer
 * depends only on the request and the block the index is at, so its ETag is the two together
 * (the same on every replica), and a client or a CDN that sends it back in `If-None-Match`
 * gets `304 Not Modified` without a query for as long as the block has not moved. The block is
 * read before the answer is computed, so an answer is never labelled with a later block than it
 * shows. `X-Indexed-Block` says which block an answer is as of.
 */
export const cacheOnIndexedBlock: MiddlewareHandler = async (c, next) => {
  const graphqlPost = c.req.method === "POST" && c.req.path === "/graphql";
  if (c.req.method !== "GET" && !graphqlPost) return next();
  const block = await indexedBlock();
  const url = new URL(c.req.url);
  const body = graphqlPost ? await c.req.raw.clone().text() : "";
  const digest = createHash("sha256").update(`${url.pathname}${url.search}\n${body}`).digest("base64url");
  const etag = `W/"${block.number}-${digest.slice(0, 22)}"`;
  const headers = {
    etag,
    "cache-control": "public, max-age=0, must-revalidate",
    "x-indexed-block": block.number.toString(),
  };
  const sent = c.req.header("if-none-match");
  if (sent !== undefined && sent.split(",").some((tag) => tag.trim() === etag)) {
    return c.body(null, 304, headers);
  }
  await next();
  if (c.res.status !== 200) return;
  for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
};
