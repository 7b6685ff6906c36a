import { BlackHoleBlockstore } from "blockstore-core/black-hole";
import { expect } from "chai";
import { CID } from "multiformats/cid";
import { InvalidTreeError, importBytes } from "../../content/cid";
import { readAll } from "../../content/dag";
import { openEmbeddedStore } from "../../content/embedded";
import { ContentNotFoundError, ContentTimeoutError, InvalidContentRefError } from "../../content/errors";
import { openKuboStore } from "../../content/kubo";
import { openContentStore } from "../../content/open";
import type { ContentStore } from "../../content/store";
import { startKuboStandIn } from "./kubo-stand-in";
import { patternBytes, serve, tempDir, useTempDir, utf8 } from "./support";

const HELLO = "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am"; // 'hello\n' (Kubo)
const PLANETS = "bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi"; // t0040 (Kubo)
const ABSENT = CID.parse("bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4"); // never added

const planets = [
  { path: "mars.txt", content: utf8("Hello Mars!\n") },
  { path: "venus.txt", content: utf8("Hello Venus!\n") },
];

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected a rejection"),
    (error: unknown) => error,
  );
}

function shouldBehaveLikeAContentStore(open: () => Promise<ContentStore>) {
  let store: ContentStore;
  before(async function () {
    store = await open();
  });

  it("adds bytes under Kubo's CID, and has, cats and stats them", async function () {
    const cid = await store.addBytes(utf8("hello\n"));
    expect(String(cid)).to.equal(HELLO);
    expect(await store.has(cid)).to.equal(true);
    expect(new TextDecoder().decode(await readAll(store.cat(cid)))).to.equal("hello\n");
    expect(await store.stat(HELLO)).to.deep.equal({ cid, type: "file", size: 6, blocks: 1, dagSize: 6 });
  });

  it("round-trips a file of several chunks, and counts its blocks", async function () {
    const bytes = patternBytes(600_000);
    const cid = await store.addBytes(bytes);
    expect(String(cid)).to.equal(String(await importBytes(bytes, new BlackHoleBlockstore())));
    expect(await readAll(store.cat(cid))).to.deep.equal(bytes);
    const stat = await store.stat(cid);
    expect(stat).to.include({ type: "file", size: 600_000, blocks: 4 }); // 3 raw leaves and their parent
    expect(stat.dagSize).to.be.greaterThan(600_000);
  });

  it("adds a tree under Kubo's directory CID and reads files by path", async function () {
    const cid = await store.addTree(planets);
    expect(String(cid)).to.equal(PLANETS);
    expect(new TextDecoder().decode(await readAll(store.cat(`${cid}/venus.txt`)))).to.equal("Hello Venus!\n");
    expect(await store.stat(cid)).to.include({ type: "directory", entries: 2, blocks: 3 });
  });

  it("keeps nested folders and empty directories", async function () {
    const cid = await store.addTree([
      { path: "course.json", content: utf8("{}") },
      { path: "lessons/01.md", content: utf8("# One") },
      { path: "lessons/deep/02.md", content: utf8("# Two") },
      { path: "images" },
    ]);
    expect(new TextDecoder().decode(await readAll(store.cat(`${cid}/lessons/deep/02.md`)))).to.equal("# Two");
    expect(await store.stat(`${cid}/lessons`)).to.include({ type: "directory", entries: 2 });
    expect(await store.stat(`${cid}/images`)).to.include({ type: "directory", entries: 0 });
  });

  it("says what is missing, and refuses to cat a directory", async function () {
    expect(await store.has(ABSENT, { signal: AbortSignal.timeout(5_000) })).to.equal(false);
    expect(await rejection(readAll(store.cat(`${PLANETS}/pluto.txt`)))).to.be.instanceOf(
      ContentNotFoundError,
    );
    expect(await rejection(readAll(store.cat(PLANETS)))).to.be.instanceOf(InvalidContentRefError);
    expect(await rejection(store.stat("not-a-cid"))).to.be.instanceOf(InvalidContentRefError);
  });

  it("refuses trees with paths that are not relative, repeated, or inside a file", async function () {
    for (const tree of [
      [{ path: "../escape.md", content: utf8("x") }],
      [{ path: "/abs.md", content: utf8("x") }],
      [
        { path: "a.md", content: utf8("x") },
        { path: "a.md", content: utf8("y") },
      ],
      [
        { path: "a.md", content: utf8("x") },
        { path: "a.md/b.md", content: utf8("y") },
      ],
      [],
    ]) {
      expect(await rejection(store.addTree(tree)), JSON.stringify(tree)).to.be.instanceOf(InvalidTreeError);
    }
  });
}

