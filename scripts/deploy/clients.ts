import { createPublicClient, createWalletClient, http } from "viem";
import type { Account, Chain, Hex, PublicClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import {
  LOCAL_CHAIN_ID,
  LOCAL_RPC_URL,
  azoraChain,
  isDevelopmentKey,
  localAccount,
} from "../../protocol/chain";

/** The chain at `rpcUrl`, described from its own chain id. */
export async function chainAt(rpcUrl: string): Promise<Chain> {
  const probe = createPublicClient({ transport: http(rpcUrl) });
  let id: number;
  try {
    id = await probe.getChainId();
  } catch (error) {
    throw new Error(`No chain answers at ${rpcUrl}: start one (npm run dev) or set RPC_URL`, {
      cause: error,
    });
  }
  return azoraChain(id, rpcUrl);
}

/**
 * The chain a command that writes (deploy, bootstrap, course registration) writes to: the one at
 * `RPC_URL`. With `RPC_URL` unset it is the local chain only: the node at 127.0.0.1:8545 must be
 * chain 31337, and the command says so; anything else is refused, never written to silently.
 */
export async function chainToWrite(env: Record<string, string | undefined> = process.env): Promise<Chain> {
  if (env.RPC_URL) return chainAt(env.RPC_URL);
  const chain = await chainAt(LOCAL_RPC_URL).catch((error: unknown) => {
    throw new Error(
      `RPC_URL is not set and no local chain answers at ${LOCAL_RPC_URL}: set RPC_URL to the chain to write to (docs/deploying.md), or start the local one (npm run dev)`,
      { cause: error },
    );
  });
  if (chain.id !== LOCAL_CHAIN_ID) {
    throw new Error(
      `RPC_URL is not set, and the node at ${LOCAL_RPC_URL} is chain ${chain.id}, not the local chain ${LOCAL_CHAIN_ID}: set RPC_URL=${LOCAL_RPC_URL} to write to it on purpose`,
    );
  }
  console.warn(`RPC_URL is not set: writing to the local chain ${LOCAL_CHAIN_ID} at ${LOCAL_RPC_URL}`);
  return chain;
}

/**
 * The account of a private key from the environment variable `variable`, for chain `chain`: 0x
 * and 64 hex digits, and never a key of the public development mnemonic off the local chain
 * (anyone holds those keys: whatever they control there is everyone's).
 */
export function accountFromKey(
  variable: string,
  chain: Chain,
  env: Record<string, string | undefined> = process.env,
): Account | undefined {
  const key = env[variable];
  if (!key) return undefined;
  if (!/^0x[0-9a-fA-F]{64}$/.test(key)) throw new Error(`${variable} must be 0x followed by 64 hex digits`);
  if (chain.id !== LOCAL_CHAIN_ID && isDevelopmentKey(key)) {
    throw new Error(
      `${variable} is a key of the public development mnemonic (test test … junk), which anyone can use: ` +
        `never on chain ${chain.id}. Make a key of your own (docs/deploying.md, "Make the keys")`,
    );
  }
  return privateKeyToAccount(key as Hex);
}

/**
 * The deployer account: `DEPLOYER_PRIVATE_KEY`, or on the local chain only, the local node's
 * first account. Refuses the public development keys anywhere else.
 */
export function deployerAccount(
  chain: Chain,
  env: Record<string, string | undefined> = process.env,
): Account {
  const account = accountFromKey("DEPLOYER_PRIVATE_KEY", chain, env);
  if (account) return account;
  if (chain.id !== LOCAL_CHAIN_ID) {
    throw new Error(
      `Chain ${chain.id} is not the local chain: set DEPLOYER_PRIVATE_KEY to a funded key of your own (docs/deploying.md, "Make the keys")`,
    );
  }
  return localAccount(0);
}

export function clientsFor(chain: Chain, account: Account) {
  const transport = http(chain.rpcUrls.default.http[0]);
  const publicClient: PublicClient = createPublicClient({ chain, transport });
  const walletClient = createWalletClient({ chain, transport, account });
  return { publicClient, walletClient };
}
