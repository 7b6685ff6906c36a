import { readFile } from "node:fs/promises";
import path from "node:path";
import { CarBlockIterator } from "@ipld/car/iterator";
import { expect } from "chai";
import { sha256 } from "multiformats/hashes/sha2";
import type { CID } from "multiformats/cid";
import { openEmbeddedStore } from "../../content/embedded";
import { addCourse } from "../../content/formats/course-package";
import { handleGatewayRequest } from "../../content/gateway";
import { openKuboStore } from "../../content/kubo";
import type { ContentStore } from "../../content/store";
import { REPO_ROOT } from "../../scripts/stack/paths";
import { startKuboStandIn } from "./kubo-stand-in";
import { patternBytes, serve, tempDir, utf8 } from "./support";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const SVG = utf8(
  '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><script>alert(1)</script></svg>',
);
const ABSENT = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

/** The blocks of a CAR, each checked against its CID. */
async function carBlocks(response: Response) {
  const car = await CarBlockIterator.fromBytes(new Uint8Array(await response.arrayBuffer()));
  const blocks: { cid: CID; bytes: Uint8Array }[] = [];
  for await (const block of car) {
    expect((await sha256.digest(block.bytes)).digest, `block ${block.cid}`).to.deep.equal(
      block.cid.multihash.digest,
    );
    blocks.push(block);
  }
  return { roots: (await car.getRoots()).map(String), cids: blocks.map(({ cid }) => String(cid)) };
}

