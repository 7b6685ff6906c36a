import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { getAddress } from "viem";
import { openEmbeddedStore } from "../../content/embedded";
import { jobBriefSchema } from "../../content/formats/job-brief";
import { parseJsonFormat } from "../../content/formats/common";
import { localAccount } from "../../protocol/chain";
import { JobStatus as Job, MilestoneStatus as Milestone } from "../../protocol/enums";
import {
  DEMO_DISPUTE_PROVIDER_BPS,
  DEMO_JOBS,
  publishMarketplaceDemo,
  seedMarketplace,
} from "../../scripts/seed/marketplace";
import { AZR, localDeployment, networkHelpers } from "../support/fixture";
import { withDemoAzr } from "../support/seed";

const { loadFixture } = networkHelpers;

/** The local deployment, seeded with the AZR part and the marketplace, its documents in a fresh store. */
async function seeded() {
  const base = await withDemoAzr(localDeployment);
  const dir = await mkdtemp(path.join(tmpdir(), "azora-seed-market-"));
  const store = await openEmbeddedStore(dir);
  const fundBefore = await base.token.read.balanceOf([base.fund.address]);
  const published = await publishMarketplaceDemo(store);
  const jobs = await seedMarketplace(base.manifest, base.clients, published);
  return { ...base, dir, store, published, jobs, fundBefore };
}

describe("demo seed: marketplace", () => {
  after(async () => {
    const { store, dir } = await loadFixture(seeded);
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("publishes every brief in the job-brief format, under the CID posted on chain", async () => {
    const { escrow, store, published, jobs, publicClient } = await loadFixture(seeded);
    for (const job of DEMO_JOBS) {
      const cid = published.briefs[job.key];
      const chunks: Uint8Array[] = [];
      for await (const chunk of store.cat(cid)) chunks.push(chunk);
      const brief = parseJsonFormat(jobBriefSchema, Buffer.concat(chunks), cid);
      expect(brief.title).to.equal(job.brief.title);
      const [posted] = await escrow.getEvents.JobPosted(
        { jobId: jobs[job.key].jobId },
        { fromBlock: 0n, toBlock: await publicClient.getBlockNumber() },
      );
      expect(posted?.args.briefCid).to.equal(cid);
    }
  });

  it("leaves an open job (posted with a permit) with two applicants", async () => {
    const { escrow, token, jobs } = await loadFixture(seeded);
    const job = await escrow.read.jobOf([jobs.audio.jobId]);
    expect(job.status).to.equal(Job.Open);
    for (const who of [2, 3]) {
      expect(await escrow.read.hasApplied([jobs.audio.jobId, localAccount(who).address])).to.equal(true);
    }
    // A permit leaves no allowance behind and used the client's nonce.
    expect(await token.read.allowance([jobs.audio.client, escrow.address])).to.equal(0n);
    expect(await token.read.nonces([jobs.audio.client])).to.equal(1n);
  });

  it("leaves a job in progress with its first milestone under review", async () => {
    const { escrow, jobs } = await loadFixture(seeded);
    const { jobId, provider } = jobs["landing-page"];
    const job = await escrow.read.jobOf([jobId]);
    expect([job.status, job.provider]).to.deep.equal([Job.Assigned, getAddress(provider!)]);
    expect((await escrow.read.milestoneOf([jobId, 0n])).status).to.equal(Milestone.Submitted);
    expect((await escrow.read.milestoneOf([jobId, 1n])).status).to.equal(Milestone.Pending);
  });

  it("leaves a completed job, rated both ways, with its provider paid 90%", async () => {
    const { escrow, token, jobs } = await loadFixture(seeded);
    const { jobId, provider, amounts } = jobs.translate;
    const job = await escrow.read.jobOf([jobId]);
    expect([job.status, job.clientRated, job.providerRated]).to.deep.equal([Job.Completed, true, true]);
    const total = amounts.reduce((a, b) => a + b, 0n);
    // Lindiwe (account 3) got 30,000 + 1,200 AZR from the AZR seed, then 90% of each milestone.
    const paid = amounts.reduce((sum, amount) => sum + amount - amount / 10n, 0n);
    expect(await token.read.balanceOf([provider!])).to.equal(AZR(31_200) + paid);
    expect(paid).to.equal((total * 9n) / 10n);
  });

  it("leaves a dispute resolved 60/40, and the escrow holding only the unsettled milestones", async () => {
    const { escrow, token, fund, jobs, fundBefore } = await loadFixture(seeded);
    const { jobId, amounts } = jobs.spreadsheet;
    expect((await escrow.read.jobOf([jobId])).status).to.equal(Job.Completed);
    expect((await escrow.read.milestoneOf([jobId, 1n])).status).to.equal(Milestone.Resolved);
    const providerPart = (amounts[1]! * BigInt(DEMO_DISPUTE_PROVIDER_BPS)) / 10_000n;
    // The CitadelFund got 10% of every release and of the provider's part of the dispute.
    const citadel =
      jobs.translate.amounts.reduce((sum, a) => sum + a / 10n, 0n) + amounts[0]! / 10n + providerPart / 10n;
    expect((await token.read.balanceOf([fund.address])) - fundBefore).to.equal(citadel);
    const unsettled = [...jobs["landing-page"].amounts, ...jobs.audio.amounts].reduce((a, b) => a + b, 0n);
    expect(await token.read.balanceOf([escrow.address])).to.equal(unsettled);
  });
});
