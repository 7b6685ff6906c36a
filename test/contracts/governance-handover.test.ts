import { expect } from "chai";
import { getAddress, zeroAddress, zeroHash } from "viem";
import type { Address, Hex } from "viem";
import {
  HANDOVER_SALT,
  handoverBatch,
  handOverToGovernance,
  powersOf,
  ROLE_GRANTED,
  ROLE_REVOKED,
} from "../../scripts/deploy/governance";
import type { Manifest } from "../../protocol/manifest";
import { deployedContracts } from "../../scripts/deploy/manifest";
import { Roles, roleName } from "../../protocol/roles";
import { AZR, deployed, governed, networkHelpers, viem } from "../support/fixture";
import { expectRevert } from "./helpers/revert";

const { loadFixture } = networkHelpers;

type Holders = Map<string, Set<Address>>; // "Contract.ROLE" -> accounts

/**
 * Replays every RoleGranted and RoleRevoked event of every contract of the manifest, in chain
 * order, into who holds each role now; returns it with every account the events ever named.
 */
async function replayRoleEvents(
  manifest: Manifest,
  publicClient: Awaited<ReturnType<typeof viem.getPublicClient>>,
) {
  const holders: Holders = new Map();
  const revokedBy: { key: string; account: Address; sender: Address }[] = [];
  const seen = new Set<Address>();
  for (const [name, contract] of Object.entries(manifest.contracts)) {
    const logs = await publicClient.getLogs({
      address: contract.address,
      events: [ROLE_GRANTED, ROLE_REVOKED],
      fromBlock: 0n,
      toBlock: "latest",
      strict: true,
    });
    logs.sort((a, b) => Number(a.blockNumber - b.blockNumber) || a.logIndex - b.logIndex);
    for (const log of logs) {
      const key = `${name}.${roleName(log.args.role)}`;
      const account = getAddress(log.args.account);
      seen.add(account);
      const set = holders.get(key) ?? new Set<Address>();
      if (log.eventName === "RoleGranted") set.add(account);
      else {
        set.delete(account);
        revokedBy.push({ key, account, sender: getAddress(log.args.sender) });
      }
      holders.set(key, set);
    }
  }
  return { holders, revokedBy, seen };
}

/** Awaits `promise` and checks that it rejects with a message matching `message`. */
async function expectRejection(promise: Promise<unknown>, message: RegExp) {
  let error: unknown;
  try {
    await promise;
  } catch (caught) {
    error = caught;
  }
  expect(String(error)).to.match(message);
}

const sorted = (set: Set<Address> | undefined) => [...(set ?? [])].sort();

/** What deployAzora alone leaves the deployer (`powersOf`), in the order `powersOf` lists them. */
const DEPLOYER_POWERS = [
  "AzoraToken.DEFAULT_ADMIN",
  "CitadelFund.owner",
  "AzoraCredential.DEFAULT_ADMIN",
  "AzoraCredential.REVOKER",
  "ProofOfKnowledge.DEFAULT_ADMIN",
  "ProofOfKnowledge.CURATOR",
  "JobEscrow.DEFAULT_ADMIN",
  "JobEscrow.ARBITER",
  "AzoraTimelock.DEFAULT_ADMIN",
];

