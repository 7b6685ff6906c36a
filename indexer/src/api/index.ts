import { Hono } from "hono";
import type { Context } from "hono";
import { cors } from "hono/cors";
import { and, count, desc, eq, graphql, lt, or } from "ponder";
import { db, publicClients } from "ponder:api";
import schema from "ponder:schema";
import { isAddress } from "viem";
import type { Address } from "viem";
import { manifest } from "../../../deployments/index";
import { contractOf } from "../../../protocol/manifest";
import { proposalStateName } from "../../../protocol/proposals";
import { cacheOnIndexedBlock, indexedBlock } from "./cache";
import { answerAfterUnreadBodies } from "./drain";
import { MAX_QUERY_DEPTH, refusal } from "./limits";

answerAfterUnreadBodies();

const app = new Hono();
const chain = publicClients.azora;
const AzoraCredential = contractOf(manifest, "AzoraCredential");

// The dApp and any verifier's page read the indexer from the browser, and may revalidate.
app.use(
  "*",
  cors({
    origin: "*",
    allowMethods: ["GET", "POST", "OPTIONS"],
    exposeHeaders: ["ETag", "X-Indexed-Block"],
  }),
);
app.use("*", cacheOnIndexedBlock);

// GraphQL: Ponder's, with a depth limit and a limit on the rows a query may ask for, checked before
// it runs. `GET /graphql?query=…&variables=…` answers like the POST (so a CDN can keep it);
// without a query it is Ponder's GraphiQL page.
const ponderGraphql = new Hono().use(
  "/graphql",
  graphql({ db, schema }, { maxOperationDepth: MAX_QUERY_DEPTH }),
);
app.on(["GET", "POST"], "/graphql", async (c) => {
  let request = c.req.raw;
  let body: { query?: unknown; variables?: unknown } = {};
  if (c.req.method === "GET") {
    const query = c.req.query("query");
    if (query !== undefined) {
      try {
        body = { query, variables: JSON.parse(c.req.query("variables") ?? "{}") };
      } catch {
        return graphqlError(c, 'GET /graphql: "variables" is not JSON');
      }
      request = new Request(request.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...body, operationName: c.req.query("operationName") }),
      });
    }
  } else {
    // Any JSON may come: only an object has a query to check (Ponder answers the rest).
    const posted: unknown = await c.req.raw
      .clone()
      .json()
      .catch(() => undefined);
    if (posted && typeof posted === "object") body = posted as typeof body;
  }
  if (typeof body.query === "string") {
    const variables = (body.variables && typeof body.variables === "object" ? body.variables : {}) as Record<
      string,
      unknown
    >;
    const refused = refusal(body.query, variables);
    if (refused) return graphqlError(c, refused);
  }
  return ponderGraphql.fetch(request);
});

/** A GraphQL refusal, 400, in GraphQL's error shape. */
function graphqlError(c: Context, message: string) {
  return c.json({ errors: [{ message, extensions: { code: "QUERY_REFUSED" } }] }, 400);
}

/** JSON with bigints as decimal strings (they exceed JavaScript numbers). */
function json(c: Context, body: unknown, status: 200 | 400 | 404 = 200) {
  return c.body(
    JSON.stringify(body, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
    status,
    {
      "content-type": "application/json",
    },
  );
}

const badRequest = (c: Context, error: string) => json(c, { error }, 400);

function parseId(raw: string): bigint | undefined {
  if (!/^(0|[1-9][0-9]{0,77})$/.test(raw)) return undefined;
  const id = BigInt(raw);
  return id < 2n ** 256n ? id : undefined;
}

/** The most rows a REST list returns at once, and its default: page on with `?after=`. */
const MAX_PAGE = 100;

/** `?limit=` of a list: 1 to MAX_PAGE (the default), or undefined when it is not. */
function pageSize(raw: string | undefined): number | undefined {
  if (raw === undefined) return MAX_PAGE;
  if (!/^[0-9]{1,4}$/.test(raw)) return undefined;
  const size = Number(raw);
  return size >= 1 && size <= MAX_PAGE ? size : undefined;
}

/**
 * A list's cursor: the order key and the id of the last row of a page, opaque to clients. The
 * next page starts strictly after it (newest first: an older key, or the same key and a smaller id).
 */
const encodeCursor = (key: bigint, id: bigint | string) =>
  Buffer.from(JSON.stringify([key.toString(), id.toString()])).toString("base64url");

function decodeCursor(raw: string): [bigint, string] | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "string")) {
      const [key, id] = value as [string, string];
      if (/^[0-9]{1,78}$/.test(key) && id.length <= 200) return [BigInt(key), id];
    }
  } catch {
    // not ours
  }
  return undefined;
}

