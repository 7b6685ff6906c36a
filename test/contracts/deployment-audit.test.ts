import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { encodeFunctionData, getAddress, keccak256, toHex, zeroHash } from "viem";
import { assertDeploymentAudited, auditDeployment } from "../../scripts/deploy/audit";
import { chainAt, clientsFor } from "../../scripts/deploy/clients";
import { DEFAULT_DEPLOY_CONFIG, deployAzora } from "../../scripts/deploy/contracts";
import type { DeployConfig } from "../../scripts/deploy/contracts";
import { handOverToGovernance } from "../../scripts/deploy/governance";
import { localAccount } from "../../protocol/chain";
import { REPO_ROOT } from "../../scripts/stack/paths";
import { freePort, stopAllServices } from "../../scripts/stack/processes";
import { startChain } from "../../scripts/stack/stack";
import { AZR, deployed, governed, networkHelpers, viem } from "../support/fixture";
import { proposals } from "../support/governance";

/**
 * Review finding 7: the handover's read-back, and `npm run verify-deployment`, compare every role
 * holder and owner of every contract with the exact expected set and refuse anything parked on a
 * second address, or a Timelock operation scheduled outside governance.
 */
const { loadFixture, time } = networkHelpers;
const DAY = 24 * 60 * 60;

type Deployed = Awaited<ReturnType<typeof deployed>>;

/** Hands `d` over, expecting the read-back to refuse it with every message of `problems`. */
async function expectHandoverRefused(d: Deployed, ...problems: RegExp[]) {
  let error: unknown;
  try {
    await handOverToGovernance(
      d.manifest,
      { publicClient: d.publicClient, walletClient: d.deployer },
      d.config.governance,
    );
  } catch (caught) {
    error = caught;
  }
  expect(error, "the handover succeeded").to.be.instanceOf(Error);
  const message = (error as Error).message;
  expect(message).to.match(/The deployment audit refuses this deployment/);
  for (const problem of problems) expect(message).to.match(problem);
}

