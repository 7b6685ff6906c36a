import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { getAddress, parseEther } from "viem";
import { assertDeploymentAudited, auditDeployment } from "../../scripts/deploy/audit";
import { curatorStatus, endBootstrap, runBootstrap } from "../../scripts/deploy/bootstrap";
import type { BootstrapPlan } from "../../scripts/deploy/config";
import { readDeployConfig } from "../../scripts/deploy/config";
import { DEFAULT_DEPLOY_CONFIG, deployAzora } from "../../scripts/deploy/contracts";
import type { DeployConfig } from "../../scripts/deploy/contracts";
import { handOverToGovernance } from "../../scripts/deploy/governance";
import { Roles } from "../../protocol/roles";
import { networkHelpers, viem } from "../support/fixture";

/**
 * Issue 21: the bootstrap of a production deployment. A bootstrap curator named by the deploy
 * config registers the first courses and verifier limits, only once, then ends its own power; the
 * audit then shows the Timelock alone as curator. The config file refuses what would make a
 * deployment inert or open.
 */
const { loadFixture } = networkHelpers;
const DAY = 24 * 60 * 60;
const CID = "bafybeihjnsngtz6n4lz746se5hc6z7enypbklyykj4iow47xqodmcwzqmu";

/** The message `promise` rejects with; fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("expected a refusal, and it went through");
}

async function bootstrapped() {
  const [deployer, , , carol, dave, verifier] = await viem.getWalletClients();
  const config: DeployConfig = {
    ...DEFAULT_DEPLOY_CONFIG,
    guardians: [{ account: carol!.account.address, termSeconds: 180 * DAY }],
    bootstrapCurators: [{ account: dave!.account.address, termSeconds: 90 * DAY }],
  };
  const publicClient = await viem.getPublicClient();
  const manifest = await deployAzora({ publicClient, walletClient: deployer! }, config);
  await handOverToGovernance(manifest, { publicClient, walletClient: deployer! }, config.governance);
  const plan: BootstrapPlan = {
    verifiers: [{ account: getAddress(verifier!.account.address), claimLimit: 500 }],
    courses: [
      {
        title: "Budgeting basics",
        contentCid: CID,
        verifier: getAddress(verifier!.account.address),
        rewardAzr: 150,
        minScorePercent: 70,
        validityDays: 365,
      },
    ],
  };
  const pok = await viem.getContractAt("ProofOfKnowledge", manifest.contracts.ProofOfKnowledge.address);
  return { manifest, publicClient, plan, pok, curator: dave!, stranger: carol!, verifier: verifier! };
}

describe("issue 21 › the bootstrap: first courses and verifier limits, then only the Timelock curates", () => {
  it("registers the plan once, as written: the verifier's limit, and the course with its terms", async () => {
    const b = await loadFixture(bootstrapped);
    const clients = { publicClient: b.publicClient, walletClient: b.curator };
    expect(await runBootstrap(b.manifest, clients, b.plan)).to.deep.equal([
      { what: `verifier ${b.plan.verifiers[0]!.account} may sign 500 claims per epoch`, done: "now" },
      { what: `course 1 is ${CID}`, done: "now" },
    ]);
    const course = await b.pok.read.course([1n]);
    expect(course).to.include({
      title: "Budgeting basics",
      contentCid: CID,
      reward: parseEther("150"),
      minScore: 7_000,
      validity: 365 * DAY,
    });
    expect((await b.pok.read.verifierStatus([b.plan.verifiers[0]!.account]))[0]).to.equal(500);
    expect((await runBootstrap(b.manifest, clients, b.plan)).map((s) => s.done)).to.deep.equal([
      "already",
      "already",
    ]);
    expect(await b.pok.read.courseCount()).to.equal(1n);
  });

  it("refuses a course whose verifier has no claim limit in the plan", async () => {
    const b = await loadFixture(bootstrapped);
    const plan = { ...b.plan, verifiers: [] };
    expect(
      await rejection(
        runBootstrap(b.manifest, { publicClient: b.publicClient, walletClient: b.curator }, plan),
      ),
    ).to.equal(
      `The course verifier ${b.plan.verifiers[0]!.account} has no claim limit in bootstrap.verifiers: add it, or its learners could not claim`,
    );
  });

  it("ends by the curator's own renounce: the audit passes with the Timelock alone, and a second bootstrap is refused", async () => {
    const b = await loadFixture(bootstrapped);
    const clients = { publicClient: b.publicClient, walletClient: b.curator };
    await runBootstrap(b.manifest, clients, b.plan);
    await endBootstrap(b.manifest, clients);
    const audit = await assertDeploymentAudited(b.manifest, b.publicClient);
    expect(
      audit.powers.filter((p) => p.power === "ProofOfKnowledge.CURATOR").map((p) => p.account),
    ).to.deep.equal([getAddress(b.manifest.contracts.AzoraTimelock.address)]);
    expect(await curatorStatus(b.manifest, b.publicClient, b.curator.account.address)).to.include({
      live: false,
    });
    const termEndsAt = b.manifest.appointees!.curators[0]!.termEndsAt;
    expect(await rejection(runBootstrap(b.manifest, clients, b.plan))).to.equal(
      `${getAddress(b.curator.account.address)} was a bootstrap curator until ${new Date(termEndsAt * 1000).toISOString()}, and its term has ended or it renounced: register courses and verifier limits by a DAO proposal instead (docs/deploying.md, "After the bootstrap")`,
    );
    expect(await rejection(endBootstrap(b.manifest, clients))).to.include("was a bootstrap curator until");
  });

  it("refuses a bootstrap by an account the deploy never appointed", async () => {
    const b = await loadFixture(bootstrapped);
    expect(
      await rejection(
        runBootstrap(b.manifest, { publicClient: b.publicClient, walletClient: b.stranger }, b.plan),
      ),
    ).to.include(
      `${getAddress(b.stranger.account.address)} is not a bootstrap curator of this deployment: register courses and verifier limits by a DAO proposal instead`,
    );
  });

  it("still refuses the Timelock giving up its curator role outside a proposal (only an appointee may renounce)", async () => {
    const b = await loadFixture(bootstrapped);
    const timelock = b.manifest.contracts.AzoraTimelock.address;
    await networkHelpers.impersonateAccount(timelock);
    await networkHelpers.setBalance(timelock, parseEther("1"));
    await b.pok.write.renounceRole([Roles.CURATOR, timelock], { account: timelock });
    const audit = await auditDeployment(b.manifest, b.publicClient);
    expect(audit.problems).to.deep.equal([
      `ProofOfKnowledge.CURATOR is not held by ${getAddress(timelock)}, who should hold it`,
    ]);
  });
});

describe("issue 21 › the deploy config file", () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "azora-config-"));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const write = async (name: string, value: unknown) => {
    const file = path.join(dir, name);
    await writeFile(file, typeof value === "string" ? value : JSON.stringify(value));
    return file;
  };
  const curator = "0x000000000000000000000000000000000000dEaD";

  it("reads the example config, with the defaults for what it omits", async () => {
    const { deploy, bootstrap } = await readDeployConfig(
      path.join(import.meta.dirname, "..", "..", "scripts", "deploy", "config.example.json"),
      7777,
    );
    expect(deploy.bootstrapCurators).to.deep.equal([{ account: curator, termSeconds: 90 * DAY }]);
    expect(deploy.governance.proposalThresholdAzr).to.equal(1_000n);
    expect(deploy.reviewWindowSeconds).to.equal(DEFAULT_DEPLOY_CONFIG.reviewWindowSeconds);
    expect(bootstrap.verifiers).to.deep.equal([{ account: curator, claimLimit: 500 }]);
    expect(deploy.publicAppUrl).to.equal("https://azora.example");
  });

  it("refuses a base URL or a course title the contracts would refuse, saying why", async () => {
    const url = await write("url.json", { publicAppUrl: "https://azora.example/", bootstrapCurators: [] });
    expect(await rejection(readDeployConfig(url, 7777))).to.match(
      /is not valid:\n {2}publicAppUrl: a base URL has no trailing \//,
    );
    const course = { contentCid: CID, verifier: curator, rewardAzr: 1, minScorePercent: 70, validityDays: 0 };
    const title = await write("title.json", {
      bootstrapCurators: [],
      bootstrap: { courses: [{ ...course, title: "Q&A" }] },
    });
    expect(await rejection(readDeployConfig(title, 7777))).to.match(
      /bootstrap\.courses\[0\]\.title: a course title has no control character and no ", \\, <, > or &/,
    );
  });

  it("refuses a term over a year, an unknown field and a file that is not JSON, naming each", async () => {
    const long = await write("long.json", { bootstrapCurators: [{ account: curator, termDays: 400 }] });
    expect(await rejection(readDeployConfig(long, 7777))).to.match(
      /The deploy config .*long\.json is not valid:\n {2}bootstrapCurators\[0\]\.termDays: Too big: expected number to be <=365/,
    );
    const typo = await write("typo.json", { bootstrapCurators: [], bootstrapCurator: [] });
    expect(await rejection(readDeployConfig(typo, 7777))).to.match(/Unrecognized key: "bootstrapCurator"/);
    const broken = await write("broken.json", "{");
    expect(await rejection(readDeployConfig(broken, 7777))).to.match(
      /Cannot read the deploy config .*broken\.json \(.*\): copy scripts\/deploy\/config\.example\.json and fill it in/,
    );
  });
});
