import { expect } from "chai";
import { getAddress } from "viem";
import { parseProposalDescription } from "../../protocol/proposals";
import { proposalSchema } from "../../content/formats/proposal";
import type { Proposal as ProposalText } from "../../content/formats/proposal";
import { VoteType, ProposalState } from "../../protocol/enums";
import { handOverToGovernance, powersOf } from "../../scripts/deploy/governance";
import { localAccount, localRelayer } from "../../protocol/chain";
import {
  DEMO_DONATION_AZR,
  DEMO_GRANT_AZR,
  DEMO_GRANTEE,
  DEMO_PROPOSAL_TEXTS,
  seedGovernance,
} from "../../scripts/seed/governance";
import { AZR, deployed, networkHelpers, viem } from "../support/fixture";
import { courseCids, rawCid, withDemoAzr } from "../support/seed";

const { loadFixture } = networkHelpers;

/** The whole local seed, in `deployLocal`'s order: deploy, seed AZR and courses, hand over, seed governance. */
async function seededGovernance() {
  const base = await withDemoAzr(deployed, await courseCids());
  const { manifest, publicClient, deployer, config, clients } = base;
  const fundBefore = await base.token.read.balanceOf([base.fund.address]);
  await handOverToGovernance(manifest, { publicClient, walletClient: deployer }, config.governance);
  const published = new Map<string, ProposalText>();
  const publish = async (text: ProposalText) => {
    const cid = await rawCid(new TextEncoder().encode(JSON.stringify(proposalSchema.parse(text))));
    published.set(cid, text);
    return cid;
  };
  const granteeBefore = await base.token.read.balanceOf([localAccount(DEMO_GRANTEE.index).address]);
  const seeded = await seedGovernance(manifest, clients, publish);
  const governor = await viem.getContractAt("AzoraGovernor", manifest.contracts.AzoraGovernor!.address);
  return { ...base, governor, seeded, published, fundBefore, granteeBefore };
}

describe("demo seed: governance", () => {
  it("leaves one executed, one defeated and one open proposal", async () => {
    const { governor, seeded } = await loadFixture(seededGovernance);
    expect(await governor.read.state([seeded.executed.id])).to.equal(ProposalState.Executed);
    expect(await governor.read.state([seeded.defeated.id])).to.equal(ProposalState.Defeated);
    expect(await governor.read.state([seeded.open.id])).to.equal(ProposalState.Active);
  });

  it("paid the grant from the CitadelFund through the Timelock", async () => {
    const { token, fund, seeded, fundBefore, granteeBefore, publicClient, manifest } =
      await loadFixture(seededGovernance);
    const grantee = localAccount(DEMO_GRANTEE.index).address;
    expect((await token.read.balanceOf([grantee])) - granteeBefore).to.equal(AZR(DEMO_GRANT_AZR));
    expect(await token.read.balanceOf([fund.address])).to.equal(
      fundBefore + AZR(DEMO_DONATION_AZR) - AZR(DEMO_GRANT_AZR),
    );
    const released = await fund.getEvents.Released({}, { fromBlock: 0n });
    expect(released.map((e) => [e.args.to, e.args.amount])).to.deep.equal([[grantee, AZR(DEMO_GRANT_AZR)]]);
    const receipt = await publicClient.getTransactionReceipt({ hash: released[0]!.transactionHash });
    expect(receipt.from).to.equal(localRelayer().address.toLowerCase());
    expect(receipt.to).to.equal(manifest.contracts.AzoraGovernor!.address.toLowerCase());
    expect(seeded.executed.targets).to.deep.equal([fund.address]);
  });

  it("describes each proposal by its title and the CID of its published text", async () => {
    const { seeded, published, governor } = await loadFixture(seededGovernance);
    const created = await governor.getEvents.ProposalCreated({ fromBlock: 0n });
    expect(created.map((e) => e.args.proposalId)).to.deep.equal([
      seeded.executed.id,
      seeded.defeated.id,
      seeded.open.id,
    ]);
    for (const [event, text] of [
      [created[0]!, DEMO_PROPOSAL_TEXTS.grant],
      [created[1]!, DEMO_PROPOSAL_TEXTS.budget],
      [created[2]!, DEMO_PROPOSAL_TEXTS.reward],
    ] as const) {
      const description = parseProposalDescription(event.args.description!);
      expect(description?.title).to.equal(text.title);
      expect(published.get(description!.cid)).to.deep.equal(text);
    }
  });

  it("has Amara and Tendai vote (Tendai by signature, relayed), and the open proposal still waits for Amara", async () => {
    const { governor, seeded, publicClient } = await loadFixture(seededGovernance);
    const amara = getAddress(localAccount(1).address);
    const tendai = getAddress(localAccount(4).address);
    const votes = await governor.getEvents.VoteCast({}, { fromBlock: 0n });
    expect(votes.map((e) => [e.args.voter, e.args.proposalId, e.args.support])).to.deep.equal([
      [amara, seeded.executed.id, VoteType.For],
      [amara, seeded.defeated.id, VoteType.Against],
      [tendai, seeded.executed.id, VoteType.For],
      [tendai, seeded.defeated.id, VoteType.For],
      [tendai, seeded.open.id, VoteType.For],
    ]);
    for (const vote of votes.filter((e) => e.args.voter === tendai)) {
      const tx = await publicClient.getTransaction({ hash: vote.transactionHash });
      expect(tx.from).to.equal(localRelayer().address.toLowerCase());
    }
    expect(await governor.read.hasVoted([seeded.open.id, amara])).to.equal(false);
    const [againstVotes, forVotes] = await governor.read.proposalVotes([seeded.defeated.id]);
    expect(againstVotes > forVotes).to.equal(true);
  });

  it("leaves the deployer with no role, and delegated voting power across several accounts", async () => {
    const { manifest, publicClient, deployer, token } = await loadFixture(seededGovernance);
    expect(await powersOf(manifest, { publicClient }, deployer.account.address)).to.deep.equal([]);
    const amara = localAccount(1).address;
    expect(await token.read.delegates([localAccount(2).address])).to.equal(amara);
    expect((await token.read.getVotes([amara])) > (await token.read.balanceOf([amara]))).to.equal(true);
    expect((await token.read.getVotes([localAccount(4).address])) > 0n).to.equal(true);
  });
});
