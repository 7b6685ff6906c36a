"use client";
import { useState } from "react";
import { useAccount, useConfig, useSignMessage } from "wagmi";
import { simulateContract } from "wagmi/actions";
import type { UploadSigner } from "@/content/upload-request";
import { useTransaction } from "@/app/_wallet/useTransaction";
import { revertName } from "./escrow";
import type { EscrowCall } from "./escrow";

/** Why an action was refused before anything was sent: a contract error's name, or an upload. */
export type Refusal = { kind: "contract"; name: string } | { kind: "upload" } | null;

/**
 * An escrow action: simulated first (so a refusal reads as a sentence from the contract's error
 * name, and nothing doomed reaches the wallet), then sent through the shell's useTransaction.
 */
export function useEscrowAction() {
  const { address } = useAccount();
  const config = useConfig();
  const { signMessageAsync } = useSignMessage();
  const { writeContract, status } = useTransaction();
  const [refusal, setRefusal] = useState<Refusal>(null);
  const [preparing, setPreparing] = useState(false);

  const signer: UploadSigner | undefined = address
    ? { address, signMessage: (message) => signMessageAsync({ message }) }
    : undefined;

  async function run(prepare: (signer: UploadSigner) => Promise<EscrowCall> | EscrowCall) {
    if (!address || !signer) return;
    setRefusal(null);
    setPreparing(true);
    let request: EscrowCall;
    try {
      request = await prepare(signer);
    } catch {
      setRefusal({ kind: "upload" });
      setPreparing(false);
      return;
    }
    try {
      await simulateContract(config, { ...request, account: address } as Parameters<
        typeof simulateContract
      >[1]);
    } catch (error) {
      const name = revertName(error);
      setPreparing(false);
      if (name) {
        setRefusal({ kind: "contract", name });
        return;
      }
    }
    setPreparing(false);
    writeContract(request as Parameters<typeof writeContract>[0]);
  }

  const shown = preparing ? ({ state: "pending", waitingFor: "wallet" } as const) : status;
  return { run, status: shown, refusal, account: address };
}
