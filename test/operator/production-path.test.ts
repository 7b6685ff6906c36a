import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { expect } from "chai";
import { createPublicClient, createWalletClient, getContract, http, parseEther } from "viem";
import type { Address, Hex, PublicClient } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import type { PrivateKeyAccount } from "viem/accounts";
import { CLEAR_ANSWERS, parseAnswers } from "../../content/formats/answer-key";
import { packCourse } from "../../content/formats/course-package";
import { azoraChain, localAccount, localPrivateKey } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import type { Manifest } from "../../protocol/manifest";
import { chainToWrite, deployerAccount } from "../../scripts/deploy/clients";
import { checkDeployConfig, deployConfigSchema } from "../../scripts/deploy/config";
import { REPO_ROOT } from "../../scripts/stack/paths";
import { binOf, freePort, startService, stopAllServices, waitForHttp } from "../../scripts/stack/processes";
import type { Service } from "../../scripts/stack/processes";
import type { GradeResult } from "../../server/grader";
import { postJson } from "../support/http";
import { signedSubmission } from "../support/quiz";

/**
 * The operator's path of docs/deploying.md on a second chain, as an operator runs it: a Hardhat
 * node with chain id 7777, an operator's checkout of this repository (the working tree copied),
 * fresh keys funded by the node, then every command of the page: the
 * production deploy from a config file, the audit, the bootstrap registering a course, the
 * indexer, the production app build, a learner with no ETH claiming through the app's relayer,
 * and the bootstrap curator's power gone at the end (the audit shows the Timelock alone).
 */

const CHAIN_ID = 7777;
const COURSE = "budgeting-irregular-income";
const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");

/**
 * An operator's checkout: the files of a clone (tracked and new ones, without the local
 * deployment's JSON) and the compiled contracts, in a new folder under `.azora/`. It has no
 * node_modules and no lockfile of its own: Node, Next (whose Turbopack compiles nothing outside
 * its workspace root, the folder of the nearest lockfile) and Ponder find this repository's
 * node_modules one level up, so nothing is installed or linked.
 */
