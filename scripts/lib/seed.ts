import { getContract, parseUnits } from "viem";
import type { Account, Chain, PublicClient, Transport, WalletClient } from "viem";
import { clientsFor } from "./clients.js";
import { localAccount } from "./local-accounts.js";
import { contractOf } from "./manifest.js";
import type { Manifest } from "./manifest.js";

/** Demo people of the local chain: local-node accounts 1–4 (account 0 deploys). */
export const DEMO_PEOPLE = [
  { index: 1, name: "Amara", azr: 120_000 },
  { index: 2, name: "Kofi", azr: 45_000 },
  { index: 3, name: "Lindiwe", azr: 30_000 },
  { index: 4, name: "Tendai", azr: 80_000 },
] as const;

export interface SeedClients {
  publicClient: PublicClient;
  deployer: WalletClient<Transport, Chain, Account>;
}

/**
 * Demo data: AZR for the demo people (minted by the deployer under a MINTER_ROLE it grants
 * itself and renounces at once), a few transfers, and delegations. Lindiwe (account 3) is
 * left undelegated so "delegate to myself" can be tried.
 */
export async function seedAzora(manifest: Manifest, { publicClient, deployer }: SeedClients) {
  const { abi, address } = contractOf(manifest, "AzoraToken");
  const asDeployer = getContract({ abi, address, client: deployer });
  const send = async (hash: Promise<`0x${string}`>) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
    if (receipt.status !== "success") throw new Error(`seed transaction ${receipt.transactionHash} reverted`);
  };
  const person = (index: number) => {
    const { walletClient } = clientsFor(deployer.chain, localAccount(index));
    return getContract({ abi, address, client: walletClient });
  };
  const at = (index: number) => localAccount(index).address;

  const minter = await asDeployer.read.MINTER_ROLE();
  await send(asDeployer.write.grantRole([minter, deployer.account.address]));
  for (const { index, azr } of DEMO_PEOPLE) {
    await send(asDeployer.write.mint([at(index), parseUnits(String(azr), 18)]));
  }
  await send(asDeployer.write.renounceRole([minter, deployer.account.address]));

  await send(person(1).write.transfer([at(2), parseUnits("2500", 18)]));
  await send(person(4).write.transfer([at(3), parseUnits("1200", 18)]));
  await send(person(2).write.transfer([at(4), parseUnits("700", 18)]));

  await send(person(1).write.delegate([at(1)]));
  await send(person(2).write.delegate([at(1)]));
  await send(person(4).write.delegate([at(4)]));
}
