import { expect } from "chai";
import { getAddress, getContract, parseEventLogs, parseUnits } from "viem";
import type { Hash } from "viem";
import {
  formatProposalDescription,
  parseProposalDescription,
  operationArgs,
  proposalOf,
  proposalStateName,
  proposeArgs,
} from "../../protocol/proposals";
import { chainAt, clientsFor } from "../../scripts/deploy/clients";
import { localAccount } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import { ProposalState } from "../../protocol/enums";
import { advanceTimePast } from "../../scripts/seed/governance";
import { describeOnEveryDatabase, eventually, graphql, useIndexedChain } from "../support/stack";

interface IndexedProposal {
  id: string;
  proposer: string;
  title: string | null;
  descriptionCid: string | null;
  description: string;
  voteStart: string;
  voteEnd: string;
  status: string;
  forVotes: string;
  againstVotes: string;
  abstainVotes: string;
  voterCount: number;
  votes: { items: { voter: string; support: string; weight: string; relayed: boolean }[] };
}

const PROPOSALS_QUERY = `
  {
    proposals(orderBy: "createdAt", limit: 100) {
      items {
        id proposer title descriptionCid description voteStart voteEnd status
        forVotes againstVotes abstainVotes voterCount
        votes { items { voter support weight relayed } }
      }
    }
  }
`;

/** The indexer's event-driven status for a Governor state. */
function statusFor(state: number): string {
  if (state === ProposalState.Executed) return "executed";
  if (state === ProposalState.Queued) return "queued";
  if (state === ProposalState.Canceled) return "canceled";
  return "created";
}