async function operatorCheckout(): Promise<string> {
  await mkdir(path.join(REPO_ROOT, ".azora"), { recursive: true });
  const dir = await mkdtemp(path.join(REPO_ROOT, ".azora", "operator-"));
  const { stdout } = await run("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: REPO_ROOT });
  for (const file of stdout.split("\0").filter(Boolean)) {
    if (file === "package-lock.json" || (file.startsWith("deployments/") && file !== "deployments/index.ts"))
      continue;
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await cp(path.join(REPO_ROOT, file), path.join(dir, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error; // a file deleted in the working tree
    });
  }
  await cp(path.join(REPO_ROOT, "artifacts"), path.join(dir, "artifacts"), { recursive: true });
  return dir;
}

/** `probe()`'s first defined answer, polled every 250 ms for up to a minute. */
async function eventually<T>(probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("the indexer did not show it within a minute");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("operator › the production path of docs/deploying.md on chain id 7777", function () {
  let checkout: string;
  let chain: Service;
  let rpcUrl: string;
  let publicClient: PublicClient;
  let contentDir: string;
  let manifest: Manifest;
  /** The course package's title, which credentials name the course by. */
  let title: string;
  const keys = {
    deployer: generatePrivateKey(),
    curator: generatePrivateKey(),
    guardian: generatePrivateKey(),
    verifier: generatePrivateKey(),
    relayer: generatePrivateKey(),
  };
  const account = (key: Hex) => privateKeyToAccount(key);

  /** A script of the checkout, as `npm run <name>` runs it (tsx), with `env` added to the environment. */
  async function script(file: string, args: string[], env: Record<string, string> = {}) {
    try {
      const { stdout, stderr } = await run(process.execPath, [TSX, file, ...args], {
        cwd: checkout,
        env: { ...process.env, RPC_URL: rpcUrl, CONTENT_DIR: contentDir, ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
      return { code, stdout, stderr };
    }
  }

  before(async function () {
    this.timeout(120_000);
    checkout = await operatorCheckout();
    contentDir = path.join(checkout, ".azora", "content");
    const port = await freePort();
    chain = startService("chain 7777", binOf("hardhat"), [
      "node",
      "--hostname",
      "127.0.0.1",
      "--port",
      String(port),
      "--chain-id",
      String(CHAIN_ID),
    ]);
    rpcUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(rpcUrl, chain, 120_000, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
    });
    publicClient = createPublicClient({ chain: azoraChain(CHAIN_ID, rpcUrl), transport: http(rpcUrl) });
  });

  after(async function () {
    await stopAllServices();
    if (checkout) await rm(checkout, { recursive: true, force: true });
  });

  it("refuses a development key, a missing RPC_URL and an inert config, each saying what to do", async function () {
    const chain7777 = azoraChain(CHAIN_ID, rpcUrl);
    expect(() => deployerAccount(chain7777, { DEPLOYER_PRIVATE_KEY: localPrivateKey(0) })).to.throw(
      'DEPLOYER_PRIVATE_KEY is a key of the public development mnemonic (test test … junk), which anyone can use: never on chain 7777. Make a key of your own (docs/deploying.md, "Make the keys")',
    );
    expect(() => deployerAccount(chain7777, {})).to.throw(
      "Chain 7777 is not the local chain: set DEPLOYER_PRIVATE_KEY to a funded key of your own",
    );
    const config = (curator: Address) =>
      deployConfigSchema.parse({ bootstrapCurators: [{ account: curator, termDays: 30 }] });
    expect(() => checkDeployConfig(config(localAccount(7).address), CHAIN_ID)).to.throw(
      `the deploy config: bootstrapCurators names ${localAccount(7).address}, an account of the public development mnemonic`,
    );
    expect(() => checkDeployConfig(deployConfigSchema.parse({ bootstrapCurators: [] }), CHAIN_ID)).to.throw(
      "the deploy config: bootstrapCurators is empty",
    );
    // The local chain keeps its development accounts.
    expect(checkDeployConfig(config(localAccount(7).address), 31337).deploy.bootstrapCurators).to.have.length(
      1,
    );
    // A writing command with no RPC_URL only ever writes to a local chain 31337 at 127.0.0.1:8545.
    const unset = await chainToWrite({}).then(
      (c) => c.id,
      (error: Error) => error.message,
    );
    expect(String(unset)).to.match(/^(31337|RPC_URL is not set)/);
    // The deploy itself, with the development key, or without a config.
    const devKey = await script("scripts/deploy/main.ts", ["--config", "x.json"], {
      DEPLOYER_PRIVATE_KEY: localPrivateKey(0),
    });
    expect(devKey.code).to.equal(1);
    expect(devKey.stderr).to.include("DEPLOYER_PRIVATE_KEY is a key of the public development mnemonic");
    const noConfig = await script("scripts/deploy/main.ts", [], { DEPLOYER_PRIVATE_KEY: keys.deployer });
    expect(noConfig.stderr).to.include(
      "Chain 7777 is not the local chain: give the deploy config with --config <file>",
    );
  });

  it("funds fresh keys, publishes a course, deploys from the config file and hands every role to the Timelock", async function () {
    this.timeout(180_000);
    // The operator's faucet on this rehearsal chain: the node's own funded account.
    const faucet = createWalletClient({
      chain: azoraChain(CHAIN_ID, rpcUrl),
      transport: http(rpcUrl),
      account: localAccount(0),
    });
    for (const [who, eth] of [
      ["deployer", "1"],
      ["curator", "0.1"],
      ["relayer", "0.5"],
    ] as const) {
      await publicClient.waitForTransactionReceipt({
        hash: await faucet.sendTransaction({ to: account(keys[who]).address, value: parseEther(eth) }),
      });
    }

    const published = await script("scripts/content/course-publish.ts", [
      path.join("courses", COURSE),
      "--verifier-public-key",
      account(keys.verifier).publicKey,
    ]);
    expect(published.code, published.stderr).to.equal(0);
    const cid = published.stdout.trim();
    expect(cid).to.match(/^bafy/);
    expect(published.stderr).to.include(
      "Chain 7777 is not the local chain, so the course is published but not registered",
    );
    expect(published.stderr).to.include("npm run bootstrap -- --config <file>");
    // Credentials name the course by its package's title, which the hint hands on to the config.
    ({ title } = JSON.parse(
      await readFile(path.join(REPO_ROOT, "courses", COURSE, "course.json"), "utf8"),
    ) as {
      title: string;
    });
    expect(published.stderr).to.include(`{ "title": ${JSON.stringify(title)}, "contentCid": "${cid}"`);

    const config = {
      publicAppUrl: "https://azora.example",
      governance: { proposalThresholdAzr: 100 },
      guardians: [{ account: account(keys.guardian).address, termDays: 180 }],
      bootstrapCurators: [{ account: account(keys.curator).address, termDays: 30 }],
      bootstrap: {
        verifiers: [{ account: account(keys.verifier).address, claimLimit: 100 }],
        courses: [
          {
            title,
            contentCid: cid,
            verifier: account(keys.verifier).address,
            rewardAzr: 150,
            minScorePercent: 70,
            validityDays: 0,
          },
        ],
      },
    };
    await writeFile(path.join(checkout, "azora.config.json"), JSON.stringify(config, null, 2));

    const deployed = await script("scripts/deploy/main.ts", ["--config", "azora.config.json"], {
      DEPLOYER_PRIVATE_KEY: keys.deployer,
    });
    expect(deployed.code, deployed.stderr).to.equal(0);
    expect(deployed.stdout).to.include(
      `Deploying Azora to chain 7777 from ${account(keys.deployer).address}`,
    );
    expect(deployed.stdout).to.include(`bootstrap curator ${account(keys.curator).address} until`);
    expect(deployed.stdout).to.include("now holds no role in any Azora contract");

    manifest = JSON.parse(
      await readFile(path.join(checkout, "deployments", "7777.json"), "utf8"),
    ) as Manifest;
    expect(manifest.chainId).to.equal(CHAIN_ID);
    expect(manifest.appointees?.curators.map((c) => c.account)).to.deep.equal([
      account(keys.curator).address,
    ]);
    // The typed module holds both deployments side by side and selects the new one.
    const index = await readFile(path.join(checkout, "deployments", "index.ts"), "utf8");
    expect(index).to.include("  31337: {");
    expect(index).to.include("  7777: {");
    expect(index).to.include("export const manifest: Manifest = manifests[7777];");
  });

  it("passes the audit, with the bootstrap curator and the guardian for their terms", async function () {
    this.timeout(60_000);
    const audit = await script("scripts/deploy/verify.ts", []);
    expect(audit.code, audit.stdout + audit.stderr).to.equal(0);
    expect(audit.stdout).to.include("Every role and owner is as expected");
    const curators = audit.stdout.split("\n").filter((line) => line.includes("ProofOfKnowledge.CURATOR"));
    expect(curators).to.have.length(2);
    expect(curators.join("\n")).to.include(account(keys.curator).address);
  });

  it("bootstraps: the curator sets the verifier's limit and registers the course, once", async function () {
    this.timeout(60_000);
    const env = { BOOTSTRAP_CURATOR_KEY: keys.curator };
    const first = await script("scripts/deploy/run-bootstrap.ts", ["--config", "azora.config.json"], env);
    expect(first.code, first.stderr).to.equal(0);
    expect(first.stdout).to.include(
      `done    verifier ${account(keys.verifier).address} may sign 100 claims per epoch`,
    );
    expect(first.stdout).to.match(/done {4}course 1 is bafy/);
    const again = await script("scripts/deploy/run-bootstrap.ts", ["--config", "azora.config.json"], env);
    expect(again.stdout).to.match(/already course 1 is bafy/);
    const pok = getContract({ ...contractOf(manifest, "ProofOfKnowledge"), client: publicClient });
    expect(await pok.read.courseCount()).to.equal(1n);
  });

  let indexerUrl: string;
  it("indexes the chain: the bootstrap's course is there", async function () {
    this.timeout(240_000);
    const port = await freePort();
    const indexer = startService(
      "indexer 7777",
      binOf("ponder"),
      ["start", "--config", "../ponder.config.ts", "--schema", `azora_${CHAIN_ID}`, "--port", String(port)],
      {
        cwd: path.join(checkout, "indexer"),
        env: {
          RPC_URL: rpcUrl,
          PONDER_TELEMETRY_DISABLED: "1",
          DATABASE_URL: undefined,
          PONDER_PGLITE_DIR: path.join(checkout, ".azora", "pglite"),
        },
      },
    );
    indexerUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(`${indexerUrl}/ready`, indexer, 180_000);
    // The bootstrap's blocks come in by live indexing, a moment after /ready.
    const courses = await eventually(async () => {
      const response = await fetch(`${indexerUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ courses { items { id title contentCid verifier } } }" }),
      });
      const { data } = (await response.json()) as {
        data: { courses: { items: { id: string; title: string; verifier: string }[] } };
      };
      return data.courses.items.length > 0 ? data.courses.items : undefined;
    });
    expect(courses.map((c) => c.id)).to.deep.equal(["1"]);
    expect(courses[0]!.verifier.toLowerCase()).to.equal(account(keys.verifier).address.toLowerCase());
    expect(courses[0]!.title).to.equal(title);
  });

  let app: { service: Service; url: string };
  // `next build` type-checks every file of the checkout (tsconfig.json: the app, the indexer, the
  // scripts) against the 7777 manifest, then bundles the app with it compiled in.
  it("builds the production app for chain 7777 and starts it with the operator's keys", async function () {
    this.timeout(1_200_000);
    const started = Date.now();
    const build = startService("next build 7777", binOf("next"), ["build"], {
      cwd: checkout,
      env: { NEXT_TELEMETRY_DISABLED: "1" },
    });
    const code = await new Promise<number | null>((resolve) => build.child.once("exit", resolve));
    expect(code, build.tail()).to.equal(0);
    console.log(`      (next build of the 7777 checkout: ${((Date.now() - started) / 1000).toFixed(0)} s)`);

    const port = await freePort();
    const service = startService(
      "app 7777",
      binOf("next"),
      ["start", "--hostname", "127.0.0.1", "--port", String(port)],
      {
        cwd: checkout,
        env: {
          RPC_URL: rpcUrl,
          INDEXER_URL: indexerUrl,
          NEXT_TELEMETRY_DISABLED: "1",
          CONTENT_DIR: contentDir,
          AZORA_DATA_DIR: path.join(checkout, ".azora", "data"),
          AZORA_VERIFIER_KEY: keys.verifier,
          AZORA_RELAYER_KEY: keys.relayer,
        },
      },
    );
    app = { service, url: `http://127.0.0.1:${port}` };
    await waitForHttp(app.url, service, 300_000);
    const home = await (await fetch(app.url)).text();
    // The footer names the chain the build compiled in (its number formatted for the locale).
    expect(home).to.match(/from chain 7,?777/);
  });

  it("lets a learner with no ETH pass the course and claim through the app's relayer", async function () {
    this.timeout(120_000);
    const folder = path.join(REPO_ROOT, "courses", COURSE);
    const { course } = await packCourse(folder);
    const key = parseAnswers(await readFile(path.join(folder, CLEAR_ANSWERS)));
    const learner: PrivateKeyAccount = privateKeyToAccount(generatePrivateKey());
    const submission = await signedSubmission(
      app.url,
      learner,
      { course, key },
      { chainId: CHAIN_ID, pok: contractOf(manifest, "ProofOfKnowledge").address },
    );
    const post = <T>(route: string, body: unknown) => postJson<T>(`${app.url}${route}`, body);
    const graded = await post<GradeResult>("/api/grade", submission);
    expect(graded.status, graded.body.error).to.equal(200);
    expect(graded.body.passed).to.equal(true);
    const claim = await post<{ credentialId: string }>("/api/relay/claim", graded.body.voucher);
    expect(claim.status, claim.body.error).to.equal(200);

    const token = getContract({ ...contractOf(manifest, "AzoraToken"), client: publicClient });
    expect(await token.read.balanceOf([learner.address])).to.equal(135n * 10n ** 18n);
    expect(await publicClient.getBalance({ address: learner.address })).to.equal(0n);
    const credentials = getContract({ ...contractOf(manifest, "AzoraCredential"), client: publicClient });
    expect(await credentials.read.isValid([BigInt(claim.body.credentialId)])).to.equal(true);
    // The indexer serves it to verifiers.
    const indexed = await eventually(async () => {
      const response = await fetch(`${indexerUrl}/credentials/${claim.body.credentialId}`);
      return response.ok ? ((await response.json()) as { holder: string; chainId: number }) : undefined;
    });
    expect(indexed.holder.toLowerCase()).to.equal(learner.address.toLowerCase());
    expect(indexed.chainId).to.equal(CHAIN_ID);
  });

  it("ends the bootstrap: the curator renounces, the audit shows the Timelock alone as curator, and a second bootstrap is refused", async function () {
    this.timeout(60_000);
    const env = { BOOTSTRAP_CURATOR_KEY: keys.curator };
    const ended = await script("scripts/deploy/run-bootstrap.ts", ["--end"], env);
    expect(ended.code, ended.stderr).to.equal(0);
    expect(ended.stdout).to.include(
      "renounced CURATOR_ROLE on chain 7777: only the AzoraTimelock curates now",
    );

    const audit = await script("scripts/deploy/verify.ts", []);
    expect(audit.code, audit.stdout + audit.stderr).to.equal(0);
    const curators = audit.stdout.split("\n").filter((line) => line.includes("ProofOfKnowledge.CURATOR"));
    expect(curators).to.have.length(1);
    expect(curators[0]).to.match(/ProofOfKnowledge\.CURATOR\s+AzoraTimelock$/);

    const refused = await script("scripts/deploy/run-bootstrap.ts", ["--config", "azora.config.json"], env);
    expect(refused.code).to.equal(1);
    expect(refused.stderr).to.include(`${account(keys.curator).address} was a bootstrap curator until`);
    expect(refused.stderr).to.include("register courses and verifier limits by a DAO proposal instead");
  });
});
