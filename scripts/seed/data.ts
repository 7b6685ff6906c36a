// The demo data of `scripts/seed/data/*.json`, checked when loaded: a mistake in a file throws a
// FormatError that names the file and the field, e.g.
// `scripts/seed/data/jobs.json: [1].progress[2].milestone: no milestone 2 in the brief`.
// The seed modules (learning.ts, governance.ts, marketplace.ts) put the data on chain.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseJsonFormat, text } from "../../content/formats/common";
import { jobBriefSchema } from "../../content/formats/job-brief";
import { proposalSchema } from "../../content/formats/proposal";
import { REPO_ROOT } from "../stack/paths";

/** `scripts/seed/data/<file>`, parsed and checked against `schema`. */
function readSeedData<T>(file: string, schema: z.ZodType<T>): T {
  const where = path.join("scripts", "seed", "data", file);
  return parseJsonFormat(schema, readFileSync(path.join(REPO_ROOT, where)), where);
}

/** Adds an issue at `path` of the file being checked. */
function report(ctx: z.RefinementCtx, message: string, ...path: (string | number)[]) {
  ctx.addIssue({ code: "custom", message, path });
}

const DAY = 24 * 60 * 60;
const wholeAzr = z.number().int().nonnegative();
const basisPoints = z.number().int().min(0).max(10_000);
/** An account of the local node (0 deploys, 7–9 are the arbiter, the verifier and the relayer). */
const localIndex = z.number().int().min(1).max(19);

// people.json: the demo people, their AZR, and the transfers and delegations between them.

const peopleSchema = z
  .object({
    people: z
      .array(z.object({ index: localIndex, name: text(40), azr: wholeAzr }).strict())
      .min(1, "expected at least one person"),
    transfers: z.array(z.object({ from: z.string(), to: z.string(), azr: wholeAzr }).strict()),
    delegations: z.array(z.object({ from: z.string(), to: z.string() }).strict()),
  })
  .strict()
  .superRefine(({ people, transfers, delegations }, ctx) => {
    const names = people.map(({ name }) => name);
    people.forEach(({ name, index }, i) => {
      if (names.indexOf(name) !== i) report(ctx, "names must differ", "people", i, "name");
      if (people.findIndex((p) => p.index === index) !== i) {
        report(ctx, "accounts must differ", "people", i, "index");
      }
    });
    const expectPerson = (name: string, ...path: (string | number)[]) => {
      if (!names.includes(name)) report(ctx, `"${name}" is none of the people`, ...path);
    };
    transfers.forEach(({ from, to }, i) => {
      expectPerson(from, "transfers", i, "from");
      expectPerson(to, "transfers", i, "to");
    });
    delegations.forEach(({ from, to }, i) => {
      expectPerson(from, "delegations", i, "from");
      expectPerson(to, "delegations", i, "to");
    });
  });

const people = readSeedData("people.json", peopleSchema);

/** Demo people of the local chain: local-node accounts (account 0 deploys), with the AZR minted to each. */
export const DEMO_PEOPLE: readonly { index: number; name: string; azr: number }[] = people.people;
/** AZR the demo people send each other after the mint, in order. */
export const DEMO_TRANSFERS: readonly { from: string; to: string; azr: number }[] = people.transfers;
/** Who delegates their votes to whom, in order (a person left out stays undelegated). */
export const DEMO_DELEGATIONS: readonly { from: string; to: string }[] = people.delegations;

/** The local-node account index of the demo person called `name`. */
export function demoIndex(name: string): number {
  const person = DEMO_PEOPLE.find((p) => p.name === name);
  if (!person) throw new Error(`"${name}" is none of the demo people (scripts/seed/data/people.json)`);
  return person.index;
}

/** A field that names one of the demo people. */
const personName = z.enum(DEMO_PEOPLE.map(({ name }) => name));

// learning.json: the terms of the demo courses and who passes which.

const termsSchema = z
  .object({ rewardAzr: wholeAzr, validityDays: z.number().int().nonnegative() })
  .strict()
  .transform(({ rewardAzr, validityDays }) => ({ rewardAzr, validity: validityDays * DAY }));

const learningSchema = z
  .object({
    minScore: basisPoints,
    courses: z.record(z.string(), termsSchema),
    anyOtherCourse: termsSchema,
    completions: z.array(z.object({ name: personName, slug: z.string(), score: basisPoints }).strict()),
  })
  .strict()
  .superRefine(({ courses, completions }, ctx) => {
    completions.forEach(({ slug }, i) => {
      if (!(slug in courses)) {
        report(ctx, `"${slug}" is none of the courses`, "completions", i, "slug");
      }
    });
  });

const learning = readSeedData("learning.json", learningSchema);

/** Reward (whole AZR) and credential validity (seconds, 0 = never expires) of each demo course. */
export const DEMO_COURSE_TERMS: Record<string, { rewardAzr: number; validity: number }> = learning.courses;
/** The terms of a course `DEMO_COURSE_TERMS` does not know. */
export const DEFAULT_COURSE_TERMS: { rewardAzr: number; validity: number } = learning.anyOtherCourse;
/** Lowest passing score of the demo courses, in basis points. */
export const DEMO_MIN_SCORE: number = learning.minScore;
/** Who completes what in the demo, with which score (basis points). */
export const DEMO_COMPLETIONS: readonly { index: number; name: string; slug: string; score: number }[] =
  learning.completions.map((completion) => ({ index: demoIndex(completion.name), ...completion }));

