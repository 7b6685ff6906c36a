import { bytesToHex } from "viem";
import type { Hex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import type { HDAccount } from "viem/accounts";

/**
 * The well-known development mnemonic of Hardhat's local node. Its keys are public: they are
 * only ever used on the local chain (31337), and every script refuses them elsewhere.
 */
export const LOCAL_MNEMONIC = "test test test test test test test test test test test junk";
export const LOCAL_CHAIN_ID = 31337;

/** Account `index` of the local node (0 deploys, 1–4 are the demo people, 7, 8 and 9 below). */
export function localAccount(index: number): HDAccount {
  return mnemonicToAccount(LOCAL_MNEMONIC, { addressIndex: index });
}

/** The private key of local account `index`: public, for the local chain and for spotting leaks. */
export function localPrivateKey(index: number): Hex {
  const key = localAccount(index).getHdKey().privateKey;
  if (!key) throw new Error(`local account #${index} has no private key`);
  return bytesToHex(key);
}

/**
 * Local account #7 (`0x14dC…9955`) is the escrow arbiter of the local deployment: it resolves
 * marketplace disputes. Its key is public, so only on the local chain.
 */
export const LOCAL_ARBITER_INDEX = 7;

/**
 * Local account #8 (`0x2361…1E8f`) is the course verifier of the local deployment: it signs the
 * `Completion` vouchers of the demo courses. Its key is public, so only on the local chain.
 */
export const LOCAL_VERIFIER_INDEX = 8;

/**
 * Local account #9 (`0xa0Ee…9720`) is the relayer of the local deployment: it submits claims for
 * learners and pays their gas, so a learner with no ETH still gets paid.
 */
export const LOCAL_RELAYER_INDEX = 9;

/** The local course verifier (account #8). */
export function localVerifier(): HDAccount {
  return localAccount(LOCAL_VERIFIER_INDEX);
}

/** The local relayer (account #9). */
export function localRelayer(): HDAccount {
  return localAccount(LOCAL_RELAYER_INDEX);
}

/** The local escrow arbiter (account #7). */
export function localArbiter(): HDAccount {
  return localAccount(LOCAL_ARBITER_INDEX);
}
