import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import fc from "fast-check";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { signedUpload } from "../../content/upload-request";
import { localAccount } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import { attemptUrl } from "../../server/submission";
import { freePort, stopAllServices } from "../../scripts/stack/processes";
import { startApp } from "../../scripts/stack/stack";
import { buildApp } from "../support/app-build";
import { startIndexedChain } from "../support/stack";

// Issue 19's proof against random malformed input: every route of the app's servers (grader,
// relayer, upload, gateway) and of the indexer (its REST routes and /graphql), over HTTP, in the
// production build and a real Ponder. Goal: no 5xx, every 4xx with a message, and each route
// still answers a good request afterwards. Fixed seed per run (printed), `FUZZ_SEED` replays one.
const RUNS = 1_000;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

type Method = "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS";
interface Fuzzed {
  method: Method;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

const hex = (min: number, max: number) =>
  fc.uint8Array({ minLength: min, maxLength: max }).map((bytes) => `0x${Buffer.from(bytes).toString("hex")}`);
/** Values of every JSON type, and the near-misses a field sees: bad hex, huge numbers, long strings. */
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hex(0, 80),
  fc.constantFrom("0x", "0xZZ", "-1", "1e999", "NaN", "9".repeat(90), "", " ", "\u0000", "../../etc/passwd"),
  fc.string({ maxLength: 300 }),
  fc.bigInt({ min: -(2n ** 300n), max: 2n ** 300n }).map(String),
  fc.double(),
  fc.array(fc.integer({ min: -5, max: 300 }), { maxLength: 150 }),
);
/** An object with some of the route's fields (right names, any values) and maybe unknown ones. */
const shaped = (fields: readonly string[]) =>
  fc.dictionary(
    fields.length > 0
      ? fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 10 }))
      : fc.string({ maxLength: 10 }),
    anyValue,
    {
      maxKeys: fields.length + 2,
    },
  );
/** Bodies: JSON of the route's shape, any JSON, text, bytes, invalid UTF-8, empty, and now and then 1–9 MiB. */
const body = (fields: readonly string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: shaped(fields).map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: fc.json({ maxDepth: 4 }) },
    { weight: 2, arbitrary: fc.string({ maxLength: 500 }) },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 2_000 }).map((b) => new Uint8Array(b)) },
    { weight: 1, arbitrary: fc.constant("") },
    { weight: 1, arbitrary: fc.constant(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])) },
    { weight: 1, arbitrary: fc.constant("[".repeat(5_000)) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1, max: 9 })
        .map((mib) => new Uint8Array(mib * 1024 * 1024).fill(0x20) as Uint8Array<ArrayBuffer>),
    },
  );
const method = fc.constantFrom<Method>("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-16",
  "text/plain",
  "text/markdown",
  "image/png",
  "multipart/form-data; boundary=x",
  "multipart/form-data",
  "application/x-www-form-urlencoded",
  "",
);
/** Path segments with the usual tricks: traversal, encodings, empty, long, unicode. */
const segment = fc.oneof(
  fc.constantFrom("..", ".", "%2e%2e", "%2F", "%00", "%", "%zz", "a%2fb", "~", "", "bafy", "0", "-1", "1e3"),
  fc.stringMatching(/^[A-Za-z0-9._~-]{0,80}$/),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.constant("x".repeat(3_000)),
);
const query = fc.oneof(
  fc.constant(""),
  fc
    .dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string({ maxLength: 60 }), hex(0, 30)), {
      maxKeys: 4,
    })
    .map((q) => `?${new URLSearchParams(q).toString()}`),
  fc.constantFrom("?format=car", "?format=raw", "?format=tar", "?limit=-1", "?offset=99999999", "?limit=100"),
);
const forwarded = fc.ipV4();

