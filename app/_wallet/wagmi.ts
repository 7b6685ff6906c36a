import type { WalletDetailsParams } from "@rainbow-me/rainbowkit";
import { injectedWallet } from "@rainbow-me/rainbowkit/wallets";
import { http } from "viem";
import { createConfig, fallback, unstable_connector } from "wagmi";
import { injected } from "wagmi/connectors";
import { manifest } from "@/deployments/index";
import { azoraChain, chainName } from "@/protocol/chain";

/** The chain's name in wallets and messages. */
export const AZORA_CHAIN_NAME = chainName(manifest.chainId);

/**
 * RainbowKit's "Browser Wallet" (injected) as a wagmi connector, built the way RainbowKit's
 * `connectorsForWallets([{ groupName: "Installed", wallets: [injectedWallet] }])` builds it, but
 * without importing RainbowKit's main entry: that entry carries the whole modal UI, which the
 * wallet button loads on demand (WalletButton.tsx). The `rkDetails` make the modal list it.
 */
function browserWallet() {
  const { createConnector, ...wallet } = injectedWallet();
  const details: WalletDetailsParams = {
    rkDetails: { ...wallet, index: 0, groupIndex: 1, groupName: "Installed", isRainbowKitConnector: true },
  };
  return createConnector(details);
}

/**
 * wagmi config with the injected wallet only: no WalletConnect relay, nothing that calls out of
 * the machine. Built at runtime (the public RPC URL comes from the server per request); without a
 * public URL, reads go through the connected wallet. Its type does not depend on the URL, so
 * the Register below types every hook.
 */
export function createAzoraConfig(rpcUrl: string | null) {
  const chain = azoraChain(manifest.chainId, rpcUrl);
  // Reads go out as one JSON-RPC batch per tick instead of a multicall contract call.
  const transport = rpcUrl ? http(rpcUrl, { batch: true }) : fallback([unstable_connector(injected)]);
  return createConfig({
    chains: [chain],
    connectors: [browserWallet()],
    transports: { [chain.id]: transport },
    batch: { multicall: false },
    ssr: true,
  });
}

declare module "wagmi" {
  interface Register {
    config: ReturnType<typeof createAzoraConfig>;
  }
}
