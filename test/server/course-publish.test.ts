import { execFile } from "node:child_process";
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { createPublicClient, getContract, http } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { openEmbeddedStore } from "../../content/embedded";
import { readAll } from "../../content/dag";
import { ENCRYPTED_ANSWERS, parseAnswerKeyEnvelope } from "../../content/formats/answer-key";
import { localVerifier } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import type { Manifest } from "../../protocol/manifest";
import { writeManifest } from "../../scripts/deploy/manifest";
import { REPO_ROOT } from "../../scripts/stack/paths";
import { freePort, stopAllServices } from "../../scripts/stack/processes";
import { deployLocal, startChain } from "../../scripts/stack/stack";
import { tempDir } from "../content/support";

const TSX = path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const FOLDER = path.join(REPO_ROOT, "courses", "typescript-first-steps");

/** `npm run course:publish -- <args>`: scripts/content/course-publish.ts under tsx, as npm runs it. */
function publish(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [TSX, "scripts/content/course-publish.ts", ...args],
      { cwd: REPO_ROOT, env: { ...process.env, IPFS_API_URL: "", AZORA_VERIFIER_PUBLIC_KEY: "", ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("grader › `npm run course:publish` (scripts/content/course-publish.ts)", function () {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let env: Record<string, string>;
  let manifest: Manifest;
  let rpcUrl: string;

  before(async function () {
    dir = await tempDir("azora-publish-");
    const chain = await startChain(await freePort());
    rpcUrl = chain.rpcUrl;
    // Seeded as `npm run dev` seeds it: governance curates, and the demo accounts hold votes.
    manifest = await deployLocal(rpcUrl, { seed: true });
    env = { CONTENT_DIR: path.join(dir.dir, "store"), RPC_URL: rpcUrl };
  });
  after(async function () {
    await stopAllServices();
    await dir.remove();
  });

  async function envelopeOf(cid: string) {
    const store = await openEmbeddedStore(env.CONTENT_DIR!);
    try {
      return parseAnswerKeyEnvelope(await readAll(store.cat(`${cid}/${ENCRYPTED_ANSWERS}`)));
    } finally {
      await store.close();
    }
  }

  it("on the local chain: encrypts for local verifier #8 by default, prints the CID and registers the course", async function () {
    const run = await publish([FOLDER], env);
    expect(run.code, run.stderr).to.equal(0);
    const cid = run.stdout.trim();
    expect(cid).to.match(/^bafybei[a-z2-7]+$/);
    expect(run.stderr).to.include("WARNING: no verifier public key given");
    expect((await envelopeOf(cid)).verifier).to.equal(localVerifier().address);

    const pok = getContract({
      ...contractOf(manifest, "ProofOfKnowledge"),
      client: createPublicClient({ transport: http(rpcUrl) }),
    });
    // The seed registered three courses; this is the fourth, registered by a passed DAO proposal.
    const id = await pok.read.courseCount();
    const course = await pok.read.course([id]);
    const { title } = JSON.parse(await readFile(path.join(FOLDER, "course.json"), "utf8")) as {
      title: string;
    };
    expect(course).to.include({ title, contentCid: cid, verifier: localVerifier().address, active: true });
    expect(run.stderr).to.match(
      new RegExp(`Registered on chain 31337 as course ${id}, by DAO proposal \\d+`),
    );
  });

  it("says why it cannot register on a local chain whose DAO no demo account can propose to", async function () {
    const bare = await startChain(await freePort());
    await deployLocal(bare.rpcUrl, { seed: false });
    try {
      const run = await publish([FOLDER], { ...env, RPC_URL: bare.rpcUrl });
      expect(run.code).to.equal(1);
      expect(run.stderr).to.include(
        "Governance owns this, and no demo account holds the votes to propose it",
      );
    } finally {
      await bare.service.stop();
      // deployLocal wrote the bare chain's manifest: the seeded chain's is the one later tests read.
      await writeManifest(manifest);
    }
  });

  it("encrypts for the verifier key it is given, and without a chain only publishes", async function () {
    const verifier = privateKeyToAccount(generatePrivateKey());
    const run = await publish([FOLDER, "--verifier-public-key", verifier.publicKey], {
      ...env,
      RPC_URL: "http://127.0.0.1:9",
    });
    expect(run.code, run.stderr).to.equal(0);
    expect((await envelopeOf(run.stdout.trim())).verifier).to.equal(verifier.address);
    expect(run.stderr).to.include(
      "No chain answers at RPC_URL, so the course is published but not registered",
    );
    expect(run.stderr).to.include("npm run bootstrap");
  });

  it("refuses a folder that is not a course, a title the chain would refuse, and a missing key off the local chain, saying why", async function () {
    const notCourse = await publish([path.join(REPO_ROOT, "content")], env);
    expect(notCourse.code).to.equal(1);
    expect(notCourse.stderr).to.match(/The course is not valid:\n {2}course\.json: not found in/);
    // A package whose title credentials could not show as it is (the chain would refuse it).
    const ampersand = path.join(dir.dir, "ampersand");
    await cp(FOLDER, ampersand, { recursive: true });
    const head = JSON.parse(await readFile(path.join(ampersand, "course.json"), "utf8")) as object;
    await writeFile(
      path.join(ampersand, "course.json"),
      JSON.stringify({ ...head, title: "Q&A: TypeScript" }),
    );
    const badTitle = await publish([ampersand], env);
    expect(badTitle.code).to.equal(1);
    expect(badTitle.stderr).to.match(
      /The course is not valid:\n {2}course\.json: title: a course title has no control character and no ", \\, <, > or &/,
    );
    const noKey = await publish([FOLDER], { ...env, RPC_URL: "http://127.0.0.1:9" });
    expect(noKey.code).to.equal(1);
    expect(noKey.stderr).to.include("give the verifier's public key");
    expect(noKey.stdout).to.equal("");
  });
});