/** Reads `?limit=` and `?after=`; a 400 answer when either is not valid. */
function paging(c: Context): { limit: number; after: [bigint, string] | null } | Response {
  const limit = pageSize(c.req.query("limit"));
  if (limit === undefined) return badRequest(c, `"limit" is a whole number from 1 to ${MAX_PAGE}`);
  const raw = c.req.query("after");
  if (raw === undefined) return { limit, after: null };
  const after = decodeCursor(raw);
  if (!after)
    return badRequest(c, `"after" is not a cursor from this list: pass the "nextCursor" it returned`);
  return { limit, after };
}

/** The page of `rows` (read with limit + 1) and the cursor of the next one, null on the last. */
function page<R>(rows: R[], limit: number, cursorOf: (row: R) => string) {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? cursorOf(items[items.length - 1]!) : null };
}

/** Rows strictly after `after` in an order by (key desc, id desc). */
function olderThan(key: Parameters<typeof lt>[0], id: Parameters<typeof lt>[0], after: [bigint, unknown]) {
  return or(lt(key, after[0]), and(eq(key, after[0]), lt(id, after[1])));
}

/**
 * The chain's clock as of the indexed block: validity is judged as the contract judges it, by
 * block time, at the same block as the rows the answer shows.
 */
async function indexedNow(): Promise<bigint> {
  return (await indexedBlock()).timestamp;
}

/** A credential's `tokenURI` at the indexed block, read once per credential and block. */
const tokenUris = new Map<string, Promise<string>>();
async function tokenUriAt(id: bigint): Promise<string> {
  const { number } = await indexedBlock();
  const key = `${id}@${number}`;
  let uri = tokenUris.get(key);
  if (!uri) {
    if (tokenUris.size >= 1_000) tokenUris.clear();
    uri = chain.readContract({
      address: AzoraCredential.address,
      abi: AzoraCredential.abi,
      functionName: "tokenURI",
      args: [id],
      blockNumber: number,
    });
    tokenUris.set(key, uri);
    uri.catch(() => tokenUris.delete(key));
  }
  return uri;
}

type CredentialRow = typeof schema.credential.$inferSelect;

function describeCredential(row: CredentialRow, now: bigint) {
  const expired = row.expiresAt !== 0n && row.expiresAt <= now;
  return {
    id: row.id,
    holder: row.holder,
    courseId: row.courseId,
    issuer: row.issuer,
    score: row.score,
    issuedAt: row.issuedAt,
    expiresAt: row.expiresAt === 0n ? null : row.expiresAt,
    revoked: row.revoked,
    revokedReason: row.revokedReason,
    revokedAt: row.revokedAt,
    burned: row.burned,
    expired,
    validNow: !row.revoked && !row.burned && !expired,
    checkedAt: now,
    chainId: manifest.chainId,
    contract: AzoraCredential.address,
  };
}

// For verifiers (employers, schools): one credential, answerable without a wallet.
app.get("/credentials/:id", async (c) => {
  const id = parseId(c.req.param("id"));
  if (id === undefined)
    return badRequest(c, "A credential id is a decimal number (uint256), e.g. /credentials/42");
  const [row] = await db.select().from(schema.credential).where(eq(schema.credential.id, id));
  if (!row) return json(c, { error: `No credential ${id} on chain ${manifest.chainId}` }, 404);
  const tokenURI = row.burned ? null : await tokenUriAt(id);
  return json(c, { ...describeCredential(row, await indexedNow()), tokenURI });
});

app.get("/accounts/:address/credentials", async (c) => {
  const address = c.req.param("address");
  if (!isAddress(address, { strict: false })) {
    return badRequest(c, `"${address}" is not an address (0x followed by 40 hex digits)`);
  }
  const paged = paging(c);
  if (paged instanceof Response) return paged;
  const afterId = paged.after ? parseId(paged.after[1]) : undefined;
  if (paged.after && afterId === undefined) return badRequest(c, `"after" is not a cursor from this list`);
  const holder = address.toLowerCase() as Address;
  const { credential } = schema;
  const now = await indexedNow();
  const rows = await db
    .select()
    .from(credential)
    .where(
      and(
        eq(credential.holder, holder),
        paged.after ? olderThan(credential.issuedAt, credential.id, [paged.after[0], afterId]) : undefined,
      ),
    )
    .orderBy(desc(credential.issuedAt), desc(credential.id))
    .limit(paged.limit + 1);
  const { items, nextCursor } = page(rows, paged.limit, (row) => encodeCursor(row.issuedAt, row.id));
  return json(c, { holder, credentials: items.map((row) => describeCredential(row, now)), nextCursor });
});

