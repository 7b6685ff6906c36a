import type { Abi, Address, Hex } from "viem";
import { encodeFunctionData, getAddress, keccak256, parseUnits, toHex, zeroAddress, zeroHash } from "viem";
import { contractOf } from "../../protocol/manifest";
import type { Manifest } from "../../protocol/manifest";
import { deployedContracts } from "./manifest";
import { Roles, roleName } from "../../protocol/roles";
import { transactor } from "./transact";
import type { DeployClients, Deployed } from "./transact";
import { assertDeploymentAudited, ROLE_GRANTED } from "./audit";

const HOUR = 60 * 60;
const DAY = 24 * HOUR;

/** The DAO's settings, fixed at deploy; afterwards only a passed proposal changes them. */
export interface GovernanceConfig {
  /** Seconds from a proposal to the start of its vote (votes count as of that moment). */
  votingDelaySeconds: number;
  /** Seconds a vote lasts. */
  votingPeriodSeconds: number;
  /** Votes an account needs to propose, in whole AZR. */
  proposalThresholdAzr: bigint;
  /** Share of AZR's supply, in percent, that must vote for or abstain for a proposal to pass. */
  quorumPercent: number;
  /** A vote stays open at least this long after it reaches quorum (late-quorum protection). */
  lateQuorumExtensionSeconds: number;
  /** Seconds a passed proposal waits in the Timelock before anyone may execute it. */
  timelockDelaySeconds: number;
}

/**
 * Production defaults: a day to see a proposal coming, a week to vote, 4% quorum, 10,000 AZR to
 * propose, two days more if quorum comes late, two days in the Timelock before execution.
 */
export const PRODUCTION_GOVERNANCE_CONFIG: GovernanceConfig = {
  votingDelaySeconds: DAY,
  votingPeriodSeconds: 7 * DAY,
  proposalThresholdAzr: 10_000n,
  quorumPercent: 4,
  lateQuorumExtensionSeconds: 2 * DAY,
  timelockDelaySeconds: 2 * DAY,
};

/**
 * The local chain (`npm run dev`): a proposal opens for voting after a minute and stays open a
 * day, long enough to vote by hand; the seed moves the clock past the rest.
 */
export const LOCAL_GOVERNANCE_CONFIG: GovernanceConfig = {
  votingDelaySeconds: 60,
  votingPeriodSeconds: DAY,
  proposalThresholdAzr: 1_000n,
  quorumPercent: 4,
  lateQuorumExtensionSeconds: HOUR,
  timelockDelaySeconds: 5 * 60,
};

/**
 * Deploys the DAO for the AZR token at `token`: AzoraTimelock, whose proposer and canceller is
 * the AzoraGovernor and whose executor is anyone (the zero address), then the Governor itself.
 *
 * The Timelock starts with no delay and the deployer as its temporary admin: the handover needs
 * one operation through it (accepting the CitadelFund's ownership and setting the real delay)
 * and then renounces that admin. Until then the deployer holds every role anyway.
 */
export async function deployGovernance(
  clients: DeployClients,
  token: Address,
  config: GovernanceConfig,
): Promise<{ AzoraTimelock: Deployed; AzoraGovernor: Deployed }> {
  const { deploy, nextAddress } = transactor(clients);
  const deployer = clients.walletClient.account.address;
  const expectedGovernor = await nextAddress(1);
  const AzoraTimelock = await deploy("AzoraTimelock", [0n, [expectedGovernor], [zeroAddress], deployer]);
  const AzoraGovernor = await deploy("AzoraGovernor", [
    token,
    AzoraTimelock.address,
    config.votingDelaySeconds,
    config.votingPeriodSeconds,
    parseUnits(config.proposalThresholdAzr.toString(), 18),
    BigInt(config.quorumPercent),
    config.lateQuorumExtensionSeconds,
  ]);
  if (AzoraGovernor.address !== expectedGovernor) {
    throw new Error(
      `AzoraGovernor was deployed at ${AzoraGovernor.address}, not at ${expectedGovernor} where ` +
        "AzoraTimelock expects its proposer: another transaction from the deployer came in between. Deploy again.",
    );
  }
  return { AzoraTimelock, AzoraGovernor };
}

/**
 * Roles that belong to contracts, not to governance: the deployer renounces them but never hands
 * them to the Timelock (AZR is minted only by mining).
 */
const CONTRACT_ONLY_ROLES: readonly Hex[] = [Roles.MINTER];

/** Salt of the handover's one Timelock operation. */
export const HANDOVER_SALT = keccak256(toHex("Azora handover to governance"));

export interface HandoverStep {
  contract: string;
  /** What moved: a role name, or `owner`. */
  what: string;
  /** Whether the Timelock received it (false: the deployer only renounced it). */
  toTimelock: boolean;
}

export { ROLE_GRANTED, ROLE_REVOKED } from "./audit.js";

