import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { REPO_ROOT } from "../../scripts/stack/paths";
import { startKuboStandIn } from "./kubo-stand-in";
import { tempDir } from "./support";

const TSX = path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const HELLO = "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am"; // 'hello\n' (Kubo)
const PLANETS = "bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi"; // t0040 (Kubo)

/** `npm run ipfs -- <args>`: scripts/content/ipfs.ts under tsx, as npm runs it. */
function ipfs(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: Buffer; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [TSX, "scripts/content/ipfs.ts", ...args],
      { cwd: REPO_ROOT, env: { ...process.env, IPFS_API_URL: "", ...env }, encoding: "buffer" },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr: stderr.toString() }),
    );
  });
}

describe("content › `npm run ipfs` (scripts/content/ipfs.ts)", function () {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let env: Record<string, string>;
  let files: string;

  before(async function () {
    dir = await tempDir();
    env = { CONTENT_DIR: path.join(dir.dir, "store") };
    files = path.join(dir.dir, "files");
    await mkdir(path.join(files, "planets"), { recursive: true });
    await writeFile(path.join(files, "hello.txt"), "hello\n");
    await writeFile(path.join(files, "planets", "mars.txt"), "Hello Mars!\n");
    await writeFile(path.join(files, "planets", "venus.txt"), "Hello Venus!\n");
    await writeFile(path.join(files, "planets", ".DS_Store"), "hidden, skipped like Kubo does");
  });
  after(async function () {
    await dir.remove();
  });

  it("adds a file and a directory (recursively) and prints Kubo's CIDs", async function () {
    const file = await ipfs(["add", path.join(files, "hello.txt")], env);
    expect(file).to.deep.include({ code: 0, stderr: "" });
    expect(file.stdout.toString()).to.equal(`${HELLO}\n`);
    const directory = await ipfs(["add", path.join(files, "planets")], env);
    expect(directory.stdout.toString()).to.equal(`${PLANETS}\n`);
  });

  it("cats a file, and a file inside a directory, to stdout", async function () {
    expect((await ipfs(["cat", HELLO], env)).stdout.toString()).to.equal("hello\n");
    expect((await ipfs(["cat", `${PLANETS}/venus.txt`], env)).stdout.toString()).to.equal("Hello Venus!\n");
  });

  it("stats as JSON", async function () {
    const { stdout } = await ipfs(["stat", PLANETS], env);
    expect(JSON.parse(stdout.toString())).to.deep.equal({
      cid: PLANETS,
      type: "directory",
      entries: 2,
      blocks: 3,
      dagSize: 134,
    });
  });

  it("explains its usage, and fails clearly", async function () {
    const none = await ipfs([], env);
    expect(none.code).to.equal(2);
    expect(none.stderr).to.match(/^ipfs: no command given\n\nUsage:\n {2}npm run ipfs -- add <path>/);
    expect((await ipfs(["help"], env)).stdout.toString()).to.match(/^Usage:/);
    for (const [args, message] of [
      [["cat", "not-a-cid"], /^ipfs: "not-a-cid" is not a CID\n$/],
      [["cat", `${PLANETS}/pluto.txt`], /was not found/],
      [["cat", PLANETS], /is a directory, not a file/],
      [["add", path.join(files, "missing.txt")], /ENOENT/],
    ] as const) {
      const result = await ipfs([...args], env);
      expect(result.code, args.join(" ")).to.equal(1);
      expect(result.stderr, args.join(" ")).to.match(message);
    }
  });

  it("uses the Kubo node when IPFS_API_URL is set", async function () {
    const kubo = await startKuboStandIn();
    try {
      const viaKubo = { IPFS_API_URL: kubo.url };
      expect((await ipfs(["add", path.join(files, "planets")], viaKubo)).stdout.toString()).to.equal(
        `${PLANETS}\n`,
      );
      expect((await ipfs(["cat", `${PLANETS}/mars.txt`], viaKubo)).stdout.toString()).to.equal(
        "Hello Mars!\n",
      );
      expect(kubo.calls.map((call) => call.endpoint)).to.include.members(["add", "block/get"]);
    } finally {
      await kubo.close();
    }
  });
});
