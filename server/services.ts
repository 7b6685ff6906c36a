import "server-only";
import path from "node:path";
import { createPublicClient, createWalletClient, http, parseEther } from "viem";
import type { PublicClient } from "viem";
import { sharedContentStore } from "../content/open";
import { manifest } from "../deployments/index";
import { azoraChain, rpcUrlFromEnv } from "../protocol/chain";
import { abis } from "../protocol/abis";
import { contractsOf } from "../protocol/manifest";
import { createGrader, emptyGraderState } from "./grader";
import type { GraderLimits } from "./grader";
import { serverKey } from "./keys";
import { createRelayer, emptyRelayerState } from "./relayer";
import type { RelayerLimits } from "./relayer";
import { DEFAULT_DATA_DIR, StateFile } from "./state-file";

/** The chain of the deploy manifest, reached at `RPC_URL` (read when first used, so one build runs anywhere). */
function serverChain() {
  const rpcUrl = rpcUrlFromEnv();
  return { chain: azoraChain(manifest.chainId, rpcUrl), transport: http(rpcUrl) };
}

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number, not "${raw}"`);
  return value;
}

function dataFile(name: string): string {
  return path.resolve(process.env.AZORA_DATA_DIR || DEFAULT_DATA_DIR, name);
}

/** The limits the environment sets (an unset one keeps its default). */
function withoutUnset<T extends object>(limits: T): T {
  return Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined)) as T;
}

function build() {
  const { chain, transport } = serverChain();
  const publicClient: PublicClient = createPublicClient({ chain, transport });
  const contracts = contractsOf(manifest);
  const graderLimits: Partial<GraderLimits> = {
    attemptsPerRound: numberFromEnv("AZORA_GRADER_ATTEMPTS"),
    cooldownSeconds: numberFromEnv("AZORA_GRADER_COOLDOWN_SECONDS"),
    attemptsPerClient: numberFromEnv("AZORA_GRADER_CLIENT_ATTEMPTS"),
    windowSeconds: numberFromEnv("AZORA_GRADER_WINDOW_SECONDS"),
    passesPerCoursePerDay: numberFromEnv("AZORA_GRADER_DAILY_PASSES"),
    voucherTtlSeconds: numberFromEnv("AZORA_VOUCHER_TTL_SECONDS"),
  };
  const gas = (name: string) => {
    const value = numberFromEnv(name);
    return value === undefined ? undefined : BigInt(Math.floor(value));
  };
  const minEth = process.env.AZORA_RELAYER_MIN_ETH;
  const relayerLimits: Partial<RelayerLimits> = {
    gasPerAddressPerDay: gas("AZORA_RELAY_GAS_PER_DAY"),
    gasPerDay: gas("AZORA_RELAY_GLOBAL_GAS_PER_DAY"),
    minBalance: minEth ? parseEther(minEth) : undefined,
  };

  const grader = createGrader({
    publicClient,
    chainId: manifest.chainId,
    verifier: serverKey("verifier", manifest.chainId),
    proofOfKnowledge: contracts.ProofOfKnowledge,
    credential: contracts.AzoraCredential,
    store: sharedContentStore,
    state: new StateFile(dataFile("grader.json"), emptyGraderState),
    limits: withoutUnset(graderLimits),
  });
  const relayer = createRelayer({
    publicClient,
    wallet: createWalletClient({ chain, transport, account: serverKey("relayer", manifest.chainId).account }),
    proofOfKnowledge: contracts.ProofOfKnowledge,
    token: contracts.AzoraToken,
    governor: contracts.AzoraGovernor,
    errorAbis: Object.values(abis),
    state: new StateFile(dataFile("relayer.json"), emptyRelayerState),
    limits: withoutUnset(relayerLimits),
  });
  return { grader, relayer };
}

type Services = ReturnType<typeof build>;
const holder = globalThis as { azoraServices?: Services };

/**
 * The grader and relayer of this server, built once per process from the deploy manifest and
 * the environment:
 * keys, limits and the data directory from the `AZORA_*` variables, each with a default (the
 * docs/server-api.md#keys-limits-and-state lists them).
 *
 * One instance per process: Next may load each route's module separately.
 */
export function services(): Services {
  holder.azoraServices ??= build();
  return holder.azoraServices;
}
