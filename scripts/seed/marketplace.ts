import { getContract, parseEventLogs, parseUnits } from "viem";
import type { Address, Hash } from "viem";
import { jobBriefSchema } from "../../content/formats/job-brief";
import type { JobBrief } from "../../content/formats/job-brief";
import { parseFormat } from "../../content/formats/common";
import type { ContentStore } from "../../content/store";
import { localAccount, localArbiter } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import type { Manifest } from "../../protocol/manifest";
import { signPermit } from "../../protocol/eip712";
import { confirm, walletLike } from "./learning";
import type { SeedClients } from "./learning";

/**
 * The marketplace part of the demo: four jobs between the demo people (local accounts 1–4),
 * each in another stage, with every brief, proposal, deliverable, statement and comment a real
 * document on the content store.
 *
 * - "translate": Amara hires Lindiwe; both milestones approved, both rate each other. Completed.
 * - "spreadsheet": Tendai hires Kofi; milestone 1 approved, milestone 2 disputed by Tendai and
 *   split 60/40 by the arbiter (local account #7). Completed, with a resolved dispute.
 * - "landing-page": Kofi hires Tendai; milestone 1 submitted and under review. In progress.
 * - "audio": Amara posts with a permit (one transaction); Kofi and Lindiwe applied. Open.
 */

const AMARA = 1;
const KOFI = 2;
const LINDIWE = 3;
const TENDAI = 4;
const DAY = 24 * 60 * 60;

/** The arbiter's split of the demo dispute: 60% to the provider. */
export const DEMO_DISPUTE_PROVIDER_BPS = 6_000;

interface DemoJob {
  key: "translate" | "spreadsheet" | "landing-page" | "audio";
  client: number;
  /** Whole AZR per milestone, in the brief's milestone order. */
  amountsAzr: number[];
  daysToDeadline: number;
  brief: JobBrief;
  /** Applicants, in order, with their proposal (markdown). */
  applications: { who: number; proposal: string }[];
}

export const DEMO_JOBS: readonly DemoJob[] = [
  {
    key: "translate",
    client: AMARA,
    amountsAzr: [300, 200],
    daysToDeadline: 21,
    brief: {
      title: "Translate “Wallets and safety” into Swahili",
      summary: "All six lessons and the quiz of the wallets course, in clear everyday Swahili.",
      description:
        "Learners in Tanzania and Kenya ask for the wallets course in Swahili. Translate the six " +
        "lessons and the twelve quiz questions. Keep the examples local (M-Pesa, not PayPal) and " +
        "the sentences short: many readers are on small phones.",
      language: "en",
      skills: ["translation", "swahili", "crypto basics"],
      milestones: [
        { title: "Lessons 1–3", description: "Lessons 1 to 3 translated, as markdown files." },
        { title: "Lessons 4–6 and the quiz", description: "The rest of the lessons and all questions." },
      ],
    },
    applications: [
      {
        who: LINDIWE,
        proposal:
          "I grew up speaking Swahili and passed the wallets course last month. I can deliver the " +
          "first three lessons within a week.",
      },
    ],
  },
  {
    key: "spreadsheet",
    client: TENDAI,
    amountsAzr: [400, 250],
    daysToDeadline: 30,
    brief: {
      title: "A budgeting spreadsheet for irregular income",
      summary: "A spreadsheet that follows the budgeting course's method, for market traders.",
      description:
        "Build a spreadsheet (LibreOffice and Google Sheets) that applies the course's " +
        "three-pot method to weekly takings that vary. It must work offline on a phone.",
      language: "en",
      skills: ["spreadsheets", "budgeting"],
      milestones: [
        { title: "Layout and formulas", description: "The pots, the weekly entry sheet, the formulas." },
        { title: "Guide and examples", description: "A one-page guide and three worked examples." },
      ],
    },
    applications: [
      {
        who: KOFI,
        proposal: "I keep my own stall's books this way. Spreadsheet first, then the guide.",
      },
    ],
  },
  {
    key: "landing-page",
    client: KOFI,
    amountsAzr: [150, 150, 200],
    daysToDeadline: 45,
    brief: {
      title: "A landing page for a farmers' cooperative",
      summary: "One fast static page: who we are, what we sell, how to reach us.",
      description:
        "A single static page under 100 kB that loads on 2G: the cooperative's story, a price " +
        "list we can edit in one file, and a contact form that works without JavaScript.",
      language: "en",
      skills: ["html", "css", "typescript"],
      milestones: [
        { title: "Design", description: "A mock-up of the page on a small phone and on a laptop." },
        { title: "Build", description: "The page, with the price list as one JSON file." },
        { title: "Launch", description: "Deployed, and a short guide to editing prices." },
      ],
    },
    applications: [
      { who: TENDAI, proposal: "I built pages for two co-ops in Harare; both load in under a second." },
      { who: LINDIWE, proposal: "I can do it, in TypeScript, with a build that inlines everything." },
    ],
  },
  {
    key: "audio",
    client: AMARA,
    amountsAzr: [250, 250],
    daysToDeadline: 30,
    brief: {
      title: "Record the budgeting course as audio",
      summary: "Each lesson read aloud, for learners who listen more easily than they read.",
      description:
        "Record the budgeting course's seven lessons as small audio files (Opus, mono, under 2 MB " +
        "each), read slowly and clearly.",
      language: "en",
      skills: ["audio", "narration"],
      milestones: [
        { title: "Lessons 1–4", description: "Four recordings." },
        { title: "Lessons 5–7", description: "Three recordings and a playlist file." },
      ],
    },
    applications: [
      { who: KOFI, proposal: "I host a market radio show; I have a quiet room and a good microphone." },
      { who: LINDIWE, proposal: "I can record in English and in Swahili, if you want both later." },
    ],
  },
];

