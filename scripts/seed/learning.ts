import { createWalletClient, custom, getContract, parseEventLogs, parseUnits } from "viem";
import type { Account, Address, Chain, Hash, PublicClient, Transport, WalletClient } from "viem";
import { signCompletion } from "../../protocol/eip712";
import type { Completion } from "../../protocol/eip712";
import type { CourseSettings } from "../../protocol/course";
import { localAccount, localRelayer, localVerifier } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import type { Manifest } from "../../protocol/manifest";
import {
  DEFAULT_COURSE_TERMS,
  DEMO_COMPLETIONS,
  DEMO_COURSE_TERMS,
  DEMO_DELEGATIONS,
  DEMO_MIN_SCORE,
  DEMO_PEOPLE,
  DEMO_TRANSFERS,
  demoIndex,
} from "./data";

// The demo data lives in data/people.json and data/learning.json (checked by ./data).
export { DEFAULT_COURSE_TERMS, DEMO_COMPLETIONS, DEMO_COURSE_TERMS, DEMO_MIN_SCORE, DEMO_PEOPLE };

export interface SeedClients {
  publicClient: PublicClient;
  deployer: WalletClient<Transport, Chain, Account>;
}

/**
 * A course for the learning seed: its folder name under `courses/`, its title (its package's, which
 * credentials name it by) and its package's IPFS CID.
 */
export interface SeedCourse {
  slug: string;
  title: string;
  contentCid: string;
}

/** Claims per epoch the local verifier may sign: plenty for local use, still a bound. */
export const LOCAL_VERIFIER_LIMIT = 1_000;

export interface SeededCourse extends SeedCourse {
  courseId: bigint;
  reward: bigint;
  validity: number;
}

export interface SeededClaim {
  name: string;
  learner: Address;
  slug: string;
  courseId: bigint;
  score: number;
  credentialId: bigint;
  reward: bigint;
  learnerShare: bigint;
  citadelShare: bigint;
  hash: Hash;
}

/** A wallet client for `account` that talks to the same chain (HTTP node or in-process) as `like`. */
export function walletLike(like: WalletClient<Transport, Chain, Account>, account: Account) {
  return createWalletClient({ account, chain: like.chain, transport: custom({ request: like.request }) });
}

/** Waits for a seed transaction, refusing a reverted one. */
export async function confirm(publicClient: PublicClient, hash: Hash | Promise<Hash>) {
  const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
  if (receipt.status !== "success") throw new Error(`seed transaction ${receipt.transactionHash} reverted`);
  return receipt;
}

/**
 * Demo data: AZR for the demo people (minted by the deployer under a MINTER_ROLE it grants
 * itself and renounces at once), a few transfers, and delegations, all from data/people.json.
 * Lindiwe (account 3) is left undelegated so "delegate to myself" can be tried. Then, when
 * `courses` is given, the learning part (`seedLearning`).
 */
export async function seedAzora(manifest: Manifest, clients: SeedClients, courses?: readonly SeedCourse[]) {
  const { publicClient, deployer } = clients;
  const { abi, address } = contractOf(manifest, "AzoraToken");
  const asDeployer = getContract({ abi, address, client: deployer });
  const send = (hash: Promise<Hash>) => confirm(publicClient, hash);
  const person = (index: number) =>
    getContract({ abi, address, client: walletLike(deployer, localAccount(index)) });
  const at = (index: number) => localAccount(index).address;

  const minter = await asDeployer.read.MINTER_ROLE();
  await send(asDeployer.write.grantRole([minter, deployer.account.address]));
  for (const { index, azr } of DEMO_PEOPLE) {
    await send(asDeployer.write.mint([at(index), parseUnits(String(azr), 18)]));
  }
  await send(asDeployer.write.renounceRole([minter, deployer.account.address]));

  for (const { from, to, azr } of DEMO_TRANSFERS) {
    await send(person(demoIndex(from)).write.transfer([at(demoIndex(to)), parseUnits(String(azr), 18)]));
  }
  for (const { from, to } of DEMO_DELEGATIONS) {
    await send(person(demoIndex(from)).write.delegate([at(demoIndex(to))]));
  }

  if (courses) return seedLearning(manifest, clients, courses);
  return undefined;
}

