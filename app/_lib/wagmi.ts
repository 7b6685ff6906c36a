import { connectorsForWallets } from "@rainbow-me/rainbowkit";
import { injectedWallet } from "@rainbow-me/rainbowkit/wallets";
import { http } from "viem";
import { createConfig } from "wagmi";
import { manifest } from "@/deployments/index";
import { azoraChain, chainName } from "@/protocol/chain";

/** The chain's name in wallets and messages. */
export const AZORA_CHAIN_NAME = chainName(manifest.chainId);

/**
 * wagmi config with injected wallets only: no WalletConnect relay, nothing that calls out of
 * the machine. Built at runtime (the RPC URL comes from the server per request), but its type
 * does not depend on the URL, so the Register below still types every hook.
 */
export function createAzoraConfig(rpcUrl: string) {
  const chain = azoraChain(manifest.chainId, rpcUrl);
  const connectors = connectorsForWallets([{ groupName: "Installed", wallets: [injectedWallet] }], {
    appName: "Azora",
    projectId: "azora-local",
  });
  return createConfig({
    chains: [chain],
    connectors,
    // Reads go out as one JSON-RPC batch per tick instead of a multicall contract call.
    transports: { [chain.id]: http(rpcUrl, { batch: true }) },
    batch: { multicall: false },
    ssr: true,
  });
}

declare module "wagmi" {
  interface Register {
    config: ReturnType<typeof createAzoraConfig>;
  }
}
