// The chain definition, and the facts of the local development chain (31337) that every part
// checks: its id, its default RPC URL and its public development accounts.
import { bytesToHex, defineChain } from "viem";
import type { Chain, Hex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import type { HDAccount } from "viem/accounts";

/** Hardhat's local chain. */
export const LOCAL_CHAIN_ID = 31337;

/** Where the local chain answers (`npm run dev`); only ever a default on the local chain. */
export const LOCAL_RPC_URL = "http://127.0.0.1:8545";

/** The RPC URL of the server side (`RPC_URL`; by default the local chain's). Never sent to a browser. */
export function rpcUrlFromEnv(env: Record<string, string | undefined> = process.env): string {
  return env.RPC_URL || LOCAL_RPC_URL;
}

/** The name wallets and pages show for chain `id`. */
export function chainName(id: number): string {
  return id === LOCAL_CHAIN_ID ? "Azora local chain" : `Chain ${id}`;
}

/**
 * Chain `id` reached at `rpcUrl` (none: reads go through the connected wallet). No multicall
 * contract is assumed (reads go out as JSON-RPC batches).
 */
export function azoraChain(id: number, rpcUrl: string | null): Chain {
  return defineChain({
    id,
    name: chainName(id),
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: rpcUrl ? [rpcUrl] : [] } },
  });
}

/**
 * The well-known development mnemonic of Hardhat's local node. Its keys are public: they are
 * only ever used on the local chain, and every part refuses them elsewhere.
 */
export const LOCAL_MNEMONIC = "test test test test test test test test test test test junk";

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

/** Whether `key` is one of the first 20 keys of the public development mnemonic. */
export function isDevelopmentKey(key: string): boolean {
  const lower = key.toLowerCase();
  return Array.from({ length: 20 }, (_, index) => localPrivateKey(index).toLowerCase()).includes(lower);
}

/** Local account #7 (`0x14dC…9955`): the escrow arbiter of the local deployment. */
export const LOCAL_ARBITER_INDEX = 7;
/** Local account #8 (`0x2361…1E8f`): the course verifier of the local deployment (signs vouchers). */
export const LOCAL_VERIFIER_INDEX = 8;
/** Local account #9 (`0xa0Ee…9720`): the relayer of the local deployment (pays learners' gas). */
export const LOCAL_RELAYER_INDEX = 9;

export const localArbiter = (): HDAccount => localAccount(LOCAL_ARBITER_INDEX);
export const localVerifier = (): HDAccount => localAccount(LOCAL_VERIFIER_INDEX);
export const localRelayer = (): HDAccount => localAccount(LOCAL_RELAYER_INDEX);

/** Whether `address` is one of the first 20 accounts of the public development mnemonic. */
export function isDevelopmentAddress(address: string): boolean {
  const lower = address.toLowerCase();
  return Array.from({ length: 20 }, (_, index) => localAccount(index).address.toLowerCase()).includes(lower);
}
