import { createPublicClient, createWalletClient, http } from "viem";
import type { Account, Chain, Hex, PublicClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { LOCAL_CHAIN_ID, azoraChain, localAccount } from "../../protocol/chain";

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
 * The deployer account: `DEPLOYER_PRIVATE_KEY`, or on the local chain only, the local node's
 * first account. Refuses to use the public development key anywhere else.
 */
export function deployerAccount(chain: Chain): Account {
  const key = process.env.DEPLOYER_PRIVATE_KEY;
  if (key) {
    if (!/^0x[0-9a-fA-F]{64}$/.test(key)) {
      throw new Error("DEPLOYER_PRIVATE_KEY must be 0x followed by 64 hex digits");
    }
    return privateKeyToAccount(key as Hex);
  }
  if (chain.id !== LOCAL_CHAIN_ID) {
    throw new Error(`Chain ${chain.id} is not the local chain: set DEPLOYER_PRIVATE_KEY`);
  }
  return localAccount(0);
}

export function clientsFor(chain: Chain, account: Account) {
  const transport = http(chain.rpcUrls.default.http[0]);
  const publicClient: PublicClient = createPublicClient({ chain, transport });
  const walletClient = createWalletClient({ chain, transport, account });
  return { publicClient, walletClient };
}
