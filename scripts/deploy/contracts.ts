import { parseUnits } from "viem";
import { appoint } from "./appointments";
import type { AppointmentConfig } from "./appointments";
import { deployGovernance, LOCAL_GOVERNANCE_CONFIG, PRODUCTION_GOVERNANCE_CONFIG } from "./governance";
import type { GovernanceConfig } from "./governance";
import { localArbiter } from "../../protocol/chain";
import { CitadelSource } from "../../protocol/enums";
import type { DeployedContract, Manifest } from "../../protocol/manifest";
import { Roles } from "../../protocol/roles";
import { transactor } from "./transact";
import type { DeployClients, Deployed } from "./transact";

export interface DeployConfig extends AppointmentConfig {
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
  /** The DAO's settings: voting delay and period, threshold, quorum, timelock delay. */
  governance: GovernanceConfig;
  /**
   * The public app's base URL (e.g. `https://azora.example`), under which credential metadata links
   * each credential's page (`external_url`); empty for no link. Governance changes it later
   * (`AzoraCredential.setBaseUrl`).
   */
  publicAppUrl: string;
}

/**
 * Weekly epochs of 5,000,000 AZR halving every 52 epochs (a year): mining can never mint more
 * than 5M × 52 × 2 = 520M AZR, about half the 1B cap. Marketplace: a week to review a milestone,
 * at most 20 milestones of at least 1 AZR per job, and no arbiter until governance appoints one.
 * Governance: `PRODUCTION_GOVERNANCE_CONFIG` (scripts/deploy/governance.ts).
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
  guardians: [],
  bootstrapCurators: [],
  governance: PRODUCTION_GOVERNANCE_CONFIG,
  publicAppUrl: "",
};

/**
 * The local chain's deployment (`npm run dev`, and `npm run deploy` on chain 31337): local account
 * #7 arbitrates and is the guardian for a year, governance has the short periods of
 * `LOCAL_GOVERNANCE_CONFIG`, and credentials link to the local app (`npm run dev`'s default port).
 */
export const LOCAL_DEPLOY_CONFIG: DeployConfig = {
  ...DEFAULT_DEPLOY_CONFIG,
  arbiters: [localArbiter().address],
  guardians: [{ account: localArbiter().address, termSeconds: 365 * 24 * 60 * 60 }],
  governance: LOCAL_GOVERNANCE_CONFIG,
  publicAppUrl: "http://127.0.0.1:3000",
};

/** What the manifest records of a deployed contract: its address and deploy block (ABIs are the protocol's). */
const recorded = ({ address, blockNumber }: Deployed): DeployedContract => ({ address, blockNumber });

/**
 * Deploys every Azora contract from the deployer's wallet, wires them together and returns the
 * manifest. The one deploy path: `npm run deploy`, `npm run dev` and every test fixture run this
 * function.
 *
 * Wiring: ProofOfKnowledge gets AZR's MINTER_ROLE and AzoraCredential's MINTER_ROLE, is
 * CitadelFund's Mining source, and is the credential's verifier registry (fixed in its
 * constructor). JobEscrow is CitadelFund's Escrow source. `appoint` grants the config's arbiters,
 * guardians and bootstrap curators, recorded in the manifest. Then the DAO: AzoraTimelock and
 * AzoraGovernor (`deployGovernance`), and last the credentials' base URL (`publicAppUrl`, when
 * set: last, so the other contracts' addresses do not depend on it). The deployer keeps every admin, curator and arbiter role
 * and owns the CitadelFund until `handOverToGovernance` (scripts/deploy/governance.ts) gives them to
 * the Timelock.
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
  const { deploy, call, nextAddress } = transactor({ publicClient, walletClient });

  const AzoraToken = await deploy("AzoraToken", [deployer, parseUnits(config.capAzr.toString(), 18)]);
  const CitadelFund = await deploy("CitadelFund", [deployer]);
  const expectedProofOfKnowledge = await nextAddress(1);
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
  await call(CitadelFund, "setSource", [ProofOfKnowledge.address, CitadelSource.Mining]);
  await call(CitadelFund, "setSource", [JobEscrow.address, CitadelSource.Escrow]);
  const appointees = await appoint({ publicClient, walletClient }, { ProofOfKnowledge, JobEscrow }, config);

  const { AzoraTimelock, AzoraGovernor } = await deployGovernance(
    { publicClient, walletClient },
    AzoraToken.address,
    config.governance,
  );
  if (config.publicAppUrl !== "") await call(AzoraCredential, "setBaseUrl", [config.publicAppUrl]);

  return {
    chainId: await publicClient.getChainId(),
    contracts: {
      AzoraToken: recorded(AzoraToken),
      CitadelFund: recorded(CitadelFund),
      AzoraCredential: recorded(AzoraCredential),
      ProofOfKnowledge: recorded(ProofOfKnowledge),
      JobEscrow: recorded(JobEscrow),
      AzoraTimelock: recorded(AzoraTimelock),
      AzoraGovernor: recorded(AzoraGovernor),
    },
    appointees,
  };
}