describe("content › embedded store", function () {
  const dir = useTempDir();

  shouldBehaveLikeAContentStore(() => openEmbeddedStore(dir.dir));

  it("keeps content across a close and a re-open", async function () {
    const first = await openEmbeddedStore(`${dir.dir}/persist`);
    const cid = await first.addTree(planets);
    await first.close();
    const second = await openEmbeddedStore(`${dir.dir}/persist`);
    expect(new TextDecoder().decode(await readAll(second.cat(`${cid}/mars.txt`)))).to.equal("Hello Mars!\n");
    await second.close();
  });

  it("answers a missing block at once (404), never waiting", async function () {
    const store = await openEmbeddedStore(dir.dir);
    expect(await rejection(store.getBlock(ABSENT))).to.be.instanceOf(ContentNotFoundError);
  });

  it("is what the environment selects without IPFS_API_URL, in CONTENT_DIR", async function () {
    const store = await openContentStore({ CONTENT_DIR: `${dir.dir}/from-env` });
    expect(store.kind).to.equal("embedded");
    const cid = await store.addBytes(utf8("hello\n"));
    const again = await openEmbeddedStore(`${dir.dir}/from-env`);
    expect(await again.has(cid)).to.equal(true);
  });
});

describe("content › Kubo store (against a stand-in for Kubo's RPC API, see kubo-stand-in.ts)", function () {
  let kubo: Awaited<ReturnType<typeof startKuboStandIn>>;
  before(async function () {
    kubo = await startKuboStandIn();
  });
  after(async function () {
    await kubo?.close();
  });

  shouldBehaveLikeAContentStore(async () => openKuboStore(kubo.url));

  it("is what the environment selects when IPFS_API_URL is set", async function () {
    const store = await openContentStore({ IPFS_API_URL: kubo.url, CONTENT_DIR: "/nonexistent" });
    expect(store.kind).to.equal("kubo");
    expect(String(await store.addBytes(utf8("hello\n")))).to.equal(HELLO);
  });

  it("sends every CID setting to `add` explicitly, and `has` asks offline", async function () {
    const store = openKuboStore(kubo.url);
    const from = kubo.calls.length;
    await store.addBytes(utf8("hello\n"));
    await store.addTree(planets);
    await store.has(ABSENT);
    const calls = kubo.calls.slice(from);
    const adds = calls.filter((call) => call.endpoint === "add");
    expect(adds).to.have.length(2);
    for (const { query } of adds) {
      expect(Object.fromEntries(query)).to.include({
        "cid-version": "1",
        "raw-leaves": "true",
        chunker: "size-262144",
        hash: "sha2-256",
        trickle: "false",
        "max-file-links": "174",
      });
    }
    const stats = calls.filter((call) => call.endpoint === "block/stat");
    expect(stats.map(({ query }) => query.get("offline"))).to.deep.equal(["true"]);
  });

  it("gives up on a block the node is still searching for, with a timeout error", async function () {
    const store = openKuboStore(kubo.url);
    const error = await rejection(store.getBlock(ABSENT, { signal: AbortSignal.timeout(300) }));
    expect(error).to.be.instanceOf(ContentTimeoutError);
  });

  it("refuses a node whose import settings give other CIDs", async function () {
    // The same stand-in behind a proxy that drops `cid-version`: Kubo's default (CIDv0) applies
    // to the file's root node (its raw leaves keep CIDv1, as in Kubo).
    const proxy = await serve(async (request) => {
      const url = new URL(request.url);
      url.searchParams.delete("cid-version");
      url.host = new URL(kubo.url).host;
      const headers = { "content-type": request.headers.get("content-type") ?? "" };
      return fetch(url, { method: "POST", headers, body: await request.arrayBuffer() });
    });
    try {
      const error = await rejection(openKuboStore(proxy.url).addBytes(patternBytes(300_000)));
      expect(String(error)).to.match(/gave Qm\w+ where Azora's CID settings give bafybei/);
    } finally {
      await proxy.close();
    }
  });

  it("gives the same CIDs, stats and blocks as the embedded store", async function () {
    const dir = await tempDir();
    try {
      const embedded = await openEmbeddedStore(dir.dir);
      const viaKubo = openKuboStore(kubo.url);
      const bytes = patternBytes(300_000);
      const cid = await embedded.addBytes(bytes);
      expect(String(await viaKubo.addBytes(bytes))).to.equal(String(cid));
      expect(await viaKubo.stat(cid)).to.deep.equal(await embedded.stat(cid));
      expect(await viaKubo.getBlock(cid)).to.deep.equal(await embedded.getBlock(cid));
    } finally {
      await dir.remove();
    }
  });
});
