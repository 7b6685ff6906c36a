import { mnemonicToAccount } from "viem/accounts";
import type { HDAccount } from "viem/accounts";

/**
 * The well-known development mnemonic of Hardhat's local node. Its keys are public: they are
 * only ever used on the local chain (31337), and every script refuses them elsewhere.
 */
export const LOCAL_MNEMONIC = "test test test test test test test test test test test junk";
export const LOCAL_CHAIN_ID = 31337;

/** Account `index` of the local node (0 deploys, the others are demo users). */
export function localAccount(index: number): HDAccount {
  return mnemonicToAccount(LOCAL_MNEMONIC, { addressIndex: index });
}
