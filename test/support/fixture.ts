import { network } from "hardhat";
import { deployAzora } from "../../scripts/lib/deploy.js";

/** One in-process Hardhat chain per test file, shared by its fixtures. */
export const connection = await network.create();
export const { viem, networkHelpers } = connection;

/** Runs the real deploy code and returns typed contract handles plus named accounts. */
export async function deployed() {
  const publicClient = await viem.getPublicClient();
  const [deployer, alice, bob, carol, dave] = await viem.getWalletClients();
  if (!deployer || !alice || !bob || !carol || !dave) throw new Error("the local node has too few accounts");
  const manifest = await deployAzora({ publicClient, walletClient: deployer });
  const token = await viem.getContractAt("AzoraToken", manifest.contracts.AzoraToken!.address);
  return { manifest, publicClient, token, deployer, alice, bob, carol, dave };
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

/** Whole AZR to wei. */
export function AZR(amount: number | bigint): bigint {
  return BigInt(amount) * 10n ** 18n;
}
