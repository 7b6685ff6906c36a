import type { Account, Chain, PublicClient, Transport, WalletClient } from "viem";
import { parseUnits } from "viem";
import { readArtifact } from "./artifacts.js";
import type { DeployedContract, Manifest } from "./manifest.js";

export interface DeployConfig {
  /** Hard cap of AZR supply, in whole AZR. */
  capAzr: bigint;
}

export const DEFAULT_DEPLOY_CONFIG: DeployConfig = { capAzr: 1_000_000_000n };

export interface DeployClients {
  publicClient: PublicClient;
  walletClient: WalletClient<Transport, Chain, Account>;
}

/**
 * Deploys every Azora contract from the deployer's wallet and returns the manifest. The one
 * deploy path: `npm run deploy`, `npm run dev` and every test fixture run this function.
 */
export async function deployAzora(
  { publicClient, walletClient }: DeployClients,
  config: DeployConfig = DEFAULT_DEPLOY_CONFIG,
): Promise<Manifest> {
  const deployer = walletClient.account.address;

  async function deploy(name: string, args: readonly unknown[]): Promise<DeployedContract> {
    const { abi, bytecode } = await readArtifact(name);
    const hash = await walletClient.deployContract({ abi, bytecode, args });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success" || !receipt.contractAddress) {
      throw new Error(`Deploying ${name} failed in transaction ${hash}`);
    }
    return { address: receipt.contractAddress, abi, blockNumber: Number(receipt.blockNumber) };
  }

  const AzoraToken = await deploy("AzoraToken", [deployer, parseUnits(config.capAzr.toString(), 18)]);

  return { chainId: await publicClient.getChainId(), contracts: { AzoraToken } };
}
