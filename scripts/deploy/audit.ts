import { getAddress, parseAbiItem, zeroAddress } from "viem";
import type { Abi, Address, Hex, PublicClient } from "viem";
import type { Appointees, Manifest } from "../../protocol/manifest";
import { Roles, roleName } from "../../protocol/roles";
import { withAbis } from "./manifest";
import type { DeployedManifest } from "./manifest";
import type { Deployed } from "./transact";

/**
 * The deployment audit (issue 18, finding 7): every role holder and owner of every contract of a
 * manifest, read from the chain's own events (RoleGranted, RoleRevoked, RoleTermSet, as the
 * indexer reads them) and checked with `hasRole`, compared with the exact set a sound deployment
 * has: the Timelock holds every admin power, the contracts hold what they need (mining mints),
 * the Governor alone proposes and cancels, anyone executes, the Timelock owns the CitadelFund, and
 * the manifest's appointees (arbiters, guardians and bootstrap curators with their terms) hold
 * theirs. A change made later by a passed proposal (its transaction executed a Governor proposal)
 * is governance's to make, and accepted; any other difference is a problem. No Timelock operation
 * may be pending unless a proposal queued it. Used by the handover's read-back and by
 * `npm run verify-deployment` against any chain.
 */

/** OpenZeppelin AccessControl's grant event, the same in every contract that has roles. */
export const ROLE_GRANTED = parseAbiItem(
  "event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)",
);
/** OpenZeppelin AccessControl's revoke (and renounce) event. */
export const ROLE_REVOKED = parseAbiItem(
  "event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)",
);
const ROLE_TERM_SET = parseAbiItem(
  "event RoleTermSet(bytes32 indexed role, address indexed account, address indexed sender, uint40 endsAt)",
);
const CALL_SCHEDULED = parseAbiItem(
  "event CallScheduled(bytes32 indexed id, uint256 indexed index, address target, uint256 value, bytes data, bytes32 predecessor, uint256 delay)",
);
const PROPOSAL_EXECUTED = parseAbiItem("event ProposalExecuted(uint256 proposalId)");
const PROPOSAL_QUEUED = parseAbiItem("event ProposalQueued(uint256 proposalId, uint256 etaSeconds)");

/** A power someone holds now: `Contract.ROLE` (with its term's end, 0 for none) or `Contract.owner`. */
export interface Power {
  power: string;
  account: Address;
  termEndsAt: number;
  /** Whether a passed proposal granted it (or set its term) rather than the deployment. */
  byGovernance: boolean;
}

export interface DeploymentAudit {
  /** Every power held now, contract by contract. */
  powers: Power[];
  /** Timelock operations scheduled and not yet executed or cancelled. */
  pendingOperations: { id: Hex; byGovernance: boolean }[];
  /** Every difference from the expected set; empty for a sound deployment. */
  problems: string[];
}

type Expected = Map<string, Map<Address, number>>; // "Contract.ROLE" -> account -> term end (0: none)