/** A typed-enough `readContract` of any manifest contract: `read(contract, "owner")`. */
function readerOf(publicClient: DeployClients["publicClient"]) {
  return <T>(contract: { address: Address; abi: Abi }, functionName: string, args: readonly unknown[] = []) =>
    publicClient.readContract({
      address: contract.address,
      abi: contract.abi,
      functionName,
      args,
    }) as Promise<T>;
}

const hasFunctions = (abi: Abi, ...names: string[]) =>
  names.every((name) => abi.some((item) => item.type === "function" && item.name === name));

/** Every role id ever granted on `contract` (to anyone, or to `account` only), from its RoleGranted events. */
export async function rolesGranted(
  { publicClient }: Pick<DeployClients, "publicClient">,
  contract: Deployed,
  account?: Address,
): Promise<Hex[]> {
  if (!contract.abi.some((item) => item.type === "event" && item.name === "RoleGranted")) return [];
  const logs = await publicClient.getLogs({
    address: contract.address,
    event: ROLE_GRANTED,
    args: account ? { account } : undefined,
    fromBlock: BigInt(contract.blockNumber),
    toBlock: "latest",
    strict: true,
  });
  return [...new Set(logs.map((log) => log.args.role))];
}

/**
 * Hands every power of the deployer over to the AzoraTimelock, generically over the manifest,
 * so contracts added later are covered without changing this function:
 *
 * 1. Every `Ownable2Step` contract the deployer owns (the CitadelFund) is transferred to the
 *    Timelock, and the Timelock accepts in one operation that also sets its real delay:
 *    the deployer (the Timelock's temporary admin) makes itself proposer for that one batch
 *    `[acceptOwnership()…, updateDelay(delay)]`, schedules it with the initial zero delay,
 *    executes it (anyone may) and renounces the proposer role. A plain `Ownable` is transferred
 *    at once.
 * 2. On every AccessControl contract (found by its ABI), every role the deployer holds (found from
 *    the contract's RoleGranted events, checked with `hasRole`) is granted to the Timelock, except
 *    contract-only roles such as MINTER, and then renounced by the deployer, the admin role last.
 *    The Timelock's own admin role is the last one renounced: from then on only the Timelock
 *    administers itself, i.e. only proposals change its roles and delay.
 * 3. Every role and owner is read back (`assertDeploymentAudited`): it throws unless each is held
 *    by exactly the expected set and no Timelock operation is pending.
 *
 * Every step is a transaction with its events (OwnershipTransferStarted/Transferred, CallScheduled,
 * CallExecuted, MinDelayChange, RoleGranted, RoleRevoked). A handover cut off half-way (a lost
 * connection) is finished by running it again. Returns what moved.
 */
