import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { createPublicClient, getContract, http } from "viem";
import type { Hex, PublicClient } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { CLEAR_ANSWERS, parseAnswers } from "../../content/formats/answer-key";
import { packCourse } from "../../content/formats/course-package";
import type { GradeResult } from "../../server/grader";
import { CLIENT_ADDRESS_HEADER } from "../../content/rate-limit";
import { LOCAL_MNEMONIC, localPrivateKey } from "../../protocol/chain";
import type { Manifest } from "../../protocol/manifest";
import { contractOf } from "../../protocol/manifest";
import { REPO_ROOT } from "../../scripts/stack/paths";
import { freePort, stopAllServices } from "../../scripts/stack/processes";
import type { Service } from "../../scripts/stack/processes";
import { deployLocal, startApp, startChain } from "../../scripts/stack/stack";
import { buildApp } from "../support/app-build";
import { postJson } from "../support/http";
import { signedSubmission } from "../support/quiz";

// The seed registers the courses of `courses/` in name order: course 1 is budgeting on an
// irregular income, 150 AZR (135 to the learner).
const FOLDER = path.join(REPO_ROOT, "courses", "budgeting-irregular-income");

describe("grader › the API of the running app (production build, real chain, seeded courses)", function () {
  let manifest: Manifest;
  let publicClient: PublicClient;
  let rpcUrl: string;
  let dataDir: string;
  let app: { service: Service; url: string };
  let key: Record<string, number>;
  let course: Awaited<ReturnType<typeof packCourse>>["course"];

  const startGraderApp = async () =>
    startApp({
      mode: "start",
      port: await freePort(),
      rpcUrl,
      indexerUrl: "http://127.0.0.1:9",
      env: { AZORA_DATA_DIR: dataDir },
    });

  before(async function () {
    const chain = await startChain(await freePort());
    rpcUrl = chain.rpcUrl;
    manifest = await deployLocal(rpcUrl, { seed: true });
    publicClient = createPublicClient({ transport: http(rpcUrl) });
    dataDir = await mkdtemp(path.join(tmpdir(), "azora-grader-data-"));
    ({ course } = await packCourse(FOLDER));
    key = parseAnswers(await readFile(path.join(FOLDER, CLEAR_ANSWERS)));
    await buildApp();
    app = await startGraderApp();
  });
  after(async function () {
    await stopAllServices();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** Requests as a caller who names other clients in the headers it sets. */
  const FORGED = { "x-forwarded-for": "203.0.113.1", [CLIENT_ADDRESS_HEADER]: "203.0.113.2" };

  const post = <T>(route: string, body: unknown) => postJson<T>(`${app.url}${route}`, body, FORGED);

  async function grade(learner: ReturnType<typeof privateKeyToAccount>, wrong: number) {
    const body = await signedSubmission(
      app.url,
      learner,
      { course, key },
      { chainId: manifest.chainId, pok: contractOf(manifest, "ProofOfKnowledge").address },
      { wrong, headers: FORGED },
    );
    return post<GradeResult & { error?: string }>("/api/grade", body);
  }

  it("lets a learner with zero ETH pass a seeded course and receive AZR and a credential through the relayer", async function () {
    const learner = privateKeyToAccount(generatePrivateKey());
    const failed = await grade(learner, 5);
    expect(failed.status, failed.body.error).to.equal(200);
    expect(failed.body).to.include({ passed: false, score: 5_000 });
    expect(failed.body.voucher).to.equal(undefined);

    const passed = await grade(learner, 0);
    expect(passed.body).to.include({ passed: true, score: 10_000 });
    const claim = await post<{ hash: Hex; credentialId: string; error?: string }>(
      "/api/relay/claim",
      passed.body.voucher,
    );
    expect(claim.status, claim.body.error).to.equal(200);

    const token = getContract({ ...contractOf(manifest, "AzoraToken"), client: publicClient });
    const credential = getContract({ ...contractOf(manifest, "AzoraCredential"), client: publicClient });
    expect(await token.read.balanceOf([learner.address])).to.equal(135n * 10n ** 18n);
    expect(await credential.read.isValid([BigInt(claim.body.credentialId)])).to.equal(true);
    expect(await publicClient.getBalance({ address: learner.address })).to.equal(0n);
  });

  it("gives a spammer no voucher: after two fails the next attempt waits, and still waits after the app restarts", async function () {
    const learner = privateKeyToAccount(generatePrivateKey());
    for (let i = 0; i < 2; i++) expect((await grade(learner, 8)).status).to.equal(200);
    const spam = await grade(learner, 0);
    expect(spam.status).to.equal(429);
    expect(spam.body.voucher).to.equal(undefined);

    await app.service.stop();
    app = await startGraderApp();
    const afterRestart = await grade(learner, 0);
    expect(afterRestart.status).to.equal(429);
    expect(afterRestart.body.error).to.match(/^after 2 failed attempts at course 1 the next one opens at /);
  });

  it("finding 2: keys clients on the socket's address, whatever X-Forwarded-For or our own header the caller sends", async function () {
    const state = JSON.parse(await readFile(path.join(dataDir, "grader.json"), "utf8")) as {
      clients: Record<string, number[]>;
    };
    expect(Object.keys(state.clients)).to.deep.equal(["127.0.0.1"]);
  });

  it("answers a wrong method with 405 and a message, and a large body with 413 before reading it", async function () {
    const wrong = await fetch(`${app.url}/api/relay/claim`);
    expect(wrong.status).to.equal(405);
    expect(await wrong.json()).to.deep.equal({ error: "GET is not allowed here: use POST" });
    const big = await fetch(`${app.url}/api/relay/vote`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: " ".repeat(1024 * 1024),
    });
    expect(big.status).to.equal(413);
    expect(await big.json()).to.deep.equal({ error: "the body is larger than the limit of 8192 bytes" });
  });

  it("puts no key in the built client files (.next/static)", async function () {
    const secrets = Array.from({ length: 20 }, (_, i) => localPrivateKey(i).slice(2));
    for (const name of ["AZORA_VERIFIER_KEY", "AZORA_RELAYER_KEY", "DEPLOYER_PRIVATE_KEY"]) {
      const value = process.env[name];
      if (value) secrets.push(value.replace(/^0x/, "").toLowerCase());
    }
    const files = (
      await readdir(path.join(REPO_ROOT, ".next", "static"), { recursive: true, withFileTypes: true })
    )
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name));
    expect(files.filter((file) => file.endsWith(".js")).length).to.be.greaterThan(10);
    for (const file of files) {
      const text = (await readFile(file, "utf8")).toLowerCase();
      for (const secret of secrets) expect(text.includes(secret), `a private key in ${file}`).to.equal(false);
      expect(text.includes(LOCAL_MNEMONIC), `the local mnemonic in ${file}`).to.equal(false);
    }
  });
});