/** The roles a sound deployment gives, per known contract; roles of other contracts go to the Timelock alone. */
function expectedRoles(manifest: DeployedManifest, now: number): Expected {
  const at = (name: string) => {
    const contract = manifest.contracts[name];
    return contract ? getAddress(contract.address) : undefined;
  };
  const timelock = at("AzoraTimelock")!;
  const appointees: Appointees = manifest.appointees ?? { arbiters: [], guardians: [], curators: [] };
  const live = (list: Appointees["guardians"]) =>
    list
      .filter(({ termEndsAt }) => termEndsAt >= now)
      .map(({ account, termEndsAt }) => [account, termEndsAt] as const);
  const only = (...entries: (readonly [Address | undefined, number])[]) =>
    new Map(entries.filter((entry): entry is [Address, number] => entry[0] !== undefined));
  return new Map([
    ["AzoraToken.DEFAULT_ADMIN", only([timelock, 0])],
    ["AzoraToken.MINTER", only([at("ProofOfKnowledge"), 0])],
    ["AzoraCredential.DEFAULT_ADMIN", only([timelock, 0])],
    ["AzoraCredential.MINTER", only([at("ProofOfKnowledge"), 0])],
    ["AzoraCredential.REVOKER", only([timelock, 0])],
    ["ProofOfKnowledge.DEFAULT_ADMIN", only([timelock, 0])],
    ["ProofOfKnowledge.CURATOR", only([timelock, 0], ...live(appointees.curators))],
    ["ProofOfKnowledge.GUARDIAN", only(...live(appointees.guardians))],
    ["JobEscrow.DEFAULT_ADMIN", only([timelock, 0])],
    ["JobEscrow.ARBITER", only([timelock, 0], ...appointees.arbiters.map((a) => [a, 0] as const))],
    ["AzoraTimelock.DEFAULT_ADMIN", only([timelock, 0])],
    ["AzoraTimelock.PROPOSER", only([at("AzoraGovernor"), 0])],
    ["AzoraTimelock.CANCELLER", only([at("AzoraGovernor"), 0])],
    ["AzoraTimelock.EXECUTOR", only([zeroAddress, 0])],
  ]);
}

const KNOWN = new Set(["AzoraToken", "AzoraCredential", "ProofOfKnowledge", "JobEscrow", "AzoraTimelock"]);

const hasFunction = (abi: Abi, name: string) =>
  abi.some((item) => item.type === "function" && item.name === name);

