import "server-only";
import { privateKeyToAccount } from "viem/accounts";
import type { Hex, LocalAccount } from "viem";
import {
  LOCAL_CHAIN_ID,
  LOCAL_RELAYER_INDEX,
  LOCAL_VERIFIER_INDEX,
  isDevelopmentKey,
  localPrivateKey,
} from "../protocol/chain";

export interface ServerKey {
  account: LocalAccount;
  privateKey: Hex;
}

const ROLES = {
  verifier: { variable: "AZORA_VERIFIER_KEY", localIndex: LOCAL_VERIFIER_INDEX },
  relayer: { variable: "AZORA_RELAYER_KEY", localIndex: LOCAL_RELAYER_INDEX },
} as const;

const warned = new Set<string>();

/**
 * The grader's verifier key or the relayer's key, from the environment only (`AZORA_VERIFIER_KEY`,
 * `AZORA_RELAYER_KEY`: 0x and 64 hex digits). On the local chain (31337) an unset key defaults to
 * local account #8 / #9, with a warning; on any other chain an unset key, or a key of the public
 * development mnemonic, is refused.
 */
export function serverKey(role: keyof typeof ROLES, chainId: number, env = process.env): ServerKey {
  const { variable, localIndex } = ROLES[role];
  const set = env[variable];
  if (set !== undefined && !/^0x[0-9a-fA-F]{64}$/.test(set)) {
    throw new Error(`${variable} must be 0x followed by 64 hex digits`);
  }
  if (chainId !== LOCAL_CHAIN_ID) {
    if (!set)
      throw new Error(
        `${variable} is not set: chain ${chainId} is not the local chain, so the ${role} needs its own key`,
      );
    if (isDevelopmentKey(set)) {
      throw new Error(
        `${variable} is a key of the public development mnemonic: never use it on chain ${chainId}`,
      );
    }
  }
  const privateKey = (set as Hex | undefined) ?? localPrivateKey(localIndex);
  const account = privateKeyToAccount(privateKey);
  if (!set && !warned.has(role)) {
    warned.add(role);
    console.warn(
      `WARNING: ${variable} is not set: the ${role} uses local account #${localIndex} (${account.address}), whose key is public. Local chain only.`,
    );
  }
  return { account, privateKey };
}
