"use client";
import type { ComponentType } from "react";
import type { Address } from "viem";
import { useAccount } from "wagmi";

/** A part of /me for the connected account: `Part` given its address, nothing while no wallet is connected. */
export function whenConnected(Part: ComponentType<{ address: Address }>) {
  return function Connected() {
    const { address } = useAccount();
    return address ? <Part address={address} /> : null;
  };
}
