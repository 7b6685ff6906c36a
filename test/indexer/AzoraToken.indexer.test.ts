import { expect } from "chai";
import { getAddress, getContract, parseUnits } from "viem";
import { clientsFor, chainAt } from "../../scripts/deploy/clients";
import { localAccount } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import { rng, seedFromEnv } from "../support/random";
import {
  describeOnEveryDatabase,
  eventually,
  expectAccountsMatchChain,
  graphql,
  useIndexedChain,
} from "../support/stack";

describeOnEveryDatabase("indexer › AzoraToken", (database) => {
  const stack = useIndexedChain({ database });
  const people = [1, 2, 3, 4, 5, 6].map((i) => localAccount(i));

  async function runScenario(steps: number) {
    const chain = await chainAt(stack.chain.rpcUrl);
    const { abi, address } = contractOf(stack.manifest, "AzoraToken");
    const r = rng(seedFromEnv());
    for (let step = 0; step < steps; step++) {
      const actor = r.pick(people);
      const other = r.pick(people);
      const token = getContract({ abi, address, client: clientsFor(chain, actor).walletClient });
      const balance = await token.read.balanceOf([actor.address]);
      const hash =
        r.int(3) === 0
          ? await token.write.delegate([other.address])
          : await token.write.transfer([other.address, (balance * BigInt(r.int(60))) / 100n]);
      await stack.publicClient.waitForTransactionReceipt({ hash });
    }
    return r.seed;
  }

  const expectIndexEqualsChain = (label: string) =>
    eventually(() => expectAccountsMatchChain(stack.indexer.url, stack.manifest, stack.publicClient, label));

  it("indexes the seeded history: every account's balance, votes and delegate equal the chain's", async function () {
    await expectIndexEqualsChain("after seed");
  });

  it("follows live transfers and delegations and stays equal to balanceOf / getVotes", async function () {
    const seed = await runScenario(40);
    await expectIndexEqualsChain(`after a random scenario (SEED=${seed})`);
  });

  it("records each transfer with its amount, parties and transaction", async function () {
    const chain = await chainAt(stack.chain.rpcUrl);
    const { abi, address } = contractOf(stack.manifest, "AzoraToken");
    const [from, to] = [people[0]!, people[5]!];
    const token = getContract({ abi, address, client: clientsFor(chain, from).walletClient });
    const amount = parseUnits("1.5", 18);
    const hash = await token.write.transfer([to.address, amount]);
    await stack.publicClient.waitForTransactionReceipt({ hash });
    const { transfers } = await eventually(async () => {
      const data = await graphql<{
        transfers: { items: { from: string; to: string; amount: string; transactionHash: string }[] };
      }>(
        stack.indexer.url,
        `
          query ($tx: String!) {
            transfers(where: { transactionHash: $tx }) {
              items {
                from
                to
                amount
                transactionHash
              }
            }
          }
        `,
        { tx: hash },
      );
      expect(data.transfers.items).to.have.length(1);
      return data;
    });
    const [row] = transfers.items;
    expect(getAddress(row!.from)).to.equal(getAddress(from.address));
    expect(getAddress(row!.to)).to.equal(getAddress(to.address));
    expect(BigInt(row!.amount)).to.equal(amount);
  });

  it("records delegation changes from the DelegateChanged events", async function () {
    const { delegationChanges } = await graphql<{
      delegationChanges: { items: { delegator: string; toDelegate: string }[] };
    }>(
      stack.indexer.url,
      `
        query ($who: String!) {
          delegationChanges(where: { delegator: $who }) {
            items {
              delegator
              toDelegate
            }
          }
        }
      `,
      { who: localAccount(2).address.toLowerCase() },
    );
    // The seed makes Kofi (account 2) delegate to Amara (account 1).
    expect(delegationChanges.items.map((d) => getAddress(d.toDelegate))).to.include(
      getAddress(localAccount(1).address),
    );
  });
});
