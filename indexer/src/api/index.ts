import { Hono } from "hono";
import type { Context } from "hono";
import { cors } from "hono/cors";
import { count, desc, eq, graphql, sum } from "ponder";
import { db, publicClients } from "ponder:api";
import schema from "ponder:schema";
import { isAddress } from "viem";
import type { Address } from "viem";
import { manifest } from "../../../deployments/index";
import { contractOf } from "../../../protocol/manifest";
import { proposalStateName } from "../../../protocol/proposals";

const app = new Hono();
const chain = publicClients.azora;
const AzoraCredential = contractOf(manifest, "AzoraCredential");

// The dApp and any verifier's page read the indexer from the browser.
app.use("*", cors({ origin: "*", allowMethods: ["GET", "POST", "OPTIONS"] }));
// A GET of /graphql must carry a query (the issue 19 fuzz test dropped connections on a bare GET
// with other parameters); Ponder's GraphQL keeps its default depth and cost limits.
app.use("/graphql", async (c, next) => {
  if (c.req.method === "GET" && !c.req.query("query")) {
    return c.json({ error: "GET /graphql needs a query parameter (or POST a JSON body)" }, 400);
  }
  return next();
});
app.use("/graphql", graphql({ db, schema }));

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

/** The chain's own clock: validity is judged as the contract judges it, by block time. */
async function chainNow(): Promise<bigint> {
  return (await chain.getBlock({ blockTag: "latest" })).timestamp;
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
  const tokenURI = row.burned
    ? null
    : await chain.readContract({
        address: AzoraCredential.address,
        abi: AzoraCredential.abi,
        functionName: "tokenURI",
        args: [id],
      });
  return json(c, { ...describeCredential(row, await chainNow()), tokenURI });
});

app.get("/accounts/:address/credentials", async (c) => {
  const address = c.req.param("address");
  if (!isAddress(address, { strict: false })) {
    return badRequest(c, `"${address}" is not an address (0x followed by 40 hex digits)`);
  }
  const holder = address.toLowerCase() as Address;
  const rows = await db
    .select()
    .from(schema.credential)
    .where(eq(schema.credential.holder, holder))
    .orderBy(desc(schema.credential.issuedAt));
  const now = await chainNow();
  return json(c, { holder, credentials: rows.map((row) => describeCredential(row, now)) });
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

// The CitadelFund's AZR: its balance (from AZR transfers) and its flows (from its own events:
// inflows tagged by source, releases by governance).
app.get("/citadel", async (c) => {
  const fund = manifest.contracts.CitadelFund.address.toLowerCase() as Address;
  const azr = manifest.contracts.AzoraToken.address.toLowerCase() as Address;
  const [holder] = await db.select().from(schema.account).where(eq(schema.account.address, fund));
  // Totals summed by the database, and only the latest flows read: bounded whatever the history.
  const totals = await db
    .select({
      direction: schema.citadelFlow.direction,
      source: schema.citadelFlow.source,
      amount: sum(schema.citadelFlow.amount),
    })
    .from(schema.citadelFlow)
    .where(eq(schema.citadelFlow.token, azr))
    .groupBy(schema.citadelFlow.direction, schema.citadelFlow.source);
  const flows = await db
    .select()
    .from(schema.citadelFlow)
    .where(eq(schema.citadelFlow.token, azr))
    .orderBy(desc(schema.citadelFlow.timestamp), desc(schema.citadelFlow.id))
    .limit(CITADEL_FLOWS);
  const received: Record<string, bigint> = { mining: 0n, escrow: 0n, donation: 0n };
  let released = 0n;
  for (const { direction, source, amount } of totals) {
    const value = BigInt(amount ?? 0);
    if (direction === "out") released += value;
    else received[source] = (received[source] ?? 0n) + value;
  }
  return json(c, {
    chainId: manifest.chainId,
    fund: manifest.contracts.CitadelFund.address,
    token: manifest.contracts.AzoraToken.address,
    balance: holder?.balance ?? 0n,
    received,
    released,
    flows,
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