/** Audits the deployment of `manifest` on the chain `publicClient` reads. */
export async function auditDeployment(
  deployment: Manifest,
  publicClient: PublicClient,
): Promise<DeploymentAudit> {
  const manifest = withAbis(deployment);
  const contracts = Object.entries(manifest.contracts);
  const timelock = manifest.contracts.AzoraTimelock;
  const governor = manifest.contracts.AzoraGovernor;
  if (!timelock || !governor) throw new Error("The manifest has no AzoraTimelock or AzoraGovernor");
  const T = getAddress(timelock.address);
  const now = Number((await publicClient.getBlock()).timestamp);
  const expected = expectedRoles(manifest, now);
  const problems: string[] = [];
  const powers: Power[] = [];
  const read = <R>(contract: Deployed, functionName: string, args: readonly unknown[] = []) =>
    publicClient.readContract({
      address: contract.address,
      abi: contract.abi,
      functionName,
      args,
    }) as Promise<R>;
  const logsOf = <E extends typeof ROLE_GRANTED | typeof ROLE_REVOKED | typeof ROLE_TERM_SET>(
    contract: Deployed,
    events: E[],
  ) =>
    publicClient.getLogs({
      address: contract.address,
      events,
      fromBlock: BigInt(contract.blockNumber),
      toBlock: "latest",
      strict: true,
    });

  // Transactions that executed or queued a Governor proposal: what governance did after the deploy.
  const governorLogs = await publicClient.getLogs({
    address: governor.address,
    events: [PROPOSAL_EXECUTED, PROPOSAL_QUEUED],
    fromBlock: BigInt(governor.blockNumber),
    toBlock: "latest",
  });
  const executedTxs = new Set(
    governorLogs.filter((l) => l.eventName === "ProposalExecuted").map((l) => l.transactionHash),
  );
  const queuedTxs = new Set(
    governorLogs.filter((l) => l.eventName === "ProposalQueued").map((l) => l.transactionHash),
  );

  for (const [name, contract] of contracts) {
    if (hasFunction(contract.abi, "hasRole")) {
      const logs = (await logsOf(contract, [ROLE_GRANTED, ROLE_REVOKED])).sort(
        (a, b) => Number(a.blockNumber - b.blockNumber) || a.logIndex - b.logIndex,
      );
      const terms = hasFunction(contract.abi, "roleTermOf") ? await logsOf(contract, [ROLE_TERM_SET]) : [];
      // The last change of each (role, account): whether governance made it.
      const lastChange = new Map<string, boolean>();
      // Whether the last change was an appointee giving the role up itself (renounceRole): it may
      // always end its own power early, e.g. a bootstrap curator done bootstrapping.
      const renounced = new Map<string, boolean>();
      for (const log of logs) {
        const account = getAddress(log.args.account);
        const key = `${log.args.role}/${account}`;
        lastChange.set(key, getAddress(log.args.sender) === T && executedTxs.has(log.transactionHash));
        // Not the Timelock: its roles are governance's, given up only by a proposal.
        renounced.set(
          key,
          log.eventName === "RoleRevoked" && getAddress(log.args.sender) === account && account !== T,
        );
      }
      const lastTerm = new Map<string, boolean>();
      for (const log of terms) {
        const key = `${log.args.role}/${getAddress(log.args.account)}`;
        lastTerm.set(key, getAddress(log.args.sender) === T && executedTxs.has(log.transactionHash));
      }
      const roles = [...new Set(logs.map((log) => log.args.role))];
      for (const role of new Set([...roles, ...expectedRoleIds(expected, name)])) {
        const power = `${name}.${roleName(role)}`;
        const want = KNOWN.has(name) ? (expected.get(power) ?? new Map<Address, number>()) : undefined;
        const accounts = new Set([
          ...logs.filter((log) => log.args.role === role).map((log) => getAddress(log.args.account)),
          ...(want?.keys() ?? []),
        ]);
        for (const account of accounts) {
          const held = await read<boolean>(contract, "hasRole", [role, account]);
          const termEndsAt =
            terms.length > 0 ? Number(await read<number>(contract, "roleTermOf", [role, account])) : 0;
          const live = held && (termEndsAt === 0 || now <= termEndsAt);
          const key = `${role}/${account}`;
          const byGovernance = (lastChange.get(key) ?? false) || (lastTerm.get(key) ?? false);
          if (live) powers.push({ power, account, termEndsAt, byGovernance });
          const term = termEndsAt === 0 ? "" : ` until ${new Date(termEndsAt * 1000).toISOString()}`;
          if (want === undefined) {
            // A contract the audit does not know: its roles belong to the Timelock alone.
            if (live && account !== T && !byGovernance)
              problems.push(`${power} is held by ${account}, not only by the AzoraTimelock`);
            continue;
          }
          const expectedTerm = want.get(account);
          if (live && expectedTerm === undefined && !byGovernance) {
            problems.push(`${power} is held by ${account}${term}, who should not hold it`);
          } else if (
            !live &&
            expectedTerm !== undefined &&
            !(lastChange.get(key) ?? false) &&
            !(renounced.get(key) ?? false)
          ) {
            problems.push(`${power} is not held by ${account}, who should hold it`);
          } else if (
            live &&
            expectedTerm !== undefined &&
            expectedTerm !== termEndsAt &&
            !(lastTerm.get(key) ?? false)
          ) {
            problems.push(`${power} of ${account} ends at ${termEndsAt}, not at ${expectedTerm} as deployed`);
          }
        }
      }
    }
    if (hasFunction(contract.abi, "owner")) {
      const owner = getAddress(await read<Address>(contract, "owner"));
      powers.push({ power: `${name}.owner`, account: owner, termEndsAt: 0, byGovernance: false });
      if (owner !== T) problems.push(`${name} is owned by ${owner}, not by the AzoraTimelock`);
      if (hasFunction(contract.abi, "pendingOwner")) {
        const pending = getAddress(await read<Address>(contract, "pendingOwner"));
        if (pending !== zeroAddress) problems.push(`${name} has a pending owner, ${pending}`);
      }
    }
  }

  // Timelock operations: none may wait unless a proposal queued it.
  const scheduled = await publicClient.getLogs({
    address: timelock.address,
    event: CALL_SCHEDULED,
    fromBlock: BigInt(timelock.blockNumber),
    toBlock: "latest",
    strict: true,
  });
  const pendingOperations: DeploymentAudit["pendingOperations"] = [];
  for (const id of new Set(scheduled.map((log) => log.args.id))) {
    if (!(await read<boolean>(timelock, "isOperationPending", [id]))) continue;
    const byGovernance = scheduled.some((log) => log.args.id === id && queuedTxs.has(log.transactionHash));
    pendingOperations.push({ id, byGovernance });
    if (!byGovernance) problems.push(`AzoraTimelock operation ${id} is pending and no proposal queued it`);
  }

  problems.push(...(await wiringProblems(manifest, read)));
  return { powers, pendingOperations, problems };
}

