import { expect } from "chai";
import { getAddress, getContract, parseUnits } from "viem";
import { clientsFor, chainAt } from "../../scripts/deploy/clients";
import { localAccount } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import { HISTORY_LIMIT, accountActivityParts } from "../../app/_lib/indexer";
import { compose } from "../../app/_lib/indexer-query";
import { rng, seedFromEnv } from "../support/random";
import {
  describeOnEveryDatabase,
  eventually,
  expectAccountsMatchChain,
  graphql,
  itemsWhere,
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
    const transfers = await eventually(async () => {
      const items = await itemsWhere(
        stack.indexer.url,
        "transfers",
        ["transactionHash", hash],
        ["from", "to", "amount", "transactionHash"],
      );
      expect(items).to.have.length(1);
      return items;
    });
    const [row] = transfers;
    expect(getAddress(row!.from)).to.equal(getAddress(from.address));
    expect(getAddress(row!.to)).to.equal(getAddress(to.address));
    expect(BigInt(row!.amount)).to.equal(amount);
  });

  it("records delegation changes from the DelegateChanged events", async function () {
    const delegationChanges = await itemsWhere(
      stack.indexer.url,
      "delegationChanges",
      ["delegator", localAccount(2).address.toLowerCase()],
      ["delegator", "toDelegate"],
    );
    // The seed makes Kofi (account 2) delegate to Amara (account 1).
    expect(delegationChanges.map((d) => getAddress(d.toDelegate))).to.include(
      getAddress(localAccount(1).address),
    );
  });

  it("gives the account page the same latest transfers as one OR query, from two index ranges", async function () {
    for (const who of [people[0]!, people[3]!]) {
      const { query, variables, parse } = compose(accountActivityParts(who.address));
      const page = parse(await graphql<Record<string, unknown>>(stack.indexer.url, query, variables));
      const { transfers } = await graphql<{
        transfers: { items: { id: string }[]; pageInfo: { hasNextPage: boolean } };
      }>(
        stack.indexer.url,
        `
          query ($a: String!, $n: Int!) {
            transfers(
              where: { OR: [{ from: $a }, { to: $a }] }
              orderBy: "timestamp"
              orderDirection: "desc"
              limit: $n
            ) {
              items {
                id
              }
              pageInfo {
                hasNextPage
              }
            }
          }
        `,
        { a: who.address.toLowerCase(), n: HISTORY_LIMIT },
      );
      expect(transfers.items.length, "the scenario made enough transfers").to.be.greaterThan(0);
      expect(page.transfers.items.map((t) => t.id)).to.deep.equal(transfers.items.map((t) => t.id));
      expect(page.transfers.hasNextPage).to.equal(transfers.pageInfo.hasNextPage);
    }
  });

  it("answers a repeat with 304 while the indexed block stays, and after a new block with 200", async function () {
    const body = JSON.stringify({ query: "{ accounts(limit: 5) { items { address balance } } }" });
    const post = (headers: Record<string, string> = {}) =>
      fetch(`${stack.indexer.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
      });
    const first = await post();
    const etag = first.headers.get("etag")!;
    expect(etag).to.match(/^W\/"[0-9]+-[A-Za-z0-9_-]+"$/);
    expect(first.headers.get("cache-control")).to.equal("public, max-age=0, must-revalidate");
    expect(etag).to.include(`"${first.headers.get("x-indexed-block")}-`);
    const again = await post({ "if-none-match": etag });
    expect(again.status).to.equal(304);
    // The same query by GET answers the same rows.
    const get = await fetch(
      `${stack.indexer.url}/graphql?query=${encodeURIComponent(JSON.parse(body).query)}`,
    );
    expect(await get.json()).to.deep.equal(await first.json());
    // A new block moves the ETag: the stale one gets the full answer.
    await runScenario(1);
    await eventually(async () => {
      const later = await post({ "if-none-match": etag });
      expect(later.status).to.equal(200);
      expect(later.headers.get("etag")).to.not.equal(etag);
    });
  });

  it("refuses a query that may read too many rows, before it runs, with the reason", async function () {
    const response = await fetch(`${stack.indexer.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: "query ($n: Int) { accounts(limit: $n) { items { sent(limit: 100) { items { id } } } } }",
        variables: { n: 1000 },
      }),
    });
    expect(response.status).to.equal(400);
    expect(await response.json()).to.deep.equal({
      errors: [
        {
          message:
            "Query too large: it may read 101,000 rows (the most through accounts 1000 × sent 100), and the " +
            'limit is 10,000 rows per query. Ask for fewer rows with "limit" (nested lists multiply), and page with "after".',
          extensions: { code: "QUERY_REFUSED" },
        },
      ],
    });
    // Within the limit the same shape answers.
    const small = await graphql<{ accounts: { items: unknown[] } }>(
      stack.indexer.url,
      "{ accounts(limit: 10) { items { sent(limit: 10) { items { id } } } } }",
    );
    expect(small.accounts.items.length).to.be.greaterThan(0);
  });

  it("refuses a query nested deeper than the depth limit", async function () {
    // accounts › items, then sent › items › sender four times: 15 levels, one row each.
    const levels = 4;
    const query = `{ accounts(limit: 1) { items { ${"sent(limit: 1) { items { sender { ".repeat(levels)}address${" } } }".repeat(levels)} } } }`;
    const response = await fetch(`${stack.indexer.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: { message: string }[] };
    expect(body.errors?.[0]?.message).to.match(/depth limit of 12 exceeded/i);
  });
});
