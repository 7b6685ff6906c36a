"use client";
import type { RuntimeConfig } from "@/app/_lib/server-config";
import { WalletButton } from "@/app/_wallet/WalletButton";
import { WalletProviders } from "@/app/_wallet/WalletProviders";
import { YourAzr } from "./YourAzr";

/** The wallet part of the home page, loaded on demand by YourAzrIsland. */
export default function HomeWallet({ runtime, openModal }: { runtime: RuntimeConfig; openModal: boolean }) {
  return (
    <WalletProviders runtime={runtime}>
      <div className="actions">
        <WalletButton autoOpen={openModal} />
      </div>
      <YourAzr />
    </WalletProviders>
  );
}
