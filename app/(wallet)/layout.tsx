import type { ReactNode } from "react";
import { ClientMessages } from "@/app/_i18n/client-messages";
import { Shell } from "@/app/_components/shell/Shell";
import { getRuntimeConfig } from "@/app/_lib/server-config";
import { WalletButton } from "@/app/_wallet/WalletButton";
import { WalletProviders } from "@/app/_wallet/WalletProviders";

/**
 * Pages where a wallet acts: wagmi and react-query for every component below, and the wallet
 * button in the header (RainbowKit's modal loads when it is needed). The public RPC URL is read
 * per request, so one build serves any chain.
 */
export default async function WalletLayout({ children }: { children: ReactNode }) {
  const runtime = await getRuntimeConfig();
  return (
    <ClientMessages sections={["wallet"]}>
      <WalletProviders runtime={runtime}>
        <Shell wallet={<WalletButton short />}>{children}</Shell>
      </WalletProviders>
    </ClientMessages>
  );
}
