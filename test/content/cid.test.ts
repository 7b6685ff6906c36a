import * as dagPb from "@ipld/dag-pb";
import { BlackHoleBlockstore } from "blockstore-core/black-hole";
import { expect } from "chai";
import { importer } from "ipfs-unixfs-importer";
import { CID } from "multiformats/cid";
import * as raw from "multiformats/codecs/raw";
import { sha256 } from "multiformats/hashes/sha2";
import { varint } from "multiformats";
import { CID_SETTINGS, importBytes, importTree, importerOptions } from "../../content/cid";
import type { CidSettings } from "../../content/cid";
import { kuboAddOptions } from "../../content/kubo";
import { kuboDeterministicBytes, patternBytes, utf8 } from "./support";

// Every expected CID below comes from Kubo itself (a published Kubo test or ../shared/TOOLCHAIN.md,
// each cited), or from a DAG built by hand in this file from the UnixFS spec and Kubo's balanced
// builder — and that hand-built DAG is itself checked against a Kubo vector first.

const KiB = 1024;
const MiB = 1024 * KiB;
const hashOnly = new BlackHoleBlockstore();

async function importStream(chunks: Iterable<Uint8Array>, settings: CidSettings): Promise<string> {
  let root: CID | undefined;
  for await (const entry of importer([{ content: chunks }], hashOnly, importerOptions(settings)))
    root = entry.cid;
  return String(root);
}

describe("content › CID settings equal Kubo's `ipfs add --cid-version=1`", function () {
  it("gives 'hello\\n' and 'hello world\\n' Kubo's CIDs (../shared/TOOLCHAIN.md)", async function () {
    expect(String(await importBytes(utf8("hello\n"), hashOnly))).to.equal(
      "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am",
    );
    expect(String(await importBytes(utf8("hello world\n"), hashOnly))).to.equal(
      "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4",
    );
  });

  it("gives an empty file Kubo's CID (kubo test/sharness/t0040-add-and-cat.sh, raw leaves)", async function () {
    expect(String(await importBytes(new Uint8Array(), hashOnly))).to.equal(
      "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku",
    );
  });

  it("gives a directory Kubo's CID (t0040: `ipfs add -r --cid-version=1` of planets/)", async function () {
    const planets = await importTree(
      [
        { path: "mars.txt", content: utf8("Hello Mars!\n") },
        { path: "venus.txt", content: utf8("Hello Venus!\n") },
      ],
      hashOnly,
    );
    expect(String(planets)).to.equal("bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi");
  });

  // kubo test/cli/cid_profiles_test.go and add_test.go add Kubo's deterministic data (see
  // kuboDeterministicBytes) under two profiles. Each differs from CID_SETTINGS in one parameter
  // only, so together they pin down 256 KiB chunking, raw leaves, CIDv1 and the 174-link layout,
  // at 174 links (one level) and at 175 (rebalanced into two levels).
  it("gives files of 174 and 175 chunks of 256 KiB Kubo's CIDs (profile unixfs-v0-2015: CIDv0, no raw leaves)", async function () {
    const v0 = { ...CID_SETTINGS, cidVersion: 0 as const, rawLeaves: false };
    expect(await importStream(kuboDeterministicBytes(44_544 * KiB, "v0-seed"), v0)).to.equal(
      "QmUbBALi174SnogsUzLpYbD4xPiBSFANF4iztWCsHbMKh2",
    );
    expect(await importStream(kuboDeterministicBytes(44_800 * KiB, "v0-seed"), v0)).to.equal(
      "QmepeWtdmS1hHXx1oZXsPUv6bMrfRRKfZcoPPU4eEfjnbf",
    );
  });

  it("gives files of 174 and 175 chunks of 1 MiB Kubo's CIDs (profile test-cid-v1: CIDv1, raw leaves)", async function () {
    const v1 = { ...CID_SETTINGS, chunkSize: MiB };
    expect(await importStream(kuboDeterministicBytes(174 * MiB, "v1-seed"), v1)).to.equal(
      "bafybeigwduxcf2aawppv3isnfeshnimkyplvw3hthxjhr2bdeje4tdaicu",
    );
    expect(await importStream(kuboDeterministicBytes(175 * MiB, "v1-seed"), v1)).to.equal(
      "bafybeidhd7lo2n2v7lta5yamob3xwhbxcczmmtmhquwhjesi35jntf7mpu",
    );
  });

  it("builds by hand the same DAG as Kubo for its 175 MiB vector (checks the hand-built DAG below)", async function () {
    const cid = await handBuiltFileCid(kuboDeterministicBytes(175 * MiB, "v1-seed"), MiB, 174);
    expect(cid).to.equal("bafybeidhd7lo2n2v7lta5yamob3xwhbxcczmmtmhquwhjesi35jntf7mpu");
  });

  for (const [label, length] of [
    ["300,000 bytes (two leaves)", 300_000],
    ["174 full chunks (one level)", 174 * 256 * KiB],
    ["174 chunks and 1 byte (rebalanced into two levels)", 174 * 256 * KiB + 1],
  ] as const) {
    it(`gives ${label} under CID_SETTINGS the hand-built DAG's CID`, async function () {
      const bytes = patternBytes(length);
      const expected = await handBuiltFileCid(
        chunks(bytes, CID_SETTINGS.chunkSize),
        CID_SETTINGS.chunkSize,
        174,
      );
      expect(String(await importBytes(bytes, hashOnly))).to.equal(expected);
    });
  }

  it("asks Kubo for the same settings", function () {
    expect(kuboAddOptions()).to.deep.include({
      cidVersion: 1,
      rawLeaves: true,
      chunker: "size-262144",
      hashAlg: "sha2-256",
      trickle: false,
      "max-file-links": 174,
    });
  });
});

