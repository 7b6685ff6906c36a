import type { Abi, Account, Address, Chain, Hash, PublicClient, Transport, WalletClient } from "viem";
import { getAddress, getContractAddress, keccak256, parseUnits, toHex } from "viem";
import { readArtifact } from "./artifacts.js";
import { localArbiter } from "./local-accounts.js";
import type { DeployedContract, Manifest } from "./manifest.js";

export interface DeployConfig {
  /** Hard cap of AZR supply, in whole AZR. */
  capAzr: bigint;
  /** Length of a mining emission epoch, in seconds. */
  epochLengthSeconds: number;
  /** AZR mintable by mining per epoch until the first halving, in whole AZR. */
  epochBudgetAzr: bigint;
  /** Epochs between two halvings of the epoch budget. */
  halvingIntervalEpochs: number;
  /** Seconds a client has to review a submitted milestone before the provider may release it. */
  reviewWindowSeconds: number;
  /** Most milestones per marketplace job. */
  maxMilestones: number;
  /** Smallest milestone amount, in whole AZR. */
  minMilestoneAzr: bigint;
  /** Escrow arbiters appointed at deploy (ARBITER_ROLE); governance appoints the rest. */
  arbiters: readonly Address[];
}

/**
 * Weekly epochs of 5,000,000 AZR halving every 52 epochs (a year): mining can never mint more
 * than 5M × 52 × 2 = 520M AZR, about half the 1B cap. Marketplace: a week to review a milestone,
 * at most 20 milestones of at least 1 AZR per job, and no arbiter until governance appoints one.
 */
export const DEFAULT_DEPLOY_CONFIG: DeployConfig = {
  capAzr: 1_000_000_000n,
  epochLengthSeconds: 7 * 24 * 60 * 60,
  epochBudgetAzr: 5_000_000n,
  halvingIntervalEpochs: 52,
  reviewWindowSeconds: 7 * 24 * 60 * 60,
  maxMilestones: 20,
  minMilestoneAzr: 1n,
  arbiters: [],
};

/** The local chain's deployment (`npm run dev`, and `npm run deploy` on chain 31337): local account #7 arbitrates. */
export const LOCAL_DEPLOY_CONFIG: DeployConfig = {
  ...DEFAULT_DEPLOY_CONFIG,
  arbiters: [localArbiter().address],
};

/** CitadelFund's `Source` enum (contracts/interfaces/ICitadelFund.sol). */
export const CitadelSource = { None: 0, Mining: 1, Escrow: 2, Donation: 3 } as const;

/** Role ids, as the contracts compute them. */
export const Roles = {
  MINTER: keccak256(toHex("MINTER_ROLE")),
  REVOKER: keccak256(toHex("REVOKER_ROLE")),
  CURATOR: keccak256(toHex("CURATOR_ROLE")),
  GUARDIAN: keccak256(toHex("GUARDIAN_ROLE")),
  ARBITER: keccak256(toHex("ARBITER_ROLE")),
} as const;

export interface DeployClients {
  publicClient: PublicClient;
  walletClient: WalletClient<Transport, Chain, Account>;
}

/**
 * Deploys every Azora contract from the deployer's wallet, wires them together and returns the
 * manifest. The one deploy path: `npm run deploy`, `npm run dev` and every test fixture run this
 * function.
 *
 * Wiring: ProofOfKnowledge gets AZR's MINTER_ROLE, AzoraCredential's MINTER_ROLE and REVOKER_ROLE
 * (to revoke a disabled verifier's credentials), is CitadelFund's Mining source, and is the
 * credential's verifier registry (fixed in its constructor). JobEscrow is CitadelFund's Escrow
 * source, and `config.arbiters` get its ARBITER_ROLE. The deployer keeps every admin, curator and
 * guardian role and owns the CitadelFund until governance takes them over.
 *
 * AzoraCredential and ProofOfKnowledge each need the other's address at construction:
 * AzoraCredential is deployed first with the address ProofOfKnowledge will have (the deployer's
 * next nonce), and the deploy stops if ProofOfKnowledge lands anywhere else.
 */
export async function deployAzora(
  { publicClient, walletClient }: DeployClients,
  config: DeployConfig = DEFAULT_DEPLOY_CONFIG,
): Promise<Manifest> {
  const deployer = walletClient.account.address;

  async function confirm(hash: Hash, what: string) {
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${what} failed in transaction ${hash}`);
    return receipt;
  }

  async function deploy(name: string, args: readonly unknown[]): Promise<DeployedContract> {
    const { abi, bytecode } = await readArtifact(name);
    const hash = await walletClient.deployContract({ abi, bytecode, args });
    const receipt = await confirm(hash, `Deploying ${name}`);
    if (!receipt.contractAddress) throw new Error(`Deploying ${name} created no contract (${hash})`);
    return { address: getAddress(receipt.contractAddress), abi, blockNumber: Number(receipt.blockNumber) };
  }

  async function call(
    contract: { address: Address; abi: Abi },
    functionName: string,
    args: readonly unknown[],
  ) {
    const hash = await walletClient.writeContract({
      address: contract.address,
      abi: contract.abi,
      functionName,
      args,
    });
    await confirm(hash, `${functionName}(${args.join(", ")})`);
  }

  const AzoraToken = await deploy("AzoraToken", [deployer, parseUnits(config.capAzr.toString(), 18)]);
  const CitadelFund = await deploy("CitadelFund", [deployer]);
  const credentialNonce = await publicClient.getTransactionCount({ address: deployer, blockTag: "pending" });
  const expectedProofOfKnowledge = getContractAddress({ from: deployer, nonce: BigInt(credentialNonce + 1) });
  const AzoraCredential = await deploy("AzoraCredential", [deployer, expectedProofOfKnowledge]);
  const ProofOfKnowledge = await deploy("ProofOfKnowledge", [
    deployer,
    AzoraToken.address,
    AzoraCredential.address,
    CitadelFund.address,
    config.epochLengthSeconds,
    parseUnits(config.epochBudgetAzr.toString(), 18),
    config.halvingIntervalEpochs,
  ]);
  if (ProofOfKnowledge.address !== expectedProofOfKnowledge) {
    throw new Error(
      `ProofOfKnowledge was deployed at ${ProofOfKnowledge.address}, not at ${expectedProofOfKnowledge} ` +
        "where AzoraCredential expects it: another transaction from the deployer came in between. Deploy again.",
    );
  }

  const JobEscrow = await deploy("JobEscrow", [
    deployer,
    AzoraToken.address,
    CitadelFund.address,
    config.reviewWindowSeconds,
    config.maxMilestones,
    parseUnits(config.minMilestoneAzr.toString(), 18),
  ]);

  await call(AzoraToken, "grantRole", [Roles.MINTER, ProofOfKnowledge.address]);
  await call(AzoraCredential, "grantRole", [Roles.MINTER, ProofOfKnowledge.address]);
  await call(AzoraCredential, "grantRole", [Roles.REVOKER, ProofOfKnowledge.address]);
  await call(CitadelFund, "setSource", [ProofOfKnowledge.address, CitadelSource.Mining]);
  await call(CitadelFund, "setSource", [JobEscrow.address, CitadelSource.Escrow]);
  for (const arbiter of config.arbiters) await call(JobEscrow, "grantRole", [Roles.ARBITER, arbiter]);

  return {
    chainId: await publicClient.getChainId(),
    contracts: { AzoraToken, CitadelFund, AzoraCredential, ProofOfKnowledge, JobEscrow },
  };
}
