import { parseUnits } from "viem";
import { deployGovernance, PRODUCTION_GOVERNANCE_CONFIG } from "./governance.js";
import type { GovernanceConfig } from "./governance.js";
import type { Manifest } from "./manifest.js";
import { Roles } from "./roles.js";
import { transactor } from "./transact.js";
import type { DeployClients } from "./transact.js";

export { Roles } from "./roles.js";
export type { DeployClients } from "./transact.js";

export interface DeployConfig {
  /** Hard cap of AZR supply, in whole AZR. */
  capAzr: bigint;
  /** Length of a mining emission epoch, in seconds. */
  epochLengthSeconds: number;
  /** AZR mintable by mining per epoch until the first halving, in whole AZR. */
  epochBudgetAzr: bigint;
  /** Epochs between two halvings of the epoch budget. */
  halvingIntervalEpochs: number;
  /** The DAO's settings: voting delay and period, threshold, quorum, timelock delay. */
  governance: GovernanceConfig;
}

/**
 * Weekly epochs of 5,000,000 AZR halving every 52 epochs (a year): mining can never mint more
 * than 5M × 52 × 2 = 520M AZR, about half the 1B cap.
 */
export const DEFAULT_DEPLOY_CONFIG: DeployConfig = {
  capAzr: 1_000_000_000n,
  epochLengthSeconds: 7 * 24 * 60 * 60,
  epochBudgetAzr: 5_000_000n,
  halvingIntervalEpochs: 52,
  governance: PRODUCTION_GOVERNANCE_CONFIG,
};

/** CitadelFund's `Source` enum (contracts/interfaces/ICitadelFund.sol). */
export const CitadelSource = { None: 0, Mining: 1, Escrow: 2, Donation: 3 } as const;

/**
 * Deploys every Azora contract from the deployer's wallet, wires them together and returns the
 * manifest. The one deploy path: `npm run deploy`, `npm run dev` and every test fixture run this
 * function.
 *
 * Wiring: ProofOfKnowledge gets AZR's MINTER_ROLE, AzoraCredential's MINTER_ROLE and REVOKER_ROLE
 * (to revoke a disabled verifier's credentials), is CitadelFund's Mining source, and is the
 * credential's verifier registry (fixed in its constructor). Then the DAO: AzoraTimelock and
 * AzoraGovernor (`deployGovernance`). The deployer keeps every admin, curator and guardian role
 * and owns the CitadelFund until `handOverToGovernance` (scripts/lib/governance.ts) gives them to
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

  await call(AzoraToken, "grantRole", [Roles.MINTER, ProofOfKnowledge.address]);
  await call(AzoraCredential, "grantRole", [Roles.MINTER, ProofOfKnowledge.address]);
  await call(AzoraCredential, "grantRole", [Roles.REVOKER, ProofOfKnowledge.address]);
  await call(CitadelFund, "setSource", [ProofOfKnowledge.address, CitadelSource.Mining]);

  const { AzoraTimelock, AzoraGovernor } = await deployGovernance(
    { publicClient, walletClient },
    AzoraToken.address,
    config.governance,
  );

  return {
    chainId: await publicClient.getChainId(),
    contracts: { AzoraToken, CitadelFund, AzoraCredential, ProofOfKnowledge, AzoraTimelock, AzoraGovernor },
  };
}
