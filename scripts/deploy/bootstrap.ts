import { getAddress, parseEventLogs, parseUnits } from "viem";
import type { Address, PublicClient } from "viem";
import { contractOf } from "../../protocol/manifest";
import type { Manifest } from "../../protocol/manifest";
import { Roles } from "../../protocol/roles";
import type { BootstrapPlan } from "./config";
import { transactor } from "./transact";
import type { DeployClients } from "./transact";

/**
 * The bootstrap of a production deployment (docs/governance.md, "Bootstrap"): a bootstrap
 * curator, appointed by the deploy config for a term (`grantRoleUntil`), sets the verifier limits
 * and registers the first courses of the config's `bootstrap` plan while its term runs, and may
 * end its own power early (`endBootstrap`). Past the term the role does nothing, with no
 * transaction; from then on only the Timelock curates (a DAO proposal).
 */

/** What `bootstrapCurator` found of a bootstrap curator: whether its role is live, and until when. */
export interface CuratorStatus {
  account: Address;
  /** Unix seconds its term ends (0: the role has no term, i.e. it is not a bootstrap curator). */
  termEndsAt: number;
  /** Holds CURATOR_ROLE, within its term. */
  live: boolean;
}

export async function curatorStatus(
  manifest: Manifest,
  publicClient: PublicClient,
  account: Address,
): Promise<CuratorStatus> {
  const pok = contractOf(manifest, "ProofOfKnowledge");
  const read = <R>(functionName: "hasRole" | "roleTermOf") =>
    publicClient.readContract({ ...pok, functionName, args: [Roles.CURATOR, account] }) as Promise<R>;
  const [held, termEndsAt, { timestamp }] = await Promise.all([
    read<boolean>("hasRole"),
    read<number>("roleTermOf"),
    publicClient.getBlock(),
  ]);
  const live = held && termEndsAt !== 0 && Number(timestamp) <= Number(termEndsAt);
  return { account: getAddress(account), termEndsAt: Number(termEndsAt), live };
}

/** One step the bootstrap took, or found done. */
export interface BootstrapStep {
  what: string;
  done: "now" | "already";
}

/** Refuses unless the wallet is a bootstrap curator within its term, saying what to do instead. */
async function assertBootstrapCurator(manifest: Manifest, { publicClient, walletClient }: DeployClients) {
  const status = await curatorStatus(manifest, publicClient, walletClient.account.address);
  if (status.live) return status;
  // The manifest remembers the appointment after the chain forgot it (a renounce clears the term).
  const appointed = manifest.appointees?.curators.find(({ account }) => account === status.account);
  const why = appointed
    ? `was a bootstrap curator until ${new Date(appointed.termEndsAt * 1000).toISOString()}, and its term has ended or it renounced`
    : "is not a bootstrap curator of this deployment";
  throw new Error(
    `${status.account} ${why}: register courses and verifier limits by a DAO proposal instead ` +
      '(docs/deploying.md, "After the bootstrap")',
  );
}

/**
 * Carries out `plan` from the bootstrap curator's wallet: each verifier's claim limit (set when it
 * differs), then each course not registered yet (by its CID). Running it again does only what is
 * missing. Returns every step.
 */
export async function runBootstrap(
  manifest: Manifest,
  clients: DeployClients,
  plan: BootstrapPlan,
): Promise<BootstrapStep[]> {
  await assertBootstrapCurator(manifest, clients);
  const { publicClient } = clients;
  const { call } = transactor(clients);
  const pok = contractOf(manifest, "ProofOfKnowledge");
  const steps: BootstrapStep[] = [];

  const limits = new Map(plan.verifiers.map(({ account, claimLimit }) => [account, claimLimit]));
  for (const { verifier } of plan.courses) {
    if (!limits.has(verifier)) {
      throw new Error(
        `The course verifier ${verifier} has no claim limit in bootstrap.verifiers: add it, or its learners could not claim`,
      );
    }
  }
  for (const [verifier, claimLimit] of limits) {
    const [current] = await publicClient.readContract({
      ...pok,
      functionName: "verifierStatus",
      args: [verifier],
    });
    const what = `verifier ${verifier} may sign ${claimLimit} claims per epoch`;
    if (current === claimLimit) steps.push({ what, done: "already" });
    else {
      await call(pok, "setVerifierLimit", [verifier, claimLimit]);
      steps.push({ what, done: "now" });
    }
  }

  const registered = await publicClient.getContractEvents({
    ...pok,
    eventName: "CourseRegistered",
    fromBlock: BigInt(manifest.contracts.ProofOfKnowledge.blockNumber),
    toBlock: "latest",
    strict: true,
  });
  const courseIdOf = new Map<string, bigint>();
  for (const { args } of registered) {
    if (!courseIdOf.has(args.settings.contentCid)) courseIdOf.set(args.settings.contentCid, args.courseId);
  }
  for (const course of plan.courses) {
    const known = courseIdOf.get(course.contentCid);
    if (known !== undefined) {
      steps.push({ what: `course ${known} is ${course.contentCid}`, done: "already" });
      continue;
    }
    const receipt = await call(pok, "registerCourse", [
      {
        title: course.title,
        contentCid: course.contentCid,
        reward: parseUnits(String(course.rewardAzr), 18),
        verifier: course.verifier,
        minScore: course.minScorePercent * 100,
        validity: course.validityDays * 24 * 60 * 60,
      },
    ]);
    const [event] = parseEventLogs({ abi: pok.abi, logs: receipt.logs, eventName: "CourseRegistered" });
    if (!event) throw new Error(`registering ${course.contentCid} emitted no CourseRegistered`);
    steps.push({ what: `course ${event.args.courseId} is ${course.contentCid}`, done: "now" });
  }
  return steps;
}

/**
 * Ends the bootstrap curator's power now, before its term: it renounces CURATOR_ROLE. The audit
 * then shows the Timelock as the only curator (an appointee may always give up its own role).
 */
export async function endBootstrap(manifest: Manifest, clients: DeployClients): Promise<void> {
  await assertBootstrapCurator(manifest, clients);
  const { call } = transactor(clients);
  await call(contractOf(manifest, "ProofOfKnowledge"), "renounceRole", [
    Roles.CURATOR,
    clients.walletClient.account.address,
  ]);
}