describe("content › trustless gateway (GET /ipfs/<cid>[/path])", function () {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let store: ContentStore;
  let tree: CID;
  const get = (url: string, headers: Record<string, string> = {}) =>
    handleGatewayRequest(store, new Request(`http://azora.test${url}`, { headers }));

  before(async function () {
    dir = await tempDir();
    store = await openEmbeddedStore(dir.dir);
    tree = await store.addTree([
      { path: "course.json", content: utf8('{"title":"T"}') },
      { path: "lessons/01 intro.md", content: utf8("# Intro\n") },
      { path: "images/a.svg", content: SVG },
      { path: "images/b.png", content: PNG },
    ]);
  });
  after(async function () {
    await store.close();
    await dir.remove();
  });

  it("serves files with their content type, and immutable caching keyed by CID", async function () {
    const expectations = [
      ["course.json", "application/json; charset=utf-8"],
      ["lessons/01%20intro.md", "text/markdown; charset=utf-8"],
      ["images/a.svg", "image/svg+xml; charset=utf-8"],
      ["images/b.png", "image/png"],
    ];
    for (const [file, type] of expectations) {
      const response = await get(`/ipfs/${tree}/${file}`);
      expect(response.status, file).to.equal(200);
      expect(response.headers.get("content-type"), file).to.equal(type);
      expect(response.headers.get("cache-control")).to.equal("public, max-age=29030400, immutable");
    }
    const lesson = await get(`/ipfs/${tree}/lessons/01%20intro.md`);
    const { cid } = await store.stat(`${tree}/lessons/01 intro.md`);
    expect(lesson.headers.get("etag")).to.equal(`"${cid}"`);
    expect(await lesson.text()).to.equal("# Intro\n");
  });

  it("names the type of a bare CID from its bytes", async function () {
    for (const [bytes, type] of [
      [utf8('{"a":1}'), "application/json; charset=utf-8"],
      [PNG, "image/png"],
      [SVG, "image/svg+xml; charset=utf-8"],
      [utf8("just words"), "text/plain; charset=utf-8"],
      [Uint8Array.from([0xff, 0xfe, 0x00]), "application/octet-stream"],
    ] as const) {
      const response = await get(`/ipfs/${await store.addBytes(bytes)}`);
      expect(response.headers.get("content-type")).to.equal(type);
    }
  });

  it("never lets the browser run or re-type what it serves (sandbox CSP, nosniff)", async function () {
    const response = await get(`/ipfs/${tree}/images/a.svg`);
    expect(response.headers.get("content-security-policy")).to.match(/^sandbox; default-src 'none'/);
    expect(response.headers.get("x-content-type-options")).to.equal("nosniff");
  });

  it("answers 304 to a matching If-None-Match", async function () {
    const { cid } = await store.stat(`${tree}/course.json`);
    const response = await get(`/ipfs/${tree}/course.json`, { "if-none-match": `"${cid}"` });
    expect(response.status).to.equal(304);
  });

  it("lists a directory as JSON", async function () {
    const response = await get(`/ipfs/${tree}/images`);
    const listing = (await response.json()) as { type: string; entries: { name: string; type: string }[] };
    expect(listing.type).to.equal("directory");
    expect(listing.entries.map(({ name, type }) => `${name}:${type}`)).to.deep.equal([
      "a.svg:file",
      "b.png:file",
    ]);
    const root = (await (await get(`/ipfs/${tree}`)).json()) as typeof listing;
    expect(root.entries.map(({ name, type }) => `${name}:${type}`)).to.deep.equal([
      "course.json:file",
      "images:directory",
      "lessons:directory",
    ]);
  });

  it("returns the raw block for ?format=raw and for Accept: application/vnd.ipld.raw", async function () {
    const { cid } = await store.stat(`${tree}/images`);
    for (const response of [
      await get(`/ipfs/${tree}/images?format=raw`),
      await get(`/ipfs/${tree}/images`, { accept: "application/vnd.ipld.raw" }),
    ]) {
      expect(response.headers.get("content-type")).to.equal("application/vnd.ipld.raw");
      expect(response.headers.get("etag")).to.equal(`"${cid}.raw"`);
      expect(new Uint8Array(await response.arrayBuffer())).to.deep.equal(await store.getBlock(cid));
    }
  });

  it("returns a CAR of the whole DAG for ?format=car, and of the path and its target for a path", async function () {
    const whole = await get(`/ipfs/${tree}?format=car`);
    expect(whole.headers.get("content-type")).to.equal(
      "application/vnd.ipld.car; version=1; order=dfs; dups=n",
    );
    const all = await carBlocks(whole);
    expect(all.roots).to.deep.equal([String(tree)]);
    expect(all.cids).to.have.length((await store.stat(tree)).blocks);
    expect(new Set(all.cids).size).to.equal(all.cids.length);

    const lesson = await carBlocks(
      await get(`/ipfs/${tree}/lessons/01%20intro.md`, { accept: "application/vnd.ipld.car" }),
    );
    const { cid: lessons } = await store.stat(`${tree}/lessons`);
    const { cid: file } = await store.stat(`${tree}/lessons/01 intro.md`);
    expect(lesson.roots).to.deep.equal([String(tree)]);
    expect(lesson.cids).to.deep.equal([String(tree), String(lessons), String(file)]);
  });

  it("streams a file over 1 MiB with its length", async function () {
    const bytes = patternBytes(3 * 1024 * 1024);
    const response = await get(`/ipfs/${await store.addBytes(bytes)}`);
    expect(response.headers.get("content-length")).to.equal(String(bytes.length));
    expect(new Uint8Array(await response.arrayBuffer())).to.deep.equal(bytes);
  });

  it("answers 400 with a message to a bad CID, path or format", async function () {
    for (const [url, message] of [
      ["/ipfs/not-a-cid", /"not-a-cid" is not a CID/],
      ["/ipfs/", /is not a CID/],
      [`/ipfs/${tree}/a//b`, /empty, "\." or "\.\." path segment/],
      [`/ipfs/${tree}?format=tar`, /format must be "raw" or "car"/],
    ] as const) {
      const response = await get(url);
      expect(response.status, url).to.equal(400);
      expect(await response.text(), url).to.match(message);
    }
  });

  it("answers 404 to content the store does not have", async function () {
    for (const url of [`/ipfs/${ABSENT}`, `/ipfs/${tree}/missing.md`, `/ipfs/${ABSENT}?format=car`]) {
      const response = await get(url);
      expect(response.status, url).to.equal(404);
      expect(await response.text()).to.match(/was not found/);
    }
  });

  it("answers 504 instead of hanging when a Kubo node cannot find the content", async function () {
    const kubo = await startKuboStandIn();
    try {
      const request = new Request(`http://azora.test/ipfs/${ABSENT}`);
      const response = await handleGatewayRequest(openKuboStore(kubo.url), request, { timeoutMs: 300 });
      expect(response.status).to.equal(504);
      expect(await response.text()).to.match(/did not arrive in time/);
    } finally {
      await kubo.close();
    }
  });

  it("finding 8: answers a store failure with 502 and a reference id, never the store's own message (logged instead)", async function () {
    // A Kubo node whose disk fails: its error names its paths; its URL is internal too.
    const kubo = await serve(() =>
      Promise.resolve(
        Response.json(
          {
            Message: "open /var/lib/ipfs/blocks/CIQ/secret.data: input/output error",
            Code: 0,
            Type: "error",
          },
          { status: 500 },
        ),
      ),
    );
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const response = await handleGatewayRequest(
        openKuboStore(kubo.url),
        new Request(`http://azora.test/ipfs/${ABSENT}`),
      );
      expect(response.status).to.equal(502);
      const text = await response.text();
      expect(text).to.match(/^the content store failed: try again later \(reference [0-9a-f-]{36}\)\n$/);
      expect(text).to.not.include("/var/lib/ipfs");
      expect(text).to.not.include(kubo.url.replace("http://", ""));
      const reference = /reference ([0-9a-f-]{36})/.exec(text)![1]!;
      expect(String(logged[0]?.[0])).to.include(reference);
    } finally {
      console.error = original;
      await kubo.close();
    }
  });

  it("serves a seeded course package: course.json, lessons, images, and its blocks", async function () {
    const folder = path.join(REPO_ROOT, "courses", "wallets-and-safety");
    const course = await addCourse(store, folder);
    const head = await get(`/ipfs/${course}/course.json`);
    expect(await head.json()).to.deep.equal(
      JSON.parse(await readFile(path.join(folder, "course.json"), "utf8")),
    );
    const image = await get(`/ipfs/${course}/images/chain.svg`);
    expect(image.headers.get("content-type")).to.equal("image/svg+xml; charset=utf-8");
    expect((await get(`/ipfs/${course}/answers.json`)).status).to.equal(404);
    const car = await carBlocks(await get(`/ipfs/${course}?format=car`));
    expect(car.cids).to.have.length((await store.stat(course)).blocks);
  });
});