/** The latest flows `/citadel` lists (the totals cover them all). */
const CITADEL_FLOWS = 100;
/** Votes per page of `/proposals/:id` (`?limit=`, at most `MAX_VOTES`), from `?offset=`. */
const DEFAULT_VOTES = 50;
const MAX_VOTES = 100;
const MAX_OFFSET = 1_000_000;

/** A bounded integer query parameter, or an error message. */
function boundedParam(raw: string | undefined, name: string, fallback: number, max: number): number | string {
  if (raw === undefined) return fallback;
  if (!/^\d{1,7}$/.test(raw) || Number(raw) > max) return `${name} must be a whole number from 0 to ${max}`;
  return Number(raw);
}

// The CitadelFund's AZR: its balance (from AZR transfers), its totals (summed by the handlers as
// flows arrive: inflows by source, releases by governance) and a page of its flows, newest first.
app.get("/citadel", async (c) => {
  const paged = paging(c);
  if (paged instanceof Response) return paged;
  const fund = manifest.contracts.CitadelFund.address.toLowerCase() as Address;
  const azr = manifest.contracts.AzoraToken.address.toLowerCase() as Address;
  const { citadelFlow } = schema;
  const [[holder], [total], rows] = await Promise.all([
    db.select().from(schema.account).where(eq(schema.account.address, fund)),
    db.select().from(schema.citadelTotal).where(eq(schema.citadelTotal.token, azr)),
    db
      .select()
      .from(citadelFlow)
      .where(
        and(
          eq(citadelFlow.token, azr),
          paged.after ? olderThan(citadelFlow.timestamp, citadelFlow.id, paged.after) : undefined,
        ),
      )
      .orderBy(desc(citadelFlow.timestamp), desc(citadelFlow.id))
      .limit(paged.limit + 1),
  ]);
  const { items, nextCursor } = page(rows, paged.limit, (row) => encodeCursor(row.timestamp, row.id));
  return json(c, {
    chainId: manifest.chainId,
    fund: manifest.contracts.CitadelFund.address,
    token: manifest.contracts.AzoraToken.address,
    balance: holder?.balance ?? 0n,
    received: {
      mining: total?.receivedMining ?? 0n,
      escrow: total?.receivedEscrow ?? 0n,
      donation: total?.receivedDonation ?? 0n,
    },
    released: total?.released ?? 0n,
    flowCount: (total?.flowsIn ?? 0) + (total?.flowsOut ?? 0),
    flows: items,
    nextCursor,
  });
});

// A proposal with a page of its votes (`?limit=`, `?offset=`) and the CitadelFund releases it paid. Whether a vote is active,
// succeeded or defeated depends on the clock and the quorum, which no event records: `state` is
// the Governor's own answer, read at the latest block.
app.get("/proposals/:id", async (c) => {
  const id = parseId(c.req.param("id"));
  if (id === undefined) return badRequest(c, "A proposal id is a decimal number (uint256)");
  const [row] = await db.select().from(schema.proposal).where(eq(schema.proposal.id, id));
  if (!row) return json(c, { error: `No proposal ${id} on chain ${manifest.chainId}` }, 404);
  const limit = boundedParam(c.req.query("limit"), "limit", DEFAULT_VOTES, MAX_VOTES);
  if (typeof limit === "string") return badRequest(c, limit);
  const offset = boundedParam(c.req.query("offset"), "offset", 0, MAX_OFFSET);
  if (typeof offset === "string") return badRequest(c, offset);
  const ofProposal = eq(schema.vote.proposalId, id);
  const [votes, [counted], releases, state] = await Promise.all([
    db
      .select()
      .from(schema.vote)
      .where(ofProposal)
      .orderBy(desc(schema.vote.weight), desc(schema.vote.id))
      .limit(limit)
      .offset(offset),
    db.select({ votes: count() }).from(schema.vote).where(ofProposal),
    db
      .select()
      .from(schema.citadelFlow)
      .where(eq(schema.citadelFlow.proposalId, id))
      .orderBy(desc(schema.citadelFlow.timestamp))
      .limit(CITADEL_FLOWS),
    chain.readContract({
      ...contractOf(manifest, "AzoraGovernor"),
      functionName: "state",
      args: [id],
    }),
  ]);
  const votesCount = counted?.votes ?? 0;
  const next = offset + votes.length < votesCount ? offset + votes.length : null;
  return json(c, {
    ...row,
    state: proposalStateName(state),
    chainId: manifest.chainId,
    governor: manifest.contracts.AzoraGovernor.address,
    // The largest votes first, one page of them; the totals by choice are on the proposal.
    votes,
    votesCount,
    votesNext: next === null ? null : `/proposals/${id}?offset=${next}&limit=${limit}`,
    releases,
  });
});

export default app;
