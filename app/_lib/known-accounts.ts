import "@/app/_lib/server-side";
import { getAddress, isAddress } from "viem";
import { manifest } from "@/deployments/index";
// The public development accounts of the local chain (moves with the shared protocol code).
import {
  LOCAL_ARBITER_INDEX,
  LOCAL_CHAIN_ID,
  LOCAL_RELAYER_INDEX,
  LOCAL_VERIFIER_INDEX,
  localAccount,
} from "@/protocol/chain";
import type { KnownAccounts, KnownRole } from "./known-account-types";

/** The demo people of the local chain's seed, by local-node account index. */
const LOCAL_PEOPLE: Record<number, string> = {
  1: "Amara",
  2: "Kofi",
  3: "Lindiwe",
  4: "Tendai",
  5: "Zawadi",
};
const LOCAL_ROLES: Record<number, KnownRole> = {
  0: "deployer",
  [LOCAL_ARBITER_INDEX]: "arbiter",
  [LOCAL_VERIFIER_INDEX]: "verifier",
  [LOCAL_RELAYER_INDEX]: "relayer",
};

let cached: KnownAccounts | undefined;

/**
 * Names for addresses, keyed by lowercase address: every contract of the deploy manifest; on the
 * local chain the demo people and the service accounts (relayer, verifier, arbiter); anywhere,
 * the operator's `AZORA_KNOWN_ACCOUNTS` (a JSON object of address → name). Computed once.
 */
export function knownAccounts(env = process.env): KnownAccounts {
  if (cached) return cached;
  const names: KnownAccounts = {};
  for (const [name, { address }] of Object.entries(manifest.contracts)) {
    names[address.toLowerCase()] = { kind: "contract", name };
  }
  if (manifest.chainId === LOCAL_CHAIN_ID) {
    for (const [index, name] of Object.entries(LOCAL_PEOPLE)) {
      names[localAccount(Number(index)).address.toLowerCase()] = { kind: "person", name };
    }
    for (const [index, role] of Object.entries(LOCAL_ROLES)) {
      names[localAccount(Number(index)).address.toLowerCase()] = { kind: "role", role };
    }
  }
  for (const [address, name] of Object.entries(operatorNames(env.AZORA_KNOWN_ACCOUNTS))) {
    names[address] = { kind: "person", name };
  }
  cached = names;
  return names;
}

function operatorNames(json: string | undefined): Record<string, string> {
  if (!json) return {};
  try {
    const parsed = JSON.parse(json) as unknown;
    if (typeof parsed !== "object" || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed)
        .filter(([address, name]) => isAddress(address) && typeof name === "string" && name.length <= 40)
        .map(([address, name]) => [getAddress(address).toLowerCase(), name as string]),
    );
  } catch {
    console.warn("AZORA_KNOWN_ACCOUNTS is not a JSON object of address → name: ignored");
    return {};
  }
}
