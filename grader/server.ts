import "server-only";
import path from "node:path";
import { createPublicClient, createWalletClient, defineChain, http, parseEther } from "viem";
import type { Abi, PublicClient } from "viem";
import { sharedContentStore } from "../content/open";
import { manifest } from "../deployments/manifest";
import { createGrader, emptyGraderState } from "./grader";
import type { GraderLimits } from "./grader";
import { serverKey } from "./keys";
import { createRelayer, emptyRelayerState } from "./relayer";
import type { RelayerLimits } from "./relayer";
import { DEFAULT_DATA_DIR, StateFile } from "./state-file";

/**
 * The grader and relayer of this server, built once per process from the deploy manifest and
 * the environment (read when first used, so one build runs anywhere):
 *
 * | variable                       | default                 | meaning                                   |
 * | ------------------------------ | ----------------------- | ----------------------------------------- |
 * | `AZORA_VERIFIER_KEY`           | local #8 (31337 only)   | the course verifier's key                 |
 * | `AZORA_RELAYER_KEY`            | local #9 (31337 only)   | the relayer's key (holds ETH for gas)     |
 * | `AZORA_DATA_DIR`               | `.azora/grader`         | attempts and gas spent, kept across runs  |
 * | `AZORA_GRADER_ATTEMPTS`        | 5                       | attempts per learner and course per window|
 * | `AZORA_GRADER_CLIENT_ATTEMPTS` | 30                      | attempts per client per window            |
 * | `AZORA_GRADER_WINDOW_SECONDS`  | 3600                    | the attempt window                        |
 * | `AZORA_VOUCHER_TTL_SECONDS`    | 3600                    | how long a voucher can be claimed         |
 * | `AZORA_RELAY_GAS_PER_DAY`      | 1000000                 | gas relayed per address per UTC day       |
 * | `AZORA_RELAYER_MIN_ETH`        | 0.01                    | the relayer refuses all below this balance|
 */
export function serverChain() {
  const rpcUrl = process.env.RPC_URL ?? "http://127.0.0.1:8545";
  const chain = defineChain({
    id: manifest.chainId,
    name: `Chain ${manifest.chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  return { chain, transport: http(rpcUrl) };
}

/** Checks the keys for the manifest's chain (throws, naming the variable, when they are unusable). */
export function checkServerKeys(): void {
  serverKey("verifier", manifest.chainId);
  serverKey("relayer", manifest.chainId);
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

function build() {
  const { chain, transport } = serverChain();
  const publicClient: PublicClient = createPublicClient({ chain, transport });
  const contracts = manifest.contracts;
  const graderLimits: Partial<GraderLimits> = {
    attemptsPerLearner: numberFromEnv("AZORA_GRADER_ATTEMPTS"),
    attemptsPerClient: numberFromEnv("AZORA_GRADER_CLIENT_ATTEMPTS"),
    windowSeconds: numberFromEnv("AZORA_GRADER_WINDOW_SECONDS"),
    voucherTtlSeconds: numberFromEnv("AZORA_VOUCHER_TTL_SECONDS"),
  };
  const gasPerDay = numberFromEnv("AZORA_RELAY_GAS_PER_DAY");
  const minEth = process.env.AZORA_RELAYER_MIN_ETH;
  const relayerLimits: Partial<RelayerLimits> = {
    ...(gasPerDay === undefined ? {} : { gasPerAddressPerDay: BigInt(Math.floor(gasPerDay)) }),
    ...(minEth ? { minBalance: parseEther(minEth) } : {}),
  };
  const defined = <T extends object>(limits: T) =>
    Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined)) as T;

  const grader = createGrader({
    publicClient,
    chainId: manifest.chainId,
    verifier: serverKey("verifier", manifest.chainId),
    proofOfKnowledge: contracts.ProofOfKnowledge,
    credential: contracts.AzoraCredential,
    store: sharedContentStore,
    state: new StateFile(dataFile("grader.json"), emptyGraderState),
    limits: defined(graderLimits),
  });
  const relayer = createRelayer({
    publicClient,
    wallet: createWalletClient({ chain, transport, account: serverKey("relayer", manifest.chainId).account }),
    proofOfKnowledge: contracts.ProofOfKnowledge,
    token: contracts.AzoraToken,
    errorAbis: Object.values(contracts).map(({ abi }) => abi as Abi),
    state: new StateFile(dataFile("relayer.json"), emptyRelayerState),
    limits: relayerLimits,
  });
  return { grader, relayer };
}

type Services = ReturnType<typeof build>;
const holder = globalThis as { azoraServices?: Services };

/** The one grader and relayer of this process (Next may load route modules separately). */
export function services(): Services {
  holder.azoraServices ??= build();
  return holder.azoraServices;
}