/** Documents of the finished and running jobs: deliverables, the dispute, the ratings. */
const DOCUMENTS = {
  translateLessons: "# Masomo 1–3\n\nThe first three lessons in Swahili, reviewed by a second speaker.",
  translateRest: "# Masomo 4–6 na maswali\n\nThe last three lessons and the twelve questions.",
  spreadsheetLayout: "# Budget sheet v1\n\nThree pots, a weekly entry sheet, and the formulas.",
  spreadsheetGuide: "# Guide\n\nA one-page guide; the three examples are still to come.",
  dispute:
    "The guide is good, but the three worked examples the brief asks for are missing. I ask for " +
    "part of this milestone back.",
  resolution:
    "The guide was delivered and is of good quality; the examples were not. The provider gets 60% " +
    "of the milestone, the client 40% back.",
  landingDesign: "# Mock-ups\n\nThe page on a 360 px phone and on a laptop, in one PDF.",
  ratingByAmara: "Careful, fast, and asked good questions. I would hire Lindiwe again.",
  ratingByLindiwe: "Clear brief and quick reviews.",
} as const;

export interface PublishedMarketplaceDemo {
  briefs: Record<DemoJob["key"], string>;
  proposals: Record<DemoJob["key"], string[]>;
  documents: Record<keyof typeof DOCUMENTS, string>;
}

/**
 * Adds every demo brief (checked against the job-brief format), proposal and document to
 * `store` and returns their CIDs, for `seedMarketplace`.
 */
export async function publishMarketplaceDemo(store: ContentStore): Promise<PublishedMarketplaceDemo> {
  const encoder = new TextEncoder();
  const add = async (text: string) => String(await store.addBytes(encoder.encode(text)));
  const briefs = {} as PublishedMarketplaceDemo["briefs"];
  const proposals = {} as PublishedMarketplaceDemo["proposals"];
  for (const job of DEMO_JOBS) {
    const brief = parseFormat(jobBriefSchema, job.brief, `demo brief "${job.key}"`);
    if (brief.milestones.length !== job.amountsAzr.length) {
      throw new Error(
        `demo job "${job.key}" has ${job.amountsAzr.length} amounts for ${brief.milestones.length} milestones`,
      );
    }
    briefs[job.key] = await add(JSON.stringify(brief, null, 2));
    proposals[job.key] = await Promise.all(job.applications.map(({ proposal }) => add(proposal)));
  }
  const documents = {} as PublishedMarketplaceDemo["documents"];
  for (const [key, text] of Object.entries(DOCUMENTS)) {
    documents[key as keyof typeof DOCUMENTS] = await add(text);
  }
  return { briefs, proposals, documents };
}

export interface SeededJob {
  key: DemoJob["key"];
  jobId: bigint;
  client: Address;
  provider?: Address;
  amounts: bigint[];
  /** Transaction that posted it. */
  hash: Hash;
}

/**
 * Seeds the four demo jobs on the deployment of `manifest`. The clients post by approval, except
 * "audio", which is posted with a permit in one transaction; the dispute is resolved by the local
 * arbiter (account #7), who must hold the escrow's ARBITER_ROLE.
 */
