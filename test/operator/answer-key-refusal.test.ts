import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { REPO_ROOT } from "../../scripts/stack/paths";

const TSX = path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const COURSE = path.join("courses", "budgeting-irregular-income");

/** `npm run ipfs -- <args>` into the embedded store at `contentDir`. */
function ipfs(args: string[], contentDir: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [TSX, "scripts/content/ipfs.ts", ...args],
      { cwd: REPO_ROOT, env: { ...process.env, IPFS_API_URL: "", CONTENT_DIR: contentDir } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("operator › an answer key is never published in the clear (`npm run ipfs -- add`)", function () {
  let contentDir: string;
  before(async function () {
    contentDir = await mkdtemp(path.join(tmpdir(), "azora-answer-key-"));
  });
  after(async function () {
    await rm(contentDir, { recursive: true, force: true });
  });

  const refusal = (file: string) =>
    `ipfs: ${file} is a course's answer key: it is never published in the clear (anyone could read the answers). ` +
    "Publish the course with npm run course:publish -- <folder> --verifier-public-key 0x04…, which encrypts it for the verifier. Nothing was added.\n";

  it("refuses a course folder holding answers.json, and adds nothing", async function () {
    const added = await ipfs(["add", COURSE], contentDir);
    expect(added).to.deep.equal({ code: 1, stdout: "", stderr: refusal(path.join(COURSE, "answers.json")) });
    expect(await readdir(contentDir).catch(() => [])).to.deep.equal([]);
  });

  it("refuses the answers.json file itself", async function () {
    const file = path.join(COURSE, "answers.json");
    expect(await ipfs(["add", file], contentDir)).to.deep.equal({
      code: 1,
      stdout: "",
      stderr: refusal(file),
    });
  });

  it("still adds a course's other files", async function () {
    const lesson = await ipfs(["add", path.join(COURSE, "course.json")], contentDir);
    expect(lesson.code, lesson.stderr).to.equal(0);
    expect(lesson.stdout).to.match(/^bafkrei[a-z2-7]+\n$/);
  });
});