/**
 * `registerCourse`'s arguments for a demo course: its reward and validity from
 * `DEMO_COURSE_TERMS` (or `DEFAULT_COURSE_TERMS`), passing at `DEMO_MIN_SCORE`, signed by
 * `verifier`.
 */
export function registerCourseArgs({ slug, title, contentCid }: SeedCourse, verifier: Address) {
  const { rewardAzr, validity } = DEMO_COURSE_TERMS[slug] ?? DEFAULT_COURSE_TERMS;
  const settings: CourseSettings = {
    title,
    contentCid,
    reward: parseUnits(String(rewardAzr), 18),
    verifier,
    minScore: DEMO_MIN_SCORE,
    validity,
  };
  return [settings] as const;
}

/** Registers `course` as the curator (`deployer`), with `registerCourseArgs`. */
export async function registerCourse(
  manifest: Manifest,
  { publicClient, deployer }: SeedClients,
  course: SeedCourse,
  verifier: Address,
): Promise<SeededCourse> {
  const { abi, address } = contractOf(manifest, "ProofOfKnowledge");
  const args = registerCourseArgs(course, verifier);
  const [{ reward, validity }] = args;
  const receipt = await confirm(
    publicClient,
    getContract({ abi, address, client: deployer }).write.registerCourse(args),
  );
  const [registered] = parseEventLogs({ abi, logs: receipt.logs, eventName: "CourseRegistered" });
  if (!registered) throw new Error(`registering ${course.slug} emitted no CourseRegistered`);
  return { ...course, courseId: registered.args.courseId, reward, validity };
}

/**
 * The learning part of the demo: the deployer, as curator, lets the local verifier (account #8)
 * sign `LOCAL_VERIFIER_LIMIT` claims per epoch and registers `courses` (rewards and validity from
 * `DEMO_COURSE_TERMS`, passing at 70%, all verified by account #8). Then the demo people of
 * `DEMO_COMPLETIONS` pass their course: the verifier signs each `Completion` voucher and the
 * relayer (account #9) submits the claim, so the learner pays no gas. Each learner gets 90% of
 * the reward and the CitadelFund 10%, and each a credential.
 */
export async function seedLearning(
  manifest: Manifest,
  { publicClient, deployer }: SeedClients,
  courses: readonly SeedCourse[],
): Promise<{ courses: SeededCourse[]; claims: SeededClaim[] }> {
  const { abi, address } = contractOf(manifest, "ProofOfKnowledge");
  const asCurator = getContract({ abi, address, client: deployer });
  const verifier = walletLike(deployer, localVerifier());
  const asRelayer = getContract({ abi, address, client: walletLike(deployer, localRelayer()) });

  await confirm(
    publicClient,
    asCurator.write.setVerifierLimit([verifier.account.address, LOCAL_VERIFIER_LIMIT]),
  );

  const seeded: SeededCourse[] = [];
  for (const course of courses) {
    seeded.push(await registerCourse(manifest, { publicClient, deployer }, course, verifier.account.address));
  }

  const claims: SeededClaim[] = [];
  for (const { index, name, slug, score } of DEMO_COMPLETIONS) {
    const course = seeded.find((c) => c.slug === slug);
    if (!course) continue;
    const { timestamp } = await publicClient.getBlock();
    const completion: Completion = {
      learner: localAccount(index).address,
      courseId: course.courseId,
      score,
      deadline: timestamp + 3_600n,
    };
    const signature = await signCompletion(verifier, address, completion);
    const receipt = await confirm(publicClient, asRelayer.write.claim([completion, signature]));
    const [claimed] = parseEventLogs({ abi, logs: receipt.logs, eventName: "Claimed" });
    if (!claimed) throw new Error(`${name}'s claim of ${slug} emitted no Claimed`);
    const { credentialId, reward, learnerShare, citadelShare } = claimed.args;
    claims.push({
      name,
      learner: completion.learner,
      slug,
      courseId: course.courseId,
      score,
      credentialId,
      reward,
      learnerShare,
      citadelShare,
      hash: receipt.transactionHash,
    });
  }
  return { courses: seeded, claims };
}
