// The deploy config file of a production deployment (`npm run deploy -- --config <file>`): the
// token and mining parameters, the DAO's settings, the appointees with their terms, and the
// bootstrap plan (`npm run bootstrap`). Every field but `bootstrapCurators` is optional and
// defaults to `DEFAULT_DEPLOY_CONFIG`. scripts/deploy/config.example.json is a complete example.
import { readFile } from "node:fs/promises";
import { getAddress, isAddress } from "viem";
import type { Address } from "viem";
import { z } from "zod";
import { FormatError, parseFormat } from "../../content/formats/common";
import { LOCAL_CHAIN_ID, isDevelopmentAddress } from "../../protocol/chain";
import { baseUrlProblem, courseTitleProblem } from "../../protocol/metadata-text";
import { DEFAULT_DEPLOY_CONFIG } from "./contracts";
import type { DeployConfig } from "./contracts";

const DAY = 24 * 60 * 60;
/** The longest term of a deploy-time appointment: a year (the contract's limit for a guardian). */
export const MAX_TERM_DAYS = 365;

const address = z
  .string()
  .refine((value) => isAddress(value, { strict: false }), "expected a 0x address of 40 hex digits")
  .transform((value) => getAddress(value));
const wholeAzr = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform(BigInt);
const seconds = z.number().int().positive();
/** A string `problem` finds nothing wrong with, else the issue `problem` names. */
const checked = (problem: (value: string) => string | null) =>
  z.string().superRefine((value, context) => {
    const message = problem(value);
    if (message) context.addIssue({ code: "custom", message });
  });
const termAppointment = z.strictObject({
  account: address,
  termDays: z.number().positive().max(MAX_TERM_DAYS),
});

const bootstrapSchema = z.strictObject({
  /** Verifiers the bootstrap curators let sign claims, with their claims per epoch. */
  verifiers: z
    .array(z.strictObject({ account: address, claimLimit: z.number().int().positive() }))
    .default([]),
  /** Courses the bootstrap curators register (each published first with `npm run course:publish`). */
  courses: z
    .array(
      z.strictObject({
        /** The title credentials name the course by (its package's, if it fits the chain's rules). */
        title: checked(courseTitleProblem),
        contentCid: z.string().regex(/^(bafy|bafk|Qm)[0-9A-Za-z]+$/, "expected an IPFS CID"),
        verifier: address,
        rewardAzr: z.number().positive(),
        /** Lowest passing score, in percent. */
        minScorePercent: z.number().int().min(1).max(100),
        /** Days a credential stays valid (0: for ever). */
        validityDays: z.number().int().nonnegative(),
      }),
    )
    .default([]),
});

export const deployConfigSchema = z.strictObject({
  $comment: z.string().optional(),
  capAzr: wholeAzr.optional(),
  epochLengthSeconds: seconds.optional(),
  epochBudgetAzr: wholeAzr.optional(),
  halvingIntervalEpochs: z.number().int().positive().optional(),
  reviewWindowSeconds: seconds.optional(),
  maxMilestones: z.number().int().positive().max(255).optional(),
  minMilestoneAzr: wholeAzr.optional(),
  publicAppUrl: checked(baseUrlProblem).optional(),
  governance: z
    .strictObject({
      votingDelaySeconds: seconds.optional(),
      votingPeriodSeconds: seconds.optional(),
      proposalThresholdAzr: wholeAzr.optional(),
      quorumPercent: z.number().int().min(1).max(100).optional(),
      lateQuorumExtensionSeconds: z.number().int().nonnegative().optional(),
      timelockDelaySeconds: z.number().int().nonnegative().optional(),
    })
    .default({}),
  arbiters: z.array(address).default([]),
  guardians: z.array(termAppointment).default([]),
  bootstrapCurators: z.array(termAppointment),
  bootstrap: bootstrapSchema.default({ verifiers: [], courses: [] }),
});

export type BootstrapPlan = z.output<typeof bootstrapSchema>;

/** A deploy config file, read and checked: the `DeployConfig` of the deploy and the bootstrap plan. */
export interface OperatorConfig {
  deploy: DeployConfig;
  bootstrap: BootstrapPlan;
}

/** Reads and checks the config file at `file` for a deployment on chain `chainId`. */
export async function readDeployConfig(file: string, chainId: number): Promise<OperatorConfig> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new Error(
      `Cannot read the deploy config ${file} (${error instanceof Error ? error.message : String(error)}): ` +
        "copy scripts/deploy/config.example.json and fill it in",
      { cause: error },
    );
  }
  let parsed;
  try {
    parsed = parseFormat(deployConfigSchema, json);
  } catch (error) {
    if (error instanceof FormatError) {
      throw new Error(`The deploy config ${file} is not valid:\n  ${error.issues.join("\n  ")}`, {
        cause: error,
      });
    }
    throw error;
  }
  return checkDeployConfig(parsed, chainId, file);
}

/** The config's own checks beyond its shape: who may be appointed on a real chain. */
export function checkDeployConfig(
  parsed: z.output<typeof deployConfigSchema>,
  chainId: number,
  file = "the deploy config",
): OperatorConfig {
  const { governance, guardians, bootstrapCurators, bootstrap, arbiters, ...rest } = parsed;
  delete rest.$comment;
  const defined = <T extends object>(value: T) =>
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
  const inSeconds = (list: typeof guardians) =>
    list.map(({ account, termDays }) => ({ account, termSeconds: Math.round(termDays * DAY) }));
  const deploy: DeployConfig = {
    ...DEFAULT_DEPLOY_CONFIG,
    ...defined(rest),
    governance: { ...DEFAULT_DEPLOY_CONFIG.governance, ...defined(governance) },
    arbiters,
    guardians: inSeconds(guardians),
    bootstrapCurators: inSeconds(bootstrapCurators),
  };

  if (chainId !== LOCAL_CHAIN_ID) {
    const everyone: [string, Address][] = [
      ...arbiters.map((a) => ["arbiters", a] as [string, Address]),
      ...guardians.map((g) => ["guardians", g.account] as [string, Address]),
      ...bootstrapCurators.map((c) => ["bootstrapCurators", c.account] as [string, Address]),
      ...bootstrap.verifiers.map((v) => ["bootstrap.verifiers", v.account] as [string, Address]),
      ...bootstrap.courses.map((c) => ["bootstrap.courses", c.verifier] as [string, Address]),
    ];
    for (const [field, account] of everyone) {
      if (isDevelopmentAddress(account)) {
        throw new Error(
          `${file}: ${field} names ${account}, an account of the public development mnemonic whose key anyone has: ` +
            `never on chain ${chainId}. Name an account whose key only its holder has`,
        );
      }
    }
    if (bootstrapCurators.length === 0) {
      throw new Error(
        `${file}: bootstrapCurators is empty. Without one, no course can be registered until the DAO can ` +
          "propose, and it cannot before AZR is mined by courses: the deployment would be inert. " +
          'Name at least one curator with a term (docs/governance.md, "Bootstrap")',
      );
    }
  }
  return { deploy, bootstrap };
}
