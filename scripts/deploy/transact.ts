import type { Abi, Account, Address, Chain, Hash, PublicClient, Transport, WalletClient } from "viem";
import { getAddress, getContractAddress } from "viem";
import { readArtifact } from "./artifacts";
import type { DeployedContract } from "../../protocol/manifest";

/** A contract the deploy step deployed or found: its address and deploy block, with its ABI. */
export interface Deployed extends DeployedContract {
  abi: Abi;
}

export interface DeployClients {
  publicClient: PublicClient;
  walletClient: WalletClient<Transport, Chain, Account>;
}

/**
 * The deploy scripts' three moves from one wallet, each waiting for its receipt and refusing a
 * reverted transaction: `confirm` a sent one, `deploy` a compiled contract, `call` a function.
 */
export function transactor({ publicClient, walletClient }: DeployClients) {
  async function confirm(hash: Hash, what: string) {
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${what} failed in transaction ${hash}`);
    return receipt;
  }

  async function deploy(name: string, args: readonly unknown[]): Promise<Deployed> {
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
    return confirm(hash, `${functionName}(${args.join(", ")})`);
  }

  /** The address the wallet's next contract creation, `ahead` transactions from now, will get. */
  async function nextAddress(ahead = 0): Promise<Address> {
    const { address } = walletClient.account;
    const nonce = await publicClient.getTransactionCount({ address, blockTag: "pending" });
    return getContractAddress({ from: address, nonce: BigInt(nonce + ahead) });
  }

  return { confirm, deploy, call, nextAddress };
}
