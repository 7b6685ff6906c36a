"use client";
import { WalletPart } from "@/app/_wallet/WalletPart";
import type { WalletPartProps } from "@/app/_wallet/WalletPart";
import { YourAzr } from "./YourAzr";

/** The wallet part of the home page, loaded on demand by YourAzrIsland. */
export default function HomeWallet(props: WalletPartProps) {
  return (
    <WalletPart {...props}>
      <YourAzr />
    </WalletPart>
  );
}