describe("review finding 7 › the deployment audit: every role and owner against the exact expected set", () => {
  it("passes a clean deploy handed over to governance, and lists every power", async () => {
    const g = await loadFixture(governed);
    const audit = await auditDeployment(g.manifest, g.publicClient);
    expect(audit.problems).to.deep.equal([]);
    expect(audit.pendingOperations).to.deep.equal([]);
    const T = getAddress(g.timelock.address);
    const holders = (power: string) => audit.powers.filter((p) => p.power === power).map((p) => p.account);
    expect(holders("CitadelFund.owner")).to.deep.equal([T]);
    expect(holders("AzoraToken.MINTER")).to.deep.equal([getAddress(g.pok.address)]);
    expect(holders("AzoraTimelock.PROPOSER")).to.deep.equal([getAddress(g.governor.address)]);
    expect(holders("JobEscrow.ARBITER")).to.have.members([T, getAddress(g.arbiter.account.address)]);
    expect(audit.powers.some((p) => p.account === getAddress(g.deployer.account.address))).to.equal(false);
  });

  it("refuses AZR's MINTER_ROLE parked on a second address", async () => {
    const d = await loadFixture(deployed);
    await d.token.write.grantRole([await d.token.read.MINTER_ROLE(), d.carol.account.address]);
    await expectHandoverRefused(
      d,
      new RegExp(`AzoraToken.MINTER is held by ${d.carol.account.address}`, "i"),
    );
  });

  it("refuses the Timelock's PROPOSER_ROLE parked on a second address", async () => {
    const d = await loadFixture(deployed);
    await d.timelock.write.grantRole([await d.timelock.read.PROPOSER_ROLE(), d.carol.account.address]);
    await expectHandoverRefused(
      d,
      new RegExp(`AzoraTimelock.PROPOSER is held by ${d.carol.account.address}`, "i"),
    );
  });

  it("refuses the CitadelFund owned by a second address", async () => {
    const d = await loadFixture(deployed);
    await d.fund.write.transferOwnership([d.carol.account.address]);
    await d.fund.write.acceptOwnership({ account: d.carol.account });
    await expectHandoverRefused(d, new RegExp(`CitadelFund is owned by ${d.carol.account.address}`, "i"));
  });

  it("refuses a Timelock operation scheduled before the handover", async () => {
    const d = await loadFixture(deployed);
    const { timelock, fund, token, deployer, carol } = d;
    await timelock.write.grantRole([await timelock.read.PROPOSER_ROLE(), deployer.account.address]);
    const release = encodeFunctionData({
      abi: fund.abi,
      functionName: "release",
      args: [token.address, carol.account.address, AZR(1)],
    });
    await timelock.write.schedule([fund.address, 0n, release, zeroHash, zeroHash, BigInt(30 * DAY)]);
    await expectHandoverRefused(
      d,
      /AzoraTimelock operation 0x[0-9a-f]{64} is pending and no proposal queued it/,
    );
  });

  it("refuses a role granted through the Timelock outside any proposal", async () => {
    const d = await loadFixture(deployed);
    const { timelock, pok, deployer, carol } = d;
    // The deployer lets the Timelock administer ProofOfKnowledge early, then uses it to launder a grant.
    await pok.write.grantRole([await pok.read.DEFAULT_ADMIN_ROLE(), timelock.address]);
    await timelock.write.grantRole([await timelock.read.PROPOSER_ROLE(), deployer.account.address]);
    const grant = encodeFunctionData({
      abi: pok.abi,
      functionName: "grantRole",
      args: [await pok.read.CURATOR_ROLE(), carol.account.address],
    });
    const salt = keccak256(toHex("laundered"));
    await timelock.write.schedule([pok.address, 0n, grant, zeroHash, salt, 0n]);
    await timelock.write.execute([pok.address, 0n, grant, zeroHash, salt]);
    await expectHandoverRefused(
      d,
      new RegExp(`ProofOfKnowledge.CURATOR is held by ${carol.account.address}`, "i"),
    );
  });

  it("accepts what passed proposals did afterwards: a guardian they appointed, an operation they queued", async () => {
    const g = await loadFixture(governed);
    const { pok, dave } = g;
    const { propose, passAndExecute, pastSnapshot, vote, pastDeadline, queue } = proposals(g);
    const termEndsAt = (await time.latest()) + 200 * DAY;
    const appoint = await propose(
      [
        {
          ...pok,
          target: pok.address,
          functionName: "grantRoleUntil",
          args: [await pok.read.GUARDIAN_ROLE(), dave.account.address, termEndsAt],
        },
      ],
      "Appoint dave guardian",
    );
    await passAndExecute(appoint);
    const grant = await proposals(g).proposeGrant("A grant left queued");
    await pastSnapshot(grant);
    await vote(grant, g.alice);
    await pastDeadline(grant);
    await queue(grant);
    const audit = await assertDeploymentAudited(g.manifest, g.publicClient);
    expect(audit.powers).to.deep.include({
      power: "ProofOfKnowledge.GUARDIAN",
      account: getAddress(dave.account.address),
      termEndsAt,
      byGovernance: true,
    });
    expect(audit.pendingOperations.map((op) => op.byGovernance)).to.deep.equal([true]);
  });

  it("expects the deploy's guardians and bootstrap curators with their terms, and none once a term ended", async () => {
    const [, , , carol, dave] = await viem.getWalletClients();
    const config: DeployConfig = {
      ...DEFAULT_DEPLOY_CONFIG,
      guardians: [{ account: carol!.account.address, termSeconds: 365 * DAY }],
      bootstrapCurators: [{ account: dave!.account.address, termSeconds: 30 * DAY }],
    };
    const publicClient = await viem.getPublicClient();
    const [deployer] = await viem.getWalletClients();
    const clients = { publicClient, walletClient: deployer! };
    const manifest = await deployAzora(clients, config);
    await handOverToGovernance(manifest, clients, config.governance);
    const before = await assertDeploymentAudited(manifest, publicClient);
    const curators = (audit: typeof before) =>
      audit.powers.filter((p) => p.power === "ProofOfKnowledge.CURATOR").map((p) => p.account);
    expect(curators(before)).to.have.members([
      getAddress(manifest.contracts.AzoraTimelock!.address),
      getAddress(dave!.account.address),
    ]);
    expect(manifest.appointees?.curators[0]?.termEndsAt).to.be.a("number");
    await time.increase(31 * DAY);
    const after = await assertDeploymentAudited(manifest, publicClient);
    expect(curators(after)).to.deep.equal([getAddress(manifest.contracts.AzoraTimelock!.address)]);
    expect(
      after.powers.filter((p) => p.power === "ProofOfKnowledge.GUARDIAN").map((p) => p.account),
    ).to.deep.equal([getAddress(carol!.account.address)]);
  });

  describe("npm run verify-deployment, against a chain over JSON-RPC", () => {
    let dir: string;
    after(async () => {
      await stopAllServices();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it("exits 0 with every power listed for a clean deployment, and 1 with the problems for one not handed over", async () => {
      const { rpcUrl } = await startChain(await freePort());
      const chain = await chainAt(rpcUrl);
      const clients = clientsFor(chain, localAccount(0));
      dir = await mkdtemp(path.join(tmpdir(), "azora-audit-"));
      const manifestAt = async (name: string, handOver: boolean) => {
        const manifest = await deployAzora(clients, DEFAULT_DEPLOY_CONFIG);
        if (handOver) await handOverToGovernance(manifest, clients, DEFAULT_DEPLOY_CONFIG.governance);
        const file = path.join(dir, name);
        await writeFile(file, JSON.stringify(manifest));
        return file;
      };
      const clean = await verifyDeployment(rpcUrl, await manifestAt("clean.json", true));
      expect(clean.code, clean.output).to.equal(0);
      expect(clean.output).to.match(/CitadelFund\.owner\s+AzoraTimelock/);
      expect(clean.output).to.match(/Every role and owner is as expected/);
      const kept = await verifyDeployment(rpcUrl, await manifestAt("kept.json", false));
      expect(kept.code, kept.output).to.equal(1);
      expect(kept.output).to.include(`AzoraToken.DEFAULT_ADMIN is held by ${localAccount(0).address}`);
    });
  });
});

/** `npm run verify-deployment -- --manifest <file>` with RPC_URL, run to its end. */
function verifyDeployment(
  rpcUrl: string,
  manifest: string,
): Promise<{ code: number | null; output: string }> {
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const child = spawn(process.execPath, [tsx, "scripts/deploy/verify.ts", "--manifest", manifest], {
    cwd: REPO_ROOT,
    env: { ...process.env, RPC_URL: rpcUrl },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}