function expectedRoleIds(expected: Expected, name: string): Hex[] {
  return [...expected.keys()]
    .filter((key) => key.startsWith(`${name}.`))
    .map((key) => Roles[key.slice(name.length + 1) as keyof typeof Roles]);
}

/** The contracts point at each other as deployed: the Governor at the Timelock and AZR, mining at its parts. */
async function wiringProblems(
  manifest: DeployedManifest,
  read: <R>(contract: Deployed, functionName: string, args?: readonly unknown[]) => Promise<R>,
): Promise<string[]> {
  const c = manifest.contracts;
  const checks: [Deployed | undefined, string, readonly unknown[], unknown][] = [
    [c.AzoraGovernor, "timelock", [], c.AzoraTimelock?.address],
    [c.AzoraGovernor, "token", [], c.AzoraToken?.address],
    [c.AzoraCredential, "verifierRegistry", [], c.ProofOfKnowledge?.address],
    [c.ProofOfKnowledge, "token", [], c.AzoraToken?.address],
    [c.ProofOfKnowledge, "credential", [], c.AzoraCredential?.address],
    [c.ProofOfKnowledge, "citadelFund", [], c.CitadelFund?.address],
    [c.CitadelFund, "sourceOf", [c.ProofOfKnowledge?.address], 1],
    [c.CitadelFund, "sourceOf", [c.JobEscrow?.address], 2],
  ];
  const problems: string[] = [];
  for (const [contract, functionName, args, want] of checks) {
    if (!contract || want === undefined || args.includes(undefined)) continue;
    const got = await read<unknown>(contract, functionName, args);
    const same =
      typeof want === "string" ? getAddress(got as string) === getAddress(want) : Number(got) === want;
    if (!same)
      problems.push(
        `${functionName}(${args.join(", ")}) of ${contract.address} is ${String(got)}, not ${String(want)}`,
      );
  }
  return problems;
}

/** The audit as a table: one line per power, then the pending operations and the problems. */
export function formatAudit(manifest: Manifest, audit: DeploymentAudit): string {
  const names = new Map(
    Object.entries(manifest.contracts).map(([name, { address }]) => [getAddress(address), name]),
  );
  names.set(zeroAddress, "anyone");
  const lines = audit.powers.map(({ power, account, termEndsAt, byGovernance }) => {
    const who = names.get(account) ?? account;
    const term = termEndsAt === 0 ? "" : ` until ${new Date(termEndsAt * 1000).toISOString()}`;
    return `  ${power.padEnd(32)} ${who}${term}${byGovernance ? " (by a proposal)" : ""}`;
  });
  for (const { id, byGovernance } of audit.pendingOperations) {
    lines.push(`  pending Timelock operation ${id}${byGovernance ? " (a queued proposal)" : ""}`);
  }
  const verdict =
    audit.problems.length === 0
      ? "Every role and owner is as expected, and no Timelock operation waits that a proposal did not queue."
      : `The deployment differs from the expected set:\n${audit.problems.map((p) => `  - ${p}`).join("\n")}`;
  return `${lines.join("\n")}\n${verdict}`;
}

/** Audits the deployment and throws, listing every problem, unless it is sound. */
export async function assertDeploymentAudited(
  manifest: Manifest,
  publicClient: PublicClient,
): Promise<DeploymentAudit> {
  const audit = await auditDeployment(manifest, publicClient);
  if (audit.problems.length > 0) {
    throw new Error(
      `The deployment audit refuses this deployment:\n${audit.problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
  return audit;
}
