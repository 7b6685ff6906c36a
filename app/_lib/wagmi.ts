import { connectorsForWallets } from "@rainbow-me/rainbowkit";
import { injectedWallet } from "@rainbow-me/rainbowkit/wallets";
import { defineChain, http } from "viem";
import { createConfig } from "wagmi";
import { manifest } from "@/deployments/manifest";

/** The chain's name in wallets and messages. */
export const AZORA_CHAIN_NAME =
  manifest.chainId === 31337 ? "Azora local chain" : `Chain ${manifest.chainId}`;

/** The chain of the deploy manifest, reached through `rpcUrl`. No multicall contract is assumed. */
function azoraChain(rpcUrl: string) {
  return defineChain({
    id: manifest.chainId,
    name: AZORA_CHAIN_NAME,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

/**
 * wagmi config with injected wallets only: no WalletConnect relay, nothing that calls out of
 * the machine. Built at runtime (the RPC URL comes from the server per request), but its type
 * does not depend on the URL, so the Register below still types every hook.
 */
export function createAzoraConfig(rpcUrl: string) {
  const chain = azoraChain(rpcUrl);
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