describe("governance › handover: the Timelock holds every role, the deployer none", () => {
  it("proves it from every RoleGranted and RoleRevoked event of every contract", async () => {
    const { manifest, publicClient, deployer, timelock, governor, pok, token, credential, arbiter } =
      await loadFixture(governed);
    const { holders, revokedBy, seen } = await replayRoleEvents(manifest, publicClient);
    const contracts = new Map(deployedContracts(manifest));
    const T = getAddress(timelock.address);
    const me = getAddress(deployer.account.address);

    // The replay agrees with hasRole for every role and every account the events name.
    for (const [key, set] of holders) {
      const [name, role] = key.split(".") as [string, keyof typeof Roles];
      const contract = contracts.get(name)!;
      for (const account of seen) {
        const has = await publicClient.readContract({
          address: contract.address,
          abi: contract.abi,
          functionName: "hasRole",
          args: [Roles[role] as Hex, account],
        });
        expect(has, `${key} of ${account}`).to.equal(set.has(account));
      }
    }
    expect(Object.fromEntries([...holders].map(([key, set]) => [key, sorted(set)]))).to.deep.equal({
      "AzoraToken.DEFAULT_ADMIN": [T],
      "AzoraToken.MINTER": [getAddress(pok.address)],
      "AzoraCredential.DEFAULT_ADMIN": [T],
      "AzoraCredential.MINTER": [getAddress(pok.address)],
      "AzoraCredential.REVOKER": [T],
      "ProofOfKnowledge.DEFAULT_ADMIN": [T],
      "ProofOfKnowledge.CURATOR": [T],
      "JobEscrow.DEFAULT_ADMIN": [T],
      // the deployer's (then governance's) and the one appointed at deploy
      "JobEscrow.ARBITER": sorted(new Set([T, getAddress(arbiter.account.address)])),
      "AzoraTimelock.DEFAULT_ADMIN": [T],
      "AzoraTimelock.PROPOSER": [getAddress(governor.address)],
      "AzoraTimelock.CANCELLER": [getAddress(governor.address)],
      "AzoraTimelock.EXECUTOR": [zeroAddress],
    });
    // The deployer held roles (it deployed and seeded) and gave up each one itself.
    const renounced = revokedBy.filter(({ account }) => account === me);
    expect(renounced.length).to.be.greaterThan(0);
    expect(renounced.every(({ sender }) => sender === me)).to.equal(true);
    // Every role deployAzora gave it (CitadelFund's ownership is transferred, not renounced), and
    // the two more it held by the handover.
    expect(renounced.map(({ key }) => key)).to.include.members([
      ...DEPLOYER_POWERS.filter((power) => power !== "CitadelFund.owner"),
      "AzoraToken.MINTER",
      "AzoraTimelock.PROPOSER",
    ]);
    expect(await powersOf(manifest, { publicClient }, me)).to.deep.equal([]);
    // MINTER stays with mining: the Timelock cannot mint AZR.
    expect(await token.read.hasRole([Roles.MINTER, T])).to.equal(false);
    expect(await credential.read.hasRole([Roles.MINTER, T])).to.equal(false);
  });

  it("moves the CitadelFund to the Timelock in two steps, the Timelock accepting through its own operation", async () => {
    const { manifest, deployer, timelock, fund } = await loadFixture(governed);
    const T = getAddress(timelock.address);
    const me = getAddress(deployer.account.address);
    expect(await fund.read.owner()).to.equal(T);
    expect(await fund.read.pendingOwner()).to.equal(zeroAddress);
    const from = BigInt(manifest.contracts.CitadelFund!.blockNumber);
    const started = await fund.getEvents.OwnershipTransferStarted({}, { fromBlock: from });
    const transferred = await fund.getEvents.OwnershipTransferred({}, { fromBlock: from });
    expect(started.map((e) => [e.args.previousOwner, e.args.newOwner])).to.deep.equal([[me, T]]);
    expect(transferred.map((e) => [e.args.previousOwner, e.args.newOwner])).to.deep.equal([
      [zeroAddress, me],
      [me, T],
    ]);
    // The one handover operation: scheduled with no delay, executed, and it set the real delay.
    const fromTimelock = { fromBlock: BigInt(manifest.contracts.AzoraTimelock!.blockNumber) };
    const scheduled = await timelock.getEvents.CallScheduled({}, fromTimelock);
    const executed = await timelock.getEvents.CallExecuted({}, fromTimelock);
    const salts = await timelock.getEvents.CallSalt({}, fromTimelock);
    expect(scheduled.map((e) => [e.args.target, e.args.delay])).to.deep.equal([
      [getAddress(fund.address), 0n],
      [T, 0n],
    ]);
    expect(executed.map((e) => e.args.id)).to.deep.equal(scheduled.map((e) => e.args.id));
    expect(salts.map((e) => e.args.salt)).to.deep.equal([HANDOVER_SALT]);
    const delays = await timelock.getEvents.MinDelayChange(fromTimelock);
    expect(delays.map((e) => [e.args.oldDuration, e.args.newDuration])).to.deep.equal([
      [0n, 0n],
      [0n, 2n * 86_400n],
    ]);
  });

  it("leaves the deployer unable to release money, grant a role or bypass the Timelock", async () => {
    const { fund, token, timelock, deployer } = await loadFixture(governed);
    const me = getAddress(deployer.account.address);
    await expectRevert(fund.write.release([token.address, me, AZR(1)]), "OwnableUnauthorizedAccount", [me]);
    await expectRevert(timelock.write.grantRole([Roles.PROPOSER, me]), "AccessControlUnauthorizedAccount", [
      me,
      Roles.DEFAULT_ADMIN,
    ]);
    await expectRevert(token.write.grantRole([Roles.MINTER, me]), "AccessControlUnauthorizedAccount", [
      me,
      Roles.DEFAULT_ADMIN,
    ]);
  });

  it("refuses to run twice", async () => {
    const { manifest, publicClient, deployer, config } = await loadFixture(governed);
    await expectRejection(
      handOverToGovernance(manifest, { publicClient, walletClient: deployer }, config.governance),
      /governance has taken over already/,
    );
  });

  for (const cutOff of ["after scheduling its Timelock operation", "after executing it"] as const) {
    it(`finishes a handover cut off ${cutOff} when run again`, async () => {
      const { manifest, publicClient, deployer, config, fund, timelock } = await loadFixture(deployed);
      const delay = config.governance.timelockDelaySeconds;
      // The first handover's first steps, then the connection is lost.
      await fund.write.transferOwnership([timelock.address]);
      await timelock.write.grantRole([Roles.PROPOSER, deployer.account.address]);
      const { targets, values, payloads } = handoverBatch(timelock.address, [fund.address], delay);
      await timelock.write.scheduleBatch([targets, values, payloads, zeroHash, HANDOVER_SALT, 0n]);
      if (cutOff === "after executing it") {
        await timelock.write.executeBatch([targets, values, payloads, zeroHash, HANDOVER_SALT]);
      }

      await handOverToGovernance(manifest, { publicClient, walletClient: deployer }, config.governance);
      expect(await fund.read.owner()).to.equal(getAddress(timelock.address));
      expect(await timelock.read.getMinDelay()).to.equal(BigInt(delay));
      expect(await powersOf(manifest, { publicClient }, deployer.account.address)).to.deep.equal([]);
      const executed = await timelock.getEvents.CallExecuted({}, { fromBlock: 0n });
      expect(executed).to.have.length(2); // the batch ran once
    });
  }

  it("refuses a Timelock that is not the Governor's, or one whose delay someone already set", async () => {
    const { manifest, publicClient, deployer, config, timelock, fund } = await loadFixture(deployed);
    const clients = { publicClient, walletClient: deployer };
    const stranger = await viem.deployContract("AzoraTimelock", [0n, [], [], deployer.account.address]);
    const swapped: Manifest = {
      ...manifest,
      contracts: {
        ...manifest.contracts,
        AzoraTimelock: { ...manifest.contracts.AzoraTimelock!, address: stranger.address },
      },
    };
    await expectRejection(
      handOverToGovernance(swapped, clients, config.governance),
      /AzoraGovernor does not execute through the manifest's AzoraTimelock/,
    );

    // The deployer, still the Timelock's admin, gives it some other delay first.
    await timelock.write.grantRole([Roles.PROPOSER, deployer.account.address]);
    const { targets, values, payloads } = handoverBatch(timelock.address, [], 60);
    const salt = zeroHash;
    await timelock.write.scheduleBatch([targets, values, payloads, zeroHash, salt, 0n]);
    await timelock.write.executeBatch([targets, values, payloads, zeroHash, salt]);
    await expectRejection(
      handOverToGovernance(manifest, clients, config.governance),
      /AzoraTimelock already has a delay/,
    );
    // Refused before any transaction: the deployer still owns the fund, with nobody pending.
    expect(await fund.read.owner()).to.equal(getAddress(deployer.account.address));
    expect(await fund.read.pendingOwner()).to.equal(zeroAddress);
  });

  it("happens only in the handover: deployAzora alone leaves the deployer every role (the unit fixtures rely on it)", async () => {
    const { manifest, publicClient, deployer } = await loadFixture(deployed);
    expect(await powersOf(manifest, { publicClient }, deployer.account.address)).to.deep.equal(
      DEPLOYER_POWERS,
    );
  });
});