/** A route's requests: its path (or generated paths), and bodies of its fields. */
function requests(paths: fc.Arbitrary<string>, fields: readonly string[]): fc.Arbitrary<Fuzzed> {
  return fc
    .record({ method, path: paths, query, type: contentType, body: body(fields), client: forwarded })
    .map(({ method, path, query, type, body, client }) => ({
      method,
      path: `${path}${query}`,
      headers: {
        "content-type": type,
        // The app trusts 127.0.0.1 as a proxy here: each request is its own client, so the
        // per-client limits do not hide the routes behind 429s.
        "x-forwarded-for": client,
        "x-azora-client-address": client,
      },
      ...(method === "GET" || method === "HEAD" ? {} : { body }),
    }));
}

/** The message of a refusal: `{ error }`, GraphQL's `{ errors: [{ message }] }`, or plain text. */
function messageOf(text: string): string {
  try {
    const json = JSON.parse(text) as { error?: unknown; errors?: { message?: unknown }[] };
    if (typeof json.error === "string") return json.error;
    if (typeof json.errors?.[0]?.message === "string") return json.errors[0].message;
  } catch {
    // not JSON: the text is the message
  }
  return text.trim();
}

describe("servers › fuzzing: random malformed requests to every route (production app, real chain, real Ponder)", function () {
  let stack: Awaited<ReturnType<typeof startIndexedChain>>;
  let appUrl: string;
  let dataDir: string;
  const figures: string[] = [];

  before(async function () {
    dataDir = await mkdtemp(path.join(tmpdir(), "azora-fuzz-"));
    const [started] = await Promise.all([startIndexedChain(), buildApp()]);
    stack = started;
    const app = await startApp({
      mode: "start",
      port: await freePort(),
      rpcUrl: stack.chain.rpcUrl,
      indexerUrl: stack.indexer.url,
      env: {
        AZORA_DATA_DIR: dataDir,
        AZORA_TRUSTED_PROXIES: "127.0.0.1",
      },
    });
    appUrl = app.url;
    console.log(`      fuzz seed ${SEED} (FUZZ_SEED=${SEED} replays it)`);
  });
  after(async function () {
    for (const line of figures) console.log(`      ${line}`);
    await stopAllServices();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function send(base: string, request: Fuzzed) {
    const response = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: "manual",
    });
    return { status: response.status, text: request.method === "HEAD" ? "" : await response.text() };
  }

  /** Sends `RUNS` requests; fails on a 5xx or a 4xx without a message, naming the request. */
  async function fuzz(name: string, base: () => string, arbitrary: fc.Arbitrary<Fuzzed>) {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(arbitrary, async (request) => {
        const { status, text } = await send(base(), request);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const what = `${request.method} ${request.path.slice(0, 200)} → ${status} ${text.slice(0, 200)}`;
        expect(status, what).to.be.below(500);
        if (status >= 400 && request.method !== "HEAD") expect(messageOf(text), what).to.not.equal("");
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    const counts = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    figures.push(`${name}: ${RUNS} requests, ${counts.join(" ")}`);
  }

  const app = () => appUrl;
  const indexer = () => stack.indexer.url;
  const fixed = (p: string) => fc.constant(p);

  it("/api/grade (GET attempts and POST answers): no 5xx, every 4xx with a message; then grades as before", async function () {
    await fuzz(
      "/api/grade",
      app,
      requests(fixed("/api/grade"), ["learner", "courseId", "attempt", "answers", "expires", "signature"]),
    );
    const learner = privateKeyToAccount(generatePrivateKey()).address;
    const good = await fetch(`${appUrl}${attemptUrl(learner, 1n)}`);
    expect(good.status).to.equal(200);
    expect(((await good.json()) as { questions: unknown[] }).questions).to.have.length(10);
  });

  for (const route of ["claim", "delegate", "vote"] as const) {
    it(`/api/relay/${route}: no 5xx, every 4xx with a message; then still checks a ballot`, async function () {
      await fuzz(
        `/api/relay/${route}`,
        app,
        requests(fixed(`/api/relay/${route}`), [
          "completion",
          "signature",
          "delegator",
          "delegatee",
          "nonce",
          "expiry",
          "proposalId",
          "support",
          "voter",
        ]),
      );
      const voter = localAccount(3).address;
      const ballot = { proposalId: "1", support: 1, voter, signature: `0x${"1b".repeat(65)}` };
      const good = await fetch(`${appUrl}/api/relay/vote`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.1" },
        body: JSON.stringify(ballot),
      });
      expect(good.status).to.equal(401);
      expect(((await good.json()) as { error: string }).error).to.match(/^bad signature: it is not /);
    });
  }

  it("/api/content: no 5xx, every 4xx with a message; then takes a signed upload", async function () {
    await fuzz("/api/content", app, requests(fixed("/api/content"), ["file", "format"]));
    const account = localAccount(2);
    const signed = await signedUpload(
      { bytes: new TextEncoder().encode("# After the fuzz\n"), type: "text/markdown" },
      { address: account.address, signMessage: (message) => account.signMessage({ message }) },
    );
    const good = await fetch(`${appUrl}/api/content`, { method: "POST", ...signed });
    expect(good.status).to.equal(201);
  });

  // A path with `//` or a trailing `/` gets Next's 308, whose Location and Refresh headers both
  // repeat the URL: 10 KB of path was 20 KB of headers ("Headers Overflow" on the client). A path
  // Next cannot percent-decode was a 500. Both are refused before Next routes them
  // (server/request-target.ts).
  it("/ipfs/*: no 5xx, every 4xx with a message; a long or badly encoded URL is refused; then serves a seeded course", async function () {
    const pok = contractOf(stack.manifest, "ProofOfKnowledge");
    const { contentCid } = await stack.publicClient.readContract({
      ...pok,
      functionName: "course",
      args: [1n],
    });
    const paths = fc
      .tuple(fc.oneof(fc.constant(contentCid), segment), fc.array(segment, { maxLength: 4 }))
      .map(([first, rest]) => `/ipfs/${[first, ...rest].join("/")}`);
    await fuzz("/ipfs/*", app, requests(paths, []));
    const long = await fetch(`${appUrl}/ipfs/${contentCid}//${"x".repeat(5_000)}/`, { redirect: "manual" });
    expect(long.status).to.equal(414);
    expect(((await long.json()) as { error: string }).error).to.equal(
      `the URL is ${5_000 + contentCid.length + 9} characters long, and the most this server reads is 4096`,
    );
    const undecodable = await fetch(`${appUrl}/ipfs/${contentCid}/%zz`);
    expect(undecodable.status).to.equal(400);
    expect(((await undecodable.json()) as { error: string }).error).to.equal(
      'the path is not valid percent-encoding: "%" starts two hex digits of UTF-8, e.g. %20',
    );
    // A POST of something that is not form data to a page was a 500 (Next read it as a Server
    // Action form); the app has none, so any POST to a page is refused before Next reads it.
    const notAForm = await fetch(`${appUrl}/learn`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: "not form data",
    });
    expect(notAForm.status).to.equal(405);
    expect(((await notAForm.json()) as { error: string }).error).to.equal(
      "POST is not answered here: pages are read with GET",
    );
    expect(notAForm.headers.get("allow")).to.equal("GET, HEAD, OPTIONS");
    // OPTIONS to a page (`/ipfs/..` is `/` once the client resolves it) was Next's empty 400.
    const options = await fetch(`${appUrl}/ipfs/..`, { method: "OPTIONS", body: "i{" });
    expect([options.status, options.headers.get("allow")]).to.deep.equal([204, "GET, HEAD, OPTIONS"]);
    const good = await fetch(`${appUrl}/ipfs/${contentCid}/course.json`);
    expect(good.status).to.equal(200);
  });

  // A body no route reads (`DELETE /accounts/%zz/credentials` or an OPTIONS with MiBs) had its
  // connection reset by Ponder's server right after the answer: the indexer now reads the rest of
  // it first (indexer/src/api/drain.ts).
  it("the indexer's REST routes: no 5xx, every 4xx with a message; an unread body gets its answer; /proposals/:id pages its votes", async function () {
    const paths = fc.oneof(
      segment.map((s) => `/credentials/${s}`),
      segment.map((s) => `/accounts/${s}/credentials`),
      segment.map((s) => `/proposals/${s}`),
      fc.constantFrom("/citadel", "/proposals/1", "/credentials/1"),
    );
    await fuzz("indexer REST", indexer, requests(paths, []));
    const unread = await fetch(`${stack.indexer.url}/accounts/%zz/credentials`, {
      method: "DELETE",
      body: new Uint8Array(9 * 1024 * 1024).fill(0x20),
    });
    expect(unread.status).to.equal(404);
    expect(await unread.text()).to.equal("404 Not Found");
    const listed = await fetch(`${stack.indexer.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // The seeded proposal with the most voters (the seed's votes are not all on one).
      body: JSON.stringify({
        query: '{ proposals(limit: 1, orderBy: "voterCount", orderDirection: "desc") { items { id } } }',
      }),
    });
    const id = ((await listed.json()) as { data: { proposals: { items: { id: string }[] } } }).data.proposals
      .items[0]!.id;
    const page = (await (await fetch(`${stack.indexer.url}/proposals/${id}?limit=1`)).json()) as {
      votes: unknown[];
      votesCount: number;
      votesNext: string | null;
    };
    expect(page.votes).to.have.length(1);
    expect(page.votesCount).to.be.greaterThan(1);
    expect(page.votesNext).to.equal(`/proposals/${id}?offset=1&limit=1`);
    const tooMany = await fetch(`${stack.indexer.url}/proposals/${id}?limit=1000`);
    expect(tooMany.status).to.equal(400);
    expect(((await tooMany.json()) as { error: string }).error).to.equal(
      "limit must be a whole number from 0 to 100",
    );
    const citadel = (await (await fetch(`${stack.indexer.url}/citadel`)).json()) as { flows: unknown[] };
    expect(citadel.flows.length).to.be.at.most(100);
  });

  // Requests to /graphql with a body nothing reads (an OPTIONS, a PUT of MiBs) had their connection
  // reset after the answer, as on the REST routes (the "dropped GETs" were the next requests on
  // such a connection); and a POST of the JSON `null` was a 500.
  it("/graphql: no 5xx, every 4xx with a message; then answers a query", async function () {
    const graphqlBody = fc.oneof(
      fc.string({ maxLength: 300 }).map((query) => JSON.stringify({ query })),
      fc.integer({ min: 1, max: 400 }).map((depth) =>
        JSON.stringify({
          query: `{ ${"accounts { items { ".repeat(depth)}address${" } }".repeat(depth)} }`,
        }),
      ),
      fc.constantFrom(
        JSON.stringify({ query: "{ __schema { types { name } } }" }),
        JSON.stringify({
          query: "query($a: Int) { accounts(limit: $a) { items { address } } }",
          variables: { a: 1e9 },
        }),
        JSON.stringify({ query: "{ accounts(limit: 100000) { items { address } } }" }),
      ),
    );
    const arbitrary = fc
      .record({ base: requests(fixed("/graphql"), ["query", "variables", "operationName"]), graphqlBody })
      .map(({ base, graphqlBody }) =>
        base.method === "POST" && base.headers["content-type"] === "application/json"
          ? { ...base, body: graphqlBody }
          : base,
      );
    await fuzz("/graphql", indexer, arbitrary);
    const good = await fetch(`${stack.indexer.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ accounts(limit: 1) { items { address } } }" }),
    });
    expect(good.status).to.equal(200);
  });
});