export async function handOverToGovernance(
  manifest: Manifest,
  clients: DeployClients,
  { timelockDelaySeconds }: Pick<GovernanceConfig, "timelockDelaySeconds">,
): Promise<HandoverStep[]> {
  const { publicClient, walletClient } = clients;
  const { call } = transactor(clients);
  const deployer = walletClient.account.address;
  const timelock = contractOf(manifest, "AzoraTimelock");
  const governor = contractOf(manifest, "AzoraGovernor");
  const read = readerOf(publicClient);

  if (getAddress(await read<Address>(governor, "timelock")) !== timelock.address) {
    throw new Error("AzoraGovernor does not execute through the manifest's AzoraTimelock");
  }
  if (!(await read<boolean>(timelock, "hasRole", [Roles.DEFAULT_ADMIN, deployer]))) {
    throw new Error(`${deployer} is not the AzoraTimelock's admin: governance has taken over already`);
  }
  const steps: HandoverStep[] = [];
  const contracts = deployedContracts(manifest);

  // 1. Ownership: what the deployer owns, and the one Timelock operation that accepts it. Checked
  // before any transaction; skipped when a cut-off handover already ran it (run again, the
  // handover carries on where it stopped).
  const owned: [string, Deployed][] = [];
  for (const [name, contract] of contracts) {
    if (!hasFunctions(contract.abi, "owner", "transferOwnership")) continue;
    if (getAddress(await read<Address>(contract, "owner")) === getAddress(deployer))
      owned.push([name, contract]);
  }
  const accepting = owned
    .filter(([, contract]) => hasFunctions(contract.abi, "acceptOwnership", "pendingOwner"))
    .map(([, contract]) => contract.address);
  const delay = BigInt(timelockDelaySeconds);
  const minDelay = await read<bigint>(timelock, "getMinDelay");
  const batch = handoverBatch(timelock.address, accepting, timelockDelaySeconds);
  const operation = [batch.targets, batch.values, batch.payloads, zeroHash, HANDOVER_SALT] as const;
  const id = await read<Hex>(timelock, "hashOperationBatch", operation);
  const needed = accepting.length > 0 || minDelay !== delay;
  const scheduled = await read<boolean>(timelock, "isOperation", [id]);
  if (needed && !scheduled && minDelay !== 0n) {
    throw new Error(
      "AzoraTimelock already has a delay: the handover expects the fresh Timelock of deployGovernance",
    );
  }
  for (const [name, contract] of owned) {
    await call(contract, "transferOwnership", [timelock.address]);
    steps.push({ contract: name, what: "owner", toTimelock: true });
  }
  if (needed) {
    if (!scheduled) {
      await call(timelock, "grantRole", [Roles.PROPOSER, deployer]);
      await call(timelock, "scheduleBatch", [...operation, 0n]);
    }
    if (!(await read<boolean>(timelock, "isOperationDone", [id]))) {
      await call(timelock, "executeBatch", operation);
    }
  }
  if (await read<boolean>(timelock, "hasRole", [Roles.PROPOSER, deployer])) {
    await call(timelock, "renounceRole", [Roles.PROPOSER, deployer]);
  }

  // 2. Roles, contract by contract; the Timelock's own admin role goes last of all.
  const ordered = [
    ...contracts.filter(([name]) => name !== "AzoraTimelock"),
    ...contracts.filter(([name]) => name === "AzoraTimelock"),
  ];
  for (const [name, contract] of ordered) {
    if (!hasFunctions(contract.abi, "hasRole", "grantRole", "renounceRole")) continue;
    const held: Hex[] = [];
    for (const role of await rolesGranted(clients, contract, deployer)) {
      if (await read<boolean>(contract, "hasRole", [role, deployer])) held.push(role);
    }
    // The admin role last: granting needs it.
    held.sort((a, b) => Number(a === Roles.DEFAULT_ADMIN) - Number(b === Roles.DEFAULT_ADMIN));
    for (const role of held) {
      const toTimelock = !CONTRACT_ONLY_ROLES.includes(role);
      if (toTimelock && !(await read<boolean>(contract, "hasRole", [role, timelock.address]))) {
        await call(contract, "grantRole", [role, timelock.address]);
      }
      await call(contract, "renounceRole", [role, deployer]);
      steps.push({ contract: name, what: roleName(role), toTimelock });
    }
  }

  // 3. Read everything back: every role and owner as expected, nothing pending (scripts/deploy/audit.ts).
  await assertDeploymentAudited(manifest, publicClient);
  if ((await read<bigint>(timelock, "getMinDelay")) !== BigInt(timelockDelaySeconds)) {
    throw new Error("AzoraTimelock's delay was not set by the handover");
  }
  return steps;
}

/**
 * The handover's one Timelock operation: every `acceptOwnership()` of `accepting`, then
 * `updateDelay(delaySeconds)` on the Timelock itself.
 */
export function handoverBatch(timelock: Address, accepting: readonly Address[], delaySeconds: number) {
  const targets = [...accepting, timelock];
  const payloads = [
    ...accepting.map(() =>
      encodeFunctionData({ abi: ACCEPT_OWNERSHIP_ABI, functionName: "acceptOwnership" }),
    ),
    encodeFunctionData({ abi: UPDATE_DELAY_ABI, functionName: "updateDelay", args: [BigInt(delaySeconds)] }),
  ];
  return { targets, values: targets.map(() => 0n), payloads };
}

const UPDATE_DELAY_ABI = [
  {
    type: "function",
    name: "updateDelay",
    inputs: [{ name: "newDelay", type: "uint256" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
] as const;

const ACCEPT_OWNERSHIP_ABI = [
  { type: "function", name: "acceptOwnership", inputs: [], outputs: [], stateMutability: "nonpayable" },
] as const;

/**
 * Every power `account` holds on the manifest's contracts, as `Contract.ROLE` or `Contract.owner`
 * (also a pending ownership): roles from every RoleGranted event, checked with `hasRole`.
 */
export async function powersOf(
  manifest: Manifest,
  clients: Pick<DeployClients, "publicClient">,
  account: Address,
): Promise<string[]> {
  const { publicClient } = clients;
  const powers: string[] = [];
  for (const [name, contract] of deployedContracts(manifest)) {
    const read = <T>(functionName: string, args: readonly unknown[] = []) =>
      readerOf(publicClient)<T>(contract, functionName, args);
    for (const role of await rolesGranted(clients, contract)) {
      if (await read<boolean>("hasRole", [role, account])) powers.push(`${name}.${roleName(role)}`);
    }
    if (account === zeroAddress) continue; // "owned by zero" means owned by nobody
    if (
      hasFunctions(contract.abi, "owner") &&
      getAddress(await read<Address>("owner")) === getAddress(account)
    ) {
      powers.push(`${name}.owner`);
    }
    if (
      hasFunctions(contract.abi, "pendingOwner") &&
      getAddress(await read<Address>("pendingOwner")) === getAddress(account)
    ) {
      powers.push(`${name}.pendingOwner`);
    }
  }
  return powers;
}
