import { getContract, parseEventLogs, parseUnits } from "viem";
import type { Address, Hash } from "viem";
import type { ContentStore } from "../../content/store";
import { localAccount, localArbiter } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import type { Manifest } from "../../protocol/manifest";
import { signPermit } from "../../protocol/eip712";
import { DEMO_DISPUTE_PROVIDER_BPS, DEMO_JOBS, demoIndex } from "./data";
import type { DemoJobKey, DemoJobStep } from "./data";
import { confirm, walletLike } from "./learning";
import type { SeedClients } from "./learning";

/**
 * The marketplace part of the demo (data/jobs.json): four jobs between the demo people (local
 * accounts 1–4), each in another stage, with every brief, proposal, deliverable, statement and
 * comment a real document on the content store.
 *
 * - "translate": Amara hires Lindiwe; both milestones approved, both rate each other. Completed.
 * - "spreadsheet": Tendai hires Kofi; milestone 1 approved, milestone 2 disputed by Tendai and
 *   split 60/40 by the arbiter (local account #7). Completed, with a resolved dispute.
 * - "landing-page": Kofi hires Tendai; milestone 1 submitted and under review. In progress.
 * - "audio": Amara posts with a permit (one transaction); Kofi and Lindiwe applied. Open.
 */

const DAY = 24 * 60 * 60;

// The demo jobs live in data/jobs.json (checked by ./data).
export { DEMO_DISPUTE_PROVIDER_BPS, DEMO_JOBS };

/** The document a step publishes (a deliverable, a dispute or ruling statement, a rating's comment). */
function documentOf(step: DemoJobStep): string | undefined {
  switch (step.step) {
    case "submit":
      return step.deliverable;
    case "dispute":
    case "resolve":
      return step.statement;
    case "rate":
      return step.comment;
    case "approve":
      return undefined;
  }
}

export interface PublishedMarketplaceDemo {
  briefs: Record<DemoJobKey, string>;
  proposals: Record<DemoJobKey, string[]>;
  /** The CID of each progress step's document, by step (undefined for a step without one). */
  documents: Record<DemoJobKey, (string | undefined)[]>;
}

/**
 * Adds every demo brief (in the job-brief format), proposal and document to `store` and returns
 * their CIDs, for `seedMarketplace`.
 */
export async function publishMarketplaceDemo(store: ContentStore): Promise<PublishedMarketplaceDemo> {
  const encoder = new TextEncoder();
  const add = async (text: string) => String(await store.addBytes(encoder.encode(text)));
  const briefs = {} as PublishedMarketplaceDemo["briefs"];
  const proposals = {} as PublishedMarketplaceDemo["proposals"];
  const documents = {} as PublishedMarketplaceDemo["documents"];
  for (const job of DEMO_JOBS) {
    briefs[job.key] = await add(JSON.stringify(job.brief, null, 2));
    proposals[job.key] = await Promise.all(job.applications.map(({ proposal }) => add(proposal)));
    documents[job.key] = await Promise.all(
      job.progress.map((step) => {
        const document = documentOf(step);
        return document === undefined ? undefined : add(document);
      }),
    );
  }
  return { briefs, proposals, documents };
}

export interface SeededJob {
  key: DemoJobKey;
  jobId: bigint;
  client: Address;
  provider?: Address;
  amounts: bigint[];
  /** Transaction that posted it. */
  hash: Hash;
}

/**
 * Seeds the demo jobs of data/jobs.json on the deployment of `manifest`: each client posts its job
 * (after an approval, or with a permit in one transaction) and the applicants apply; then each job
 * with a provider is assigned and makes its progress, step by step: the provider submits, the
 * client approves or disputes, the local arbiter (account #7, who must hold the escrow's
 * ARBITER_ROLE) resolves, either side rates.
 */
export async function seedMarketplace(
  manifest: Manifest,
  { publicClient, deployer }: SeedClients,
  published: PublishedMarketplaceDemo,
): Promise<Record<DemoJobKey, SeededJob>> {
  const escrowContract = contractOf(manifest, "JobEscrow");
  const tokenContract = contractOf(manifest, "AzoraToken");
  const as = (name: string) => {
    const client = walletLike(deployer, localAccount(demoIndex(name)));
    return {
      client,
      escrow: getContract({ ...escrowContract, client }),
      token: getContract({ ...tokenContract, client }),
    };
  };
  const asArbiter = getContract({ ...escrowContract, client: walletLike(deployer, localArbiter()) });
  const send = (hash: Promise<Hash>) => confirm(publicClient, hash);

  const seeded = {} as Record<DemoJobKey, SeededJob>;
  for (const job of DEMO_JOBS) {
    const client = as(job.client);
    const amounts = job.amountsAzr.map((azr) => parseUnits(String(azr), 18));
    const total = amounts.reduce((a, b) => a + b, 0n);
    const { timestamp } = await publicClient.getBlock();
    const deadline = Number(timestamp) + job.daysToDeadline * DAY;
    const brief = published.briefs[job.key];
    let receipt;
    if (job.postedWith === "permit") {
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
    for (const [i, { applicant }] of job.applications.entries()) {
      await send(as(applicant).escrow.write.applyForJob([jobId, published.proposals[job.key][i]!]));
    }
    seeded[job.key] = {
      key: job.key,
      jobId,
      client: client.client.account.address,
      amounts,
      hash: receipt.transactionHash,
    };
  }

  for (const job of DEMO_JOBS) {
    if (job.provider === undefined) continue;
    const { jobId } = seeded[job.key];
    const client = as(job.client);
    const provider = as(job.provider);
    await send(client.escrow.write.assign([jobId, provider.client.account.address]));
    seeded[job.key].provider = provider.client.account.address;
    for (const [i, step] of job.progress.entries()) {
      const document = () => {
        const cid = published.documents[job.key][i];
        if (cid === undefined) throw new Error(`the document of "${job.key}" step ${i} was not published`);
        return cid;
      };
      switch (step.step) {
        case "submit":
          await send(provider.escrow.write.submitMilestone([jobId, BigInt(step.milestone), document()]));
          break;
        case "approve":
          await send(client.escrow.write.approveMilestone([jobId, BigInt(step.milestone)]));
          break;
        case "dispute":
          await send(client.escrow.write.dispute([jobId, BigInt(step.milestone), document()]));
          break;
        case "resolve":
          await send(
            asArbiter.write.resolveDispute([jobId, BigInt(step.milestone), step.providerBps, document()]),
          );
          break;
        case "rate":
          await send(
            (step.by === "client" ? client : provider).escrow.write.rate([jobId, step.score, document()]),
          );
          break;
      }
    }
  }
  return seeded;
}