export async function seedMarketplace(
  manifest: Manifest,
  { publicClient, deployer }: SeedClients,
  published: PublishedMarketplaceDemo,
): Promise<Record<DemoJob["key"], SeededJob>> {
  const escrowContract = contractOf(manifest, "JobEscrow");
  const tokenContract = contractOf(manifest, "AzoraToken");
  const as = (index: number) => {
    const client = walletLike(deployer, localAccount(index));
    return {
      client,
      escrow: getContract({ ...escrowContract, client }),
      token: getContract({ ...tokenContract, client }),
    };
  };
  const asArbiter = getContract({ ...escrowContract, client: walletLike(deployer, localArbiter()) });
  const send = (hash: Promise<Hash>) => confirm(publicClient, hash);

  const seeded = {} as Record<DemoJob["key"], SeededJob>;
  for (const job of DEMO_JOBS) {
    const client = as(job.client);
    const amounts = job.amountsAzr.map((azr) => parseUnits(String(azr), 18));
    const total = amounts.reduce((a, b) => a + b, 0n);
    const { timestamp } = await publicClient.getBlock();
    const deadline = Number(timestamp) + job.daysToDeadline * DAY;
    const brief = published.briefs[job.key];
    let receipt;
    if (job.key === "audio") {
      const { v, r, s } = await signPermit(client.client, tokenContract.address, {
        owner: client.client.account.address,
        spender: escrowContract.address,
        value: total,
        nonce: await client.token.read.nonces([client.client.account.address]),
        deadline: BigInt(deadline),
      });
      receipt = await send(
        client.escrow.write.postJobWithPermit([brief, amounts, deadline, BigInt(deadline), v, r, s]),
      );
    } else {
      await send(client.token.write.approve([escrowContract.address, total]));
      receipt = await send(client.escrow.write.postJob([brief, amounts, deadline]));
    }
    const [posted] = parseEventLogs({ abi: escrowContract.abi, logs: receipt.logs, eventName: "JobPosted" });
    if (!posted) throw new Error(`posting the demo job "${job.key}" emitted no JobPosted`);
    const { jobId } = posted.args;
    for (const [i, { who }] of job.applications.entries()) {
      await send(as(who).escrow.write.applyForJob([jobId, published.proposals[job.key][i]!]));
    }
    seeded[job.key] = {
      key: job.key,
      jobId,
      client: client.client.account.address,
      amounts,
      hash: receipt.transactionHash,
    };
  }

  const { documents } = published;
  const assign = async (key: DemoJob["key"], provider: number) => {
    const { jobId } = seeded[key];
    const client = DEMO_JOBS.find((job) => job.key === key)!.client;
    await send(as(client).escrow.write.assign([jobId, localAccount(provider).address]));
    seeded[key].provider = localAccount(provider).address;
    return jobId;
  };

  // Completed, both rated.
  const translate = await assign("translate", LINDIWE);
  await send(as(LINDIWE).escrow.write.submitMilestone([translate, 0n, documents.translateLessons]));
  await send(as(AMARA).escrow.write.approveMilestone([translate, 0n]));
  await send(as(LINDIWE).escrow.write.submitMilestone([translate, 1n, documents.translateRest]));
  await send(as(AMARA).escrow.write.approveMilestone([translate, 1n]));
  await send(as(AMARA).escrow.write.rate([translate, 5, documents.ratingByAmara]));
  await send(as(LINDIWE).escrow.write.rate([translate, 5, documents.ratingByLindiwe]));

  // A dispute split 60/40 by the arbiter.
  const spreadsheet = await assign("spreadsheet", KOFI);
  await send(as(KOFI).escrow.write.submitMilestone([spreadsheet, 0n, documents.spreadsheetLayout]));
  await send(as(TENDAI).escrow.write.approveMilestone([spreadsheet, 0n]));
  await send(as(KOFI).escrow.write.submitMilestone([spreadsheet, 1n, documents.spreadsheetGuide]));
  await send(as(TENDAI).escrow.write.dispute([spreadsheet, 1n, documents.dispute]));
  await send(
    asArbiter.write.resolveDispute([spreadsheet, 1n, DEMO_DISPUTE_PROVIDER_BPS, documents.resolution]),
  );

  // In progress: the first milestone awaits review.
  const landing = await assign("landing-page", TENDAI);
  await send(as(TENDAI).escrow.write.submitMilestone([landing, 0n, documents.landingDesign]));

  return seeded;
}