function* chunks(bytes: Uint8Array, size: number) {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

interface Node {
  cid: CID;
  /** Bytes of file content under the node. */
  fileSize: number;
  /** Bytes of the node's block plus all blocks under it (a dag-pb link's Tsize). */
  tsize: number;
}

/**
 * A file's root CID built the way Kubo's balanced builder (boxo ipld/unixfs/importer/balanced)
 * does, from the UnixFS spec's pieces, independently of ipfs-unixfs-importer: raw leaves of
 * `chunkSize` bytes; a one-chunk file is its leaf; else the tree grows a level each time it is
 * full, each level filled depth-first with up to `maxLinks` children. An inner node is dag-pb:
 * Data = UnixFS protobuf {Type: File, filesize, one blocksizes per link}, links unnamed, each
 * link's Tsize the child's block plus its own links' Tsizes.
 */
async function handBuiltFileCid(
  data: Iterable<Uint8Array>,
  chunkSize: number,
  maxLinks: number,
): Promise<string> {
  const source = regroup(data, chunkSize)[Symbol.iterator]();
  let pending = source.next();
  const done = () => pending.done === true;
  const nextLeaf = async (): Promise<Node> => {
    const chunk = pending.value as Uint8Array;
    pending = source.next();
    return {
      cid: CID.createV1(raw.code, await sha256.digest(chunk)),
      fileSize: chunk.length,
      tsize: chunk.length,
    };
  };
  const fill = async (children: Node[], depth: number): Promise<Node> => {
    while (children.length < maxLinks && !done())
      children.push(depth === 1 ? await nextLeaf() : await fill([], depth - 1));
    return fileNode(children);
  };
  let root = await nextLeaf();
  for (let depth = 1; !done(); depth++) root = await fill([root], depth);
  return String(root.cid);
}

async function fileNode(children: Node[]): Promise<Node> {
  const fileSize = children.reduce((sum, child) => sum + child.fileSize, 0);
  // Protobuf varint fields, in field order: Type (1) = File (2), filesize (3), blocksizes (4)…
  const field = (number: number, value: number) => [number << 3, ...varintBytes(value)];
  const data = Uint8Array.from([
    ...field(1, 2),
    ...field(3, fileSize),
    ...children.flatMap((child) => field(4, child.fileSize)),
  ]);
  const block = dagPb.encode({
    Data: data,
    Links: children.map((c) => ({ Hash: c.cid, Name: "", Tsize: c.tsize })),
  });
  const tsize = block.length + children.reduce((sum, child) => sum + child.tsize, 0);
  return { cid: CID.createV1(dagPb.code, await sha256.digest(block)), fileSize, tsize };
}

function varintBytes(value: number): number[] {
  const bytes = new Uint8Array(varint.encodingLength(value));
  varint.encodeTo(value, bytes);
  return [...bytes];
}

/** The data re-cut into pieces of exactly `size` bytes (the last may be shorter). */
function* regroup(data: Iterable<Uint8Array>, size: number): Generator<Uint8Array> {
  let buffer = new Uint8Array(0);
  for (const piece of data) {
    const joined = new Uint8Array(buffer.length + piece.length);
    joined.set(buffer);
    joined.set(piece, buffer.length);
    buffer = joined;
    while (buffer.length >= size) {
      yield buffer.subarray(0, size);
      buffer = buffer.subarray(size);
    }
  }
  if (buffer.length > 0) yield buffer;
}
