import { network } from "hardhat";
import { keccak256, toHex } from "viem";
import type { Account, Address, Chain, Hex, Transport, WalletClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { signCompletion } from "../../protocol/eip712";
import type { Completion } from "../../protocol/eip712";
import { DEFAULT_DEPLOY_CONFIG, LOCAL_DEPLOY_CONFIG, deployAzora } from "../../scripts/deploy/contracts";
import type { DeployConfig } from "../../scripts/deploy/contracts";
import { handOverToGovernance } from "../../scripts/deploy/governance";
import { localArbiter } from "../../protocol/chain";
import type { ContractName } from "../../protocol/manifest";

/** One in-process Hardhat chain per test file, shared by its fixtures. */
export const connection = await network.create();
export const { viem, networkHelpers } = connection;

export type Signer = WalletClient<Transport, Chain, Account>;

/**
 * Fixes the next block's timestamp `ahead` seconds after the latest block's and returns it, for the
 * events and state that carry the time of the next transaction.
 */
export async function nextBlockAt(ahead: number): Promise<number> {
  const at = (await networkHelpers.time.latest()) + ahead;
  await networkHelpers.time.setNextBlockTimestamp(at);
  return at;
}

/** Runs the real deploy code with `config` and returns typed contract handles plus named accounts. */
async function deployWith(config: DeployConfig) {
  const publicClient = await viem.getPublicClient();
  const [deployer, alice, bob, carol, dave, verifier, relayer, arbiter] = await viem.getWalletClients();
  if (!deployer || !alice || !bob || !carol || !dave || !verifier || !relayer || !arbiter) {
    throw new Error("the local node has too few accounts");
  }
  const manifest = await deployAzora({ publicClient, walletClient: deployer }, config);
  const at = (name: ContractName) => manifest.contracts[name].address;
  const token = await viem.getContractAt("AzoraToken", at("AzoraToken"));
  const fund = await viem.getContractAt("CitadelFund", at("CitadelFund"));
  const credential = await viem.getContractAt("AzoraCredential", at("AzoraCredential"));
  const pok = await viem.getContractAt("ProofOfKnowledge", at("ProofOfKnowledge"));
  const escrow = await viem.getContractAt("JobEscrow", at("JobEscrow"));
  const timelock = await viem.getContractAt("AzoraTimelock", at("AzoraTimelock"));
  const governor = await viem.getContractAt("AzoraGovernor", at("AzoraGovernor"));
  return {
    manifest,
    config,
    publicClient,
    token,
    fund,
    credential,
    pok,
    escrow,
    timelock,
    governor,
    deployer,
    alice,
    bob,
    carol,
    dave,
    verifier,
    relayer,
    arbiter,
  };
}

/** The default deployment, as `npm run deploy` makes it. */
export async function deployed() {
  return deployWith(DEFAULT_DEPLOY_CONFIG);
}

/** Same deployment, with deployer holding MINTER_ROLE and alice/bob funded. */
export async function funded() {
  const base = await deployed();
  const { token, deployer, alice, bob } = base;
  await token.write.grantRole([await token.read.MINTER_ROLE(), deployer.account.address]);
  await token.write.mint([alice.account.address, AZR(1_000)]);
  await token.write.mint([bob.account.address, AZR(500)]);
  return base;
}

/** The local chain's deployment, as `npm run dev` makes it: `arbiter` (local account #7) arbitrates. */
export async function localDeployment() {
  return deployWith(LOCAL_DEPLOY_CONFIG);
}

/**
 * Marketplace tests: the local deployment (`arbiter` appointed at deploy), with AZR minted to
 * alice (10,000), bob (5,000) and carol (5,000), who post jobs.
 */
export async function marketplace() {
  const base = await localDeployment();
  const { token, deployer, alice, bob, carol } = base;
  await token.write.grantRole([await token.read.MINTER_ROLE(), deployer.account.address]);
  await token.write.mint([alice.account.address, AZR(10_000)]);
  await token.write.mint([bob.account.address, AZR(5_000)]);
  await token.write.mint([carol.account.address, AZR(5_000)]);
  return base;
}

/** Mining tests: daily epochs of 1,000 AZR, halving every 2 epochs, so budgets run out quickly. */
export const MINING_TEST_CONFIG: DeployConfig = {
  ...DEFAULT_DEPLOY_CONFIG,
  epochLengthSeconds: 24 * 60 * 60,
  epochBudgetAzr: 1_000n,
  halvingIntervalEpochs: 2,
};

export const COURSE = {
  title: "Intro to Azora",
  contentCid: "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am",
  reward: AZR(100),
  minScore: 7_000,
  validity: 365 * 24 * 60 * 60,
  verifierLimit: 5,
} as const;

/**
 * Registers `COURSE` (as curator, the deployer) with `verifier` allowed `verifierLimit` claims per
 * epoch (COURSE's by default): course 1 of a fresh deployment. `reward` and `validity` default to
 * COURSE's.
 */
export async function registerCourse(
  { pok, verifier }: Pick<Awaited<ReturnType<typeof deployWith>>, "pok" | "verifier">,
  {
    verifierLimit = COURSE.verifierLimit,
    reward = COURSE.reward,
    validity = COURSE.validity,
  }: { verifierLimit?: number; reward?: bigint; validity?: number } = {},
) {
  await pok.write.setVerifierLimit([verifier.account.address, verifierLimit]);
  await pok.write.registerCourse([
    {
      title: COURSE.title,
      contentCid: COURSE.contentCid,
      reward,
      verifier: verifier.account.address,
      minScore: COURSE.minScore,
      validity,
    },
  ]);
}

/**
 * A deployment with MINING_TEST_CONFIG and course 1 registered: 100 AZR, passing at 70%,
 * credentials valid a year, signed by `verifier`, who may sign 5 claims per epoch.
 */
export async function mining() {
  const base = await deployWith(MINING_TEST_CONFIG);
  const { pok, verifier } = base;
  await registerCourse(base);

  /** A passing voucher for `learner` on course 1, valid for an hour. */
  const voucher = async (
    learner: Signer | Address,
    overrides: Partial<Completion> = {},
  ): Promise<Completion> => ({
    learner: typeof learner === "string" ? learner : learner.account.address,
    courseId: 1n,
    score: 9_000,
    deadline: BigInt(await networkHelpers.time.latest()) + 3_600n,
    ...overrides,
  });
  /** The verifier's signature of `completion` for this ProofOfKnowledge on this chain. */
  const sign = (completion: Completion, signer: Signer = verifier): Promise<Hex> =>
    signCompletion(signer, pok.address, completion);
  /** Signs and submits a claim from the relayer; resolves to the transaction hash. */
  const claim = async (completion: Completion, signer: Signer = verifier) =>
    pok.write.claim([completion, await sign(completion, signer)], { account: base.relayer.account });

  return { ...base, courseId: 1n, voucher, sign, claim };
}

/** The id of `learner`'s credential for `courseId`: learner in the high 160 bits, course in the low 96. */
export function credentialIdOf(learner: Address, courseId: bigint): bigint {
  return (BigInt(learner) << 96n) | courseId;
}

/** Whole AZR to wei. */
export function AZR(amount: number | bigint): bigint {
  return BigInt(amount) * 10n ** 18n;
}

/** A voter with AZR and no ETH at all (a fixed, public test key): everything it does is relayed. */
export const gaslessVoter = privateKeyToAccount(keccak256(toHex("azora gasless voter")));

/** AZR of each voter in `governed` (alice, bob, carol, dave, the gasless voter), in whole AZR. */
export const VOTERS_AZR = {
  alice: 100_000,
  bob: 30_000,
  carol: 5_000,
  dave: 1_000,
  gasless: 20_000,
} as const;

/** AZR alice donates to the CitadelFund in `governed`, in whole AZR. */
export const FUND_DONATION_AZR = 5_000;

/** The production settings with one escrow arbiter appointed at deploy (local account #7, `arbiter`). */
export const GOVERNED_CONFIG: DeployConfig = { ...DEFAULT_DEPLOY_CONFIG, arbiters: [localArbiter().address] };

/**
 * The production deployment (plus `arbiter`) handed over to governance, as `npm run deploy` leaves it, with voters:
 * before the handover the deployer mints `VOTERS_AZR` (keeping MINTER_ROLE, which the handover must
 * renounce without giving it to the Timelock), registers course 1 (100 AZR, verified by
 * `verifier`), and alice donates `FUND_DONATION_AZR` to the CitadelFund. Alice, bob and carol
 * delegate to themselves; dave and the gasless voter do not. Then `handOverToGovernance`.
 */
export async function governed() {
  const base = await deployWith(GOVERNED_CONFIG);
  const { token, fund, deployer, alice, bob, carol, dave, publicClient, manifest, config } = base;
  await token.write.grantRole([await token.read.MINTER_ROLE(), deployer.account.address]);
  for (const [holder, azr] of [
    [alice.account.address, VOTERS_AZR.alice],
    [bob.account.address, VOTERS_AZR.bob],
    [carol.account.address, VOTERS_AZR.carol],
    [dave.account.address, VOTERS_AZR.dave],
    [gaslessVoter.address, VOTERS_AZR.gasless],
  ] as const) {
    await token.write.mint([holder, AZR(azr)]);
  }
  for (const voter of [alice, bob, carol]) {
    await token.write.delegate([voter.account.address], { account: voter.account });
  }
  await token.write.approve([fund.address, AZR(FUND_DONATION_AZR)], { account: alice.account });
  await fund.write.donate([token.address, AZR(FUND_DONATION_AZR)], { account: alice.account });
  await registerCourse(base);
  const handover = await handOverToGovernance(
    manifest,
    { publicClient, walletClient: deployer },
    config.governance,
  );
  return { ...base, handover };
}
