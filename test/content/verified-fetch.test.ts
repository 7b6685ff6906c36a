import path from "node:path";
import { CarBlockIterator } from "@ipld/car/iterator";
import { CarWriter } from "@ipld/car/writer";
import { expect } from "chai";
import type { CID } from "multiformats/cid";
import { readAll } from "../../content/dag";
import { openEmbeddedStore } from "../../content/embedded";
import { addCourse } from "../../content/formats/course-package";
import { handleGatewayRequest } from "../../content/gateway";
import type { ContentStore } from "../../content/store";
import { VerifiedFetchError, fetchVerified } from "../../content/verified-fetch";
import { REPO_ROOT } from "../../scripts/stack/paths";
import { patternBytes, serve, tempDir } from "./support";
import type { Handler } from "./support";

const ABSENT = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

/** The gateway's CAR for a URL, rewritten block by block by `edit` (return undefined to drop one). */
function rewritingGateway(
  gateway: Handler,
  edit: (
    block: { cid: CID; bytes: Uint8Array },
    index: number,
  ) => { cid: CID; bytes: Uint8Array } | undefined,
  roots?: CID[],
): Handler {
  return async (request) => {
    const original = await CarBlockIterator.fromBytes(
      new Uint8Array(await (await gateway(request)).arrayBuffer()),
    );
    const { writer, out } = CarWriter.create(roots ?? (await original.getRoots()));
    const written = readAll(out);
    let index = 0;
    for await (const block of original) {
      const edited = edit(block, index++);
      if (edited) await writer.put(edited);
    }
    await writer.close();
    return new Response(await written, { headers: { "content-type": "application/vnd.ipld.car" } });
  };
}

async function failure(promise: Promise<unknown>): Promise<VerifiedFetchError> {
  const error = await promise.then(
    () => expect.fail("expected the read to fail"),
    (error: unknown) => error,
  );
  expect(error).to.be.instanceOf(VerifiedFetchError);
  return error as VerifiedFetchError;
}

describe("content › verified reads (fetchVerified, against the real gateway handler)", function () {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let store: ContentStore;
  let course: CID;
  let bigFile: CID;
  let gateway: Handler;
  let server: Awaited<ReturnType<typeof serve>>;
  const big = patternBytes(700_000); // three 256 KiB leaves

  before(async function () {
    dir = await tempDir();
    store = await openEmbeddedStore(dir.dir);
    course = await addCourse(store, path.join(REPO_ROOT, "courses", "wallets-and-safety"));
    bigFile = await store.addBytes(big);
    gateway = (request) => handleGatewayRequest(store, request);
    server = await serve(gateway);
  });
  after(async function () {
    await server?.close();
    await store?.close();
    await dir?.remove();
  });

  /** fetchVerified against `handler` in-process, as if it were the gateway. */
  const through = (handler: Handler) => ({
    fetch: (input: RequestInfo | URL, init?: RequestInit) => handler(new Request(input, init)),
    gateway: "http://azora.test",
  });

  it("returns a file checked against its CID, over HTTP from the gateway", async function () {
    const lesson = await fetchVerified(`${course}/lessons/01-what-is-a-blockchain.md`, {
      gateway: server.url,
    });
    expect(new TextDecoder().decode(lesson)).to.match(/^# What a blockchain is/);
    expect(await fetchVerified(String(bigFile), { gateway: server.url })).to.deep.equal(big);
  });

  it("rejects a block whose bytes were changed", async function () {
    const tampered = rewritingGateway(gateway, ({ cid, bytes }, i) => {
      if (i !== 2) return { cid, bytes };
      const changed = bytes.slice();
      changed[1000] = (changed[1000] ?? 0) ^ 1;
      return { cid, bytes: changed };
    });
    const error = await failure(fetchVerified(String(bigFile), through(tampered)));
    expect(error.reason).to.equal("tampered");
    expect(error.message).to.match(/^block bafkrei\w+ does not match its CID$/);
  });

  it("rejects an answer that leaves out a block, or is rooted elsewhere", async function () {
    const missing = rewritingGateway(gateway, (block, i) => (i === 1 ? undefined : block));
    const omitted = await failure(fetchVerified(String(bigFile), through(missing)));
    expect(omitted.reason).to.equal("tampered");
    expect(omitted.message).to.match(/the gateway left out block bafkrei/);

    const elsewhere = rewritingGateway(gateway, (block) => block, [course]);
    const rooted = await failure(fetchVerified(String(bigFile), through(elsewhere)));
    expect(rooted.reason).to.equal("tampered");
    expect(rooted.message).to.equal(`the gateway's CAR is not rooted at ${bigFile}`);
  });

  it("says when content is missing", async function () {
    const error = await failure(fetchVerified(ABSENT, { gateway: server.url }));
    expect(error.reason).to.equal("not-found");
    const inCourse = await failure(fetchVerified(`${course}/lessons/99.md`, { gateway: server.url }));
    expect(inCourse.reason).to.equal("not-found");
  });

  it("gives up after its timeout on a gateway that never answers", async function () {
    const silent = await serve(
      (request) => new Promise<Response>((_, reject) => request.signal.addEventListener("abort", reject)),
    );
    try {
      const error = await failure(fetchVerified(ABSENT, { gateway: silent.url, timeoutMs: 200 }));
      expect(error.reason).to.equal("timeout");
    } finally {
      await silent.close();
    }
  });

  it("refuses what is not a file or not a CID", async function () {
    expect((await failure(fetchVerified(String(course), { gateway: server.url }))).reason).to.equal(
      "invalid",
    );
    expect((await failure(fetchVerified("not-a-cid", { gateway: server.url }))).reason).to.equal("invalid");
  });
});