// proposals.json: the demo proposals' texts, the donation before them and the grant one pays.

const proposalsSchema = z
  .object({
    donationAzr: wholeAzr,
    grantAzr: wholeAzr,
    grantee: z.object({ index: localIndex, name: text(40) }).strict(),
    texts: z.object({ grant: proposalSchema, budget: proposalSchema, reward: proposalSchema }).strict(),
  })
  .strict()
  .superRefine(({ grantAzr, grantee, texts }, ctx) => {
    for (const field of ["title", "body"] as const) {
      for (const says of [`${grantAzr} AZR`, grantee.name]) {
        if (!texts.grant[field].includes(says)) {
          report(ctx, `must say "${says}"`, "texts", "grant", field);
        }
      }
    }
  });

const proposals = readSeedData("proposals.json", proposalsSchema);

/** What Amara gives the CitadelFund before the grant proposal, in whole AZR. */
export const DEMO_DONATION_AZR: number = proposals.donationAzr;
/** The grant the executed demo proposal pays from the CitadelFund, in whole AZR. */
export const DEMO_GRANT_AZR: number = proposals.grantAzr;
/** Who receives it: a course author who holds nothing before. */
export const DEMO_GRANTEE: { index: number; name: string } = proposals.grantee;
/** The texts of the three demo proposals (published to the content store, referenced by CID). */
export const DEMO_PROPOSAL_TEXTS: { grant: ProposalText; budget: ProposalText; reward: ProposalText } =
  proposals.texts;

type ProposalText = z.infer<typeof proposalSchema>;

// jobs.json: the demo jobs, each with its brief, its applicants and how far it got.

/** The demo jobs, by the key the seed and its tests name them with. */
export const DEMO_JOB_KEYS = ["translate", "spreadsheet", "landing-page", "audio"] as const;
export type DemoJobKey = (typeof DEMO_JOB_KEYS)[number];

const milestone = z.number().int().nonnegative().describe("Index in the brief's milestones, from 0");
const documentText = text(20_000).describe("Markdown, published to the content store");

/** One step of a job after its assignment; the contract call and who makes it follow from `step`. */
const stepSchema = z.discriminatedUnion("step", [
  z.object({ step: z.literal("submit"), milestone, deliverable: documentText }).strict(),
  z.object({ step: z.literal("approve"), milestone }).strict(),
  z.object({ step: z.literal("dispute"), milestone, statement: documentText }).strict(),
  z
    .object({ step: z.literal("resolve"), milestone, providerBps: basisPoints, statement: documentText })
    .strict(),
  z
    .object({
      step: z.literal("rate"),
      by: z.enum(["client", "provider"]),
      score: z.number().int().min(1).max(5),
      comment: documentText,
    })
    .strict(),
]);
export type DemoJobStep = z.infer<typeof stepSchema>;

const jobSchema = z
  .object({
    key: z.enum(DEMO_JOB_KEYS),
    client: personName,
    /** "permit": posted in one transaction with an EIP-2612 permit; "approve": after an approval. */
    postedWith: z.enum(["approve", "permit"]),
    amountsAzr: z.array(wholeAzr).describe("Whole AZR per milestone, in the brief's milestone order"),
    daysToDeadline: z.number().int().positive(),
    brief: jobBriefSchema,
    applications: z.array(z.object({ applicant: personName, proposal: documentText }).strict()),
    provider: personName.optional().describe("The applicant the client assigns; none leaves the job open"),
    progress: z.array(stepSchema).default([]),
  })
  .strict()
  .superRefine(({ amountsAzr, brief, applications, provider, progress }, ctx) => {
    const milestones = brief.milestones.length;
    if (amountsAzr.length !== milestones) {
      report(ctx, `${amountsAzr.length} amounts for ${milestones} milestones`, "amountsAzr");
    }
    if (provider !== undefined && !applications.some(({ applicant }) => applicant === provider)) {
      report(ctx, `${provider} has not applied`, "provider");
    }
    if (provider === undefined && progress.length > 0) {
      report(ctx, "a job without a provider makes no progress", "progress");
    }
    progress.forEach((step, i) => {
      if (step.step !== "rate" && step.milestone >= milestones) {
        report(ctx, `no milestone ${step.milestone} in the brief`, "progress", i, "milestone");
      }
    });
  });
export type DemoJob = z.infer<typeof jobSchema>;

const jobsSchema = z.array(jobSchema).superRefine((jobs, ctx) => {
  for (const key of DEMO_JOB_KEYS) {
    const count = jobs.filter((job) => job.key === key).length;
    if (count !== 1) report(ctx, `expected one job "${key}", found ${count}`);
  }
});

/** The demo jobs, in the order they are posted. */
export const DEMO_JOBS: readonly DemoJob[] = readSeedData("jobs.json", jobsSchema);

const resolutions = DEMO_JOBS.flatMap(({ progress }) => progress.filter((step) => step.step === "resolve"));
if (resolutions.length !== 1) {
  throw new Error(`scripts/seed/data/jobs.json: expected one dispute resolved, found ${resolutions.length}`);
}
/** The arbiter's split of the demo dispute: the provider's part, in basis points. */
export const DEMO_DISPUTE_PROVIDER_BPS: number = resolutions[0]!.providerBps;
