"use client";
import { useAccount } from "wagmi";
import { manifest } from "@/deployments/index";
import { AccountFacts } from "@/app/_components/AccountFacts";
import { TransferHistory } from "@/app/_components/TransferHistory";
import { DelegateSelf } from "./DelegateSelf";
import { NetworkWarning } from "./NetworkWarning";

/** The connected person's AZR, or what connecting would show. */
export function YourAzr() {
  return (
    <section className="panel" aria-labelledby="your-azr-title">
      <h2 id="your-azr-title">Your AZR</h2>
      <YourAzrBody />
    </section>
  );
}

function YourAzrBody() {
  const { address, chainId, status } = useAccount();
  if (status === "connecting" || status === "reconnecting") {
    return (
      <p className="muted" aria-busy="true">
        Checking your wallet…
      </p>
    );
  }
  if (!address) {
    return (
      <>
        <p>
          Connect a wallet (<strong>Connect Wallet</strong>, at the top) to see your AZR balance, your voting
          power and your transfers. Connecting only shows this page your public address: it moves nothing and
          costs nothing.
        </p>
        <p>
          You need no ETH to look around. The holders below, and every account&apos;s history, are open to
          anyone without a wallet.
        </p>
      </>
    );
  }
  if (chainId !== manifest.chainId) return <NetworkWarning walletChainId={chainId} />;
  return (
    <>
      <AccountFacts address={address} isYou />
      <DelegateSelf account={address} />
      <h3>Your transfers</h3>
      <TransferHistory address={address} />
    </>
  );
}