describeOnEveryDatabase("indexer › AzoraGovernor", (database) => {
  const stack = useIndexedChain({ database });

  const governorRead = () =>
    getContract({ ...contractOf(stack.manifest, "AzoraGovernor"), client: stack.publicClient });

  /** Every indexed proposal and vote equals the Governor's views and its VoteCast events. */
  async function expectProposalsMatchChain(label: string) {
    const governor = governorRead();
    const { proposals } = await graphql<{ proposals: { items: IndexedProposal[] } }>(
      stack.indexer.url,
      PROPOSALS_QUERY,
    );
    const toBlock = await stack.publicClient.getBlockNumber();
    const [created, cast] = await Promise.all([
      governor.getEvents.ProposalCreated({ fromBlock: 0n, toBlock }),
      governor.getEvents.VoteCast({}, { fromBlock: 0n, toBlock }),
    ]);
    expect(proposals.items.length, `${label}: proposals`).to.equal(created.length);
    for (const row of proposals.items) {
      const id = BigInt(row.id);
      const where = `${label}: proposal ${row.title ?? id}`;
      const [against, forVotes, abstain] = await governor.read.proposalVotes([id]);
      expect([row.againstVotes, row.forVotes, row.abstainVotes].map(BigInt), where).to.deep.equal([
        against,
        forVotes,
        abstain,
      ]);
      expect(BigInt(row.voteStart), where).to.equal(await governor.read.proposalSnapshot([id]));
      expect(BigInt(row.voteEnd), where).to.equal(await governor.read.proposalDeadline([id]));
      expect(getAddress(row.proposer), where).to.equal(await governor.read.proposalProposer([id]));
      expect(row.status, where).to.equal(statusFor(await governor.read.state([id])));
      const parsed = parseProposalDescription(row.description);
      expect([row.title, row.descriptionCid], where).to.deep.equal([
        parsed?.title ?? null,
        parsed?.cid ?? null,
      ]);
      const events = cast.filter((e) => e.args.proposalId === id);
      expect(row.voterCount, where).to.equal(events.length);
      for (const v of row.votes.items) {
        const event = events.find((e) => getAddress(e.args.voter!) === getAddress(v.voter));
        expect(event, `${where}: vote of ${v.voter}`).to.not.equal(undefined);
        expect(BigInt(v.weight), `${where}: weight of ${v.voter}`).to.equal(event!.args.weight);
        expect(await governor.read.hasVoted([id, v.voter as `0x${string}`]), where).to.equal(true);
      }
    }
  }

  it("indexes the seeded proposals: titles and CIDs parsed, tallies and deadlines equal the Governor's", async function () {
    await eventually(() => expectProposalsMatchChain("after seed"));
    const { proposals } = await graphql<{ proposals: { items: IndexedProposal[] } }>(
      stack.indexer.url,
      PROPOSALS_QUERY,
    );
    expect(
      proposals.items.every((p) => p.title !== null && p.descriptionCid?.startsWith("bafkrei")),
    ).to.equal(true);
    // Tendai's votes came by signature, submitted by the relayer.
    const relayed = proposals.items.flatMap((p) => p.votes.items.filter((v) => v.relayed));
    expect(relayed.length).to.be.greaterThan(0);
    expect(relayed.every((v) => getAddress(v.voter) === localAccount(4).address)).to.equal(true);
  });

  it("answers GET /proposals/:id with the Governor's state, the votes and the releases it paid", async function () {
    const governor = governorRead();
    const { proposals } = await graphql<{ proposals: { items: IndexedProposal[] } }>(
      stack.indexer.url,
      PROPOSALS_QUERY,
    );
    for (const row of proposals.items) {
      const response = await fetch(`${stack.indexer.url}/proposals/${row.id}`);
      expect(response.status).to.equal(200);
      const body = (await response.json()) as {
        state: string;
        votes: unknown[];
        releases: { amount: string }[];
      };
      expect(body.state).to.equal(proposalStateName(await governor.read.state([BigInt(row.id)])));
      expect(body.votes).to.have.length(row.voterCount);
      if (row.status === "executed") expect(body.releases.length).to.be.greaterThan(0);
      else expect(body.releases).to.have.length(0);
    }
    expect((await fetch(`${stack.indexer.url}/proposals/abc`)).status).to.equal(400);
    expect((await fetch(`${stack.indexer.url}/proposals/12345`)).status).to.equal(404);
  });

  it("follows a live lifecycle: propose, vote, queue, execute a CitadelFund grant; and a cancellation", async function () {
    const chain = await chainAt(stack.chain.rpcUrl);
    const governorAt = contractOf(stack.manifest, "AzoraGovernor");
    const fundAt = contractOf(stack.manifest, "CitadelFund");
    const tokenAt = contractOf(stack.manifest, "AzoraToken");
    const amara = getContract({ ...governorAt, client: clientsFor(chain, localAccount(1)).walletClient });
    const send = async (hash: Promise<Hash>) => {
      const receipt = await stack.publicClient.waitForTransactionReceipt({ hash: await hash });
      expect(receipt.status).to.equal("success");
      return receipt;
    };
    const grantee = localAccount(6).address;
    const amount = parseUnits("3", 18);
    const cid = "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am";
    const grant = proposalOf(
      [
        {
          ...fundAt,
          target: fundAt.address,
          functionName: "release",
          args: [tokenAt.address, grantee, amount],
        },
      ],
      formatProposalDescription({ title: "A small test grant", cid }),
    );
    await send(amara.write.propose(proposeArgs(grant)));
    const read = governorRead().read;
    await advanceTimePast(stack.publicClient, await read.proposalSnapshot([grant.id]));
    await send(amara.write.castVoteWithReason([grant.id, 1, "for the test"]));
    await advanceTimePast(stack.publicClient, await read.proposalDeadline([grant.id]));
    await send(amara.write.queue(operationArgs(grant)));
    await advanceTimePast(stack.publicClient, (await read.proposalEta([grant.id])) - 1n);
    const executed = await send(amara.write.execute(operationArgs(grant)));
    const [released] = parseEventLogs({ abi: fundAt.abi, logs: executed.logs, eventName: "Released" });
    expect(released?.args.amount).to.equal(amount);

    // Proposed and cancelled by its proposer while still pending.
    const cancelled = proposalOf(
      [
        {
          ...fundAt,
          target: fundAt.address,
          functionName: "release",
          args: [tokenAt.address, grantee, 1n],
        },
      ],
      formatProposalDescription({ title: "Withdrawn at once", cid }),
    );
    await send(amara.write.propose(proposeArgs(cancelled)));
    await send(amara.write.cancel(operationArgs(cancelled)));

    await eventually(() => expectProposalsMatchChain("after the live lifecycle"));
    const { citadelFlows, proposal } = await graphql<{
      citadelFlows: { items: { proposalId: string | null; amount: string; counterparty: string }[] };
      proposal: { status: string };
    }>(
      stack.indexer.url,
      `
        query ($id: BigInt!) {
          citadelFlows(where: { direction: out }) {
            items {
              proposalId
              amount
              counterparty
            }
          }
          proposal(id: $id) {
            status
          }
        }
      `,
      { id: cancelled.id.toString() },
    );
    expect(proposal.status).to.equal("canceled");
    const ours = citadelFlows.items.find((f) => f.proposalId === grant.id.toString());
    expect(ours && [BigInt(ours.amount), getAddress(ours.counterparty)]).to.deep.equal([amount, grantee]);
    expect(
      citadelFlows.items.every((f) => f.proposalId !== null),
      "every release names its proposal",
    ).to.equal(true);
  });

  it("records who holds every role, as hasRole and owner() answer: after the handover the Timelock, never the deployer", async function () {
    const { roleMembers, timelockOperations } = await eventually(() =>
      graphql<{
        roleMembers: {
          items: {
            contractName: string;
            role: string;
            roleName: string | null;
            account: string;
            active: boolean;
          }[];
        };
        timelockOperations: { items: { id: `0x${string}`; status: string; targets: string[] }[] };
      }>(
        stack.indexer.url,
        `
          {
            roleMembers(limit: 1000) {
              items {
                contractName
                role
                roleName
                account
                active
              }
            }
            timelockOperations(limit: 1000) {
              items {
                id
                status
                targets
              }
            }
          }
        `,
      ),
    );
    const timelock = getAddress(contractOf(stack.manifest, "AzoraTimelock").address);
    const deployer = localAccount(0).address;
    expect(roleMembers.items.length).to.be.greaterThan(10);
    for (const row of roleMembers.items) {
      const where = `${row.contractName} ${row.roleName ?? row.role} of ${row.account}`;
      const at = contractOf(stack.manifest, row.contractName as "AzoraToken");
      const holds =
        row.role === "owner"
          ? getAddress(
              await stack.publicClient.readContract({
                ...contractOf(stack.manifest, "CitadelFund"),
                functionName: "owner",
              }),
            ) === getAddress(row.account)
          : await stack.publicClient.readContract({
              ...at,
              functionName: "hasRole",
              args: [row.role as `0x${string}`, row.account as `0x${string}`],
            });
      expect(row.active, where).to.equal(holds);
      expect(row.roleName, where).to.not.equal(null);
    }
    const active = roleMembers.items.filter((r) => r.active);
    expect(
      active.filter((r) => getAddress(r.account) === deployer),
      "the deployer holds nothing",
    ).to.deep.equal([]);
    for (const contractName of [
      "AzoraToken",
      "AzoraCredential",
      "ProofOfKnowledge",
      "JobEscrow",
      "AzoraTimelock",
    ]) {
      expect(
        active.some(
          (r) =>
            r.contractName === contractName &&
            r.roleName === "DEFAULT_ADMIN_ROLE" &&
            getAddress(r.account) === timelock,
        ),
        `the Timelock administers ${contractName}`,
      ).to.equal(true);
    }
    expect(active.some((r) => r.roleName === "owner" && getAddress(r.account) === timelock)).to.equal(true);

    // Timelock operations: the handover's and every executed proposal's, as the Timelock sees them.
    const timelockRead = getContract({
      ...contractOf(stack.manifest, "AzoraTimelock"),
      client: stack.publicClient,
    });
    expect(timelockOperations.items.length).to.be.greaterThan(1);
    for (const op of timelockOperations.items) {
      const done = await timelockRead.read.isOperationDone([op.id]);
      const pending = await timelockRead.read.isOperationPending([op.id]);
      expect(op.status, `operation ${op.id}`).to.equal(
        done ? "executed" : pending ? "scheduled" : "cancelled",
      );
    }
  });

  it("counts votes and distinct voters per day, as the VoteCast events give them", async function () {
    const governor = governorRead();
    const toBlock = await stack.publicClient.getBlockNumber();
    const cast = await governor.getEvents.VoteCast({}, { fromBlock: 0n, toBlock });
    const voterDays = new Set<string>();
    for (const event of cast) {
      const { timestamp } = await stack.publicClient.getBlock({ blockNumber: event.blockNumber });
      voterDays.add(`${timestamp / 86_400n}-${getAddress(event.args.voter!)}`);
    }
    await eventually(async () => {
      const { dailyStats } = await graphql<{
        dailyStats: { items: { votesCast: number; activeVoters: number }[] };
      }>(
        stack.indexer.url,
        `
          {
            dailyStats(limit: 1000) {
              items {
                votesCast
                activeVoters
              }
            }
          }
        `,
      );
      expect(dailyStats.items.reduce((n, d) => n + d.votesCast, 0)).to.equal(cast.length);
      expect(dailyStats.items.reduce((n, d) => n + d.activeVoters, 0)).to.equal(voterDays.size);
    });
  });
});
