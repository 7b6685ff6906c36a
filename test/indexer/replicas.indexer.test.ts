import { expect } from "chai";
import { createPublicClient, getContract, http, parseUnits } from "viem";
import type { Address } from "viem";
import { chainAt, clientsFor } from "../../scripts/deploy/clients";
import { localAccount } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import { Roles } from "../../protocol/roles";
import { freePort, stopAllServices } from "../../scripts/stack/processes";
import { deployLocal, startApiReplica, startChain, startIndexer } from "../../scripts/stack/stack";
import { eventually } from "../support/stack";

// The replicated layout of `npm run indexer:replicas`: one `ponder start` indexing into PostgreSQL
// and two `ponder serve` API replicas on the same schema. Needs PostgreSQL (DATABASE_URL, as
// `.ci/run` sets it); without it there is nothing to replicate and the suite is skipped.
const databaseUrl = process.env.DATABASE_URL;

/** What a replica answers to one GraphQL query and one REST route, and at which indexed block. */
async function snapshot(url: string, holder: Address) {
  const query = `query ($a: String!) {
    account(address: $a) { balance transferCount }
    transfers(where: { to: $a }, orderBy: "timestamp", orderDirection: "desc", limit: 5) { items { id amount } }
  }`;
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables: { a: holder.toLowerCase() } }),
  });
  const citadel = await fetch(`${url}/citadel`);
  return {
    block: response.headers.get("x-indexed-block"),
    citadelBlock: citadel.headers.get("x-indexed-block"),
    etag: response.headers.get("etag"),
    graphql: (await response.json()) as { data?: { account: { balance: string } | null } },
    citadel: (await citadel.json()) as unknown,
  };
}

(databaseUrl ? describe : describe.skip)(
  "indexer › replicas: one ponder start, two ponder serve on PostgreSQL (real chain)",
  function () {
    const holder = localAccount(7).address;
    let send: (amount: string) => Promise<void>;
    let replicas: Awaited<ReturnType<typeof startApiReplica>>[] = [];

    before(async function () {
      const chain = await startChain(await freePort());
      const manifest = await deployLocal(chain.rpcUrl, { seed: false, governance: false });
      const evm = await chainAt(chain.rpcUrl);
      const { walletClient } = clientsFor(evm, localAccount(0));
      const publicClient = createPublicClient({ transport: http(chain.rpcUrl), cacheTime: 0 });
      const token = getContract({ ...contractOf(manifest, "AzoraToken"), client: walletClient });
      await publicClient.waitForTransactionReceipt({
        hash: await token.write.grantRole([Roles.MINTER, walletClient.account.address]),
      });
      send = async (amount) => {
        const hash = await token.write.mint([holder, parseUnits(amount, 18)]);
        await publicClient.waitForTransactionReceipt({ hash });
      };
      await send("5");
      const indexer = await startIndexer({ rpcUrl: chain.rpcUrl, port: await freePort(), databaseUrl });
      for (const name of ["api-1", "api-2"])
        replicas.push(
          await startApiReplica({
            name,
            rpcUrl: chain.rpcUrl,
            port: await freePort(),
            databaseUrl: databaseUrl!,
            schema: indexer.schema,
          }),
        );
    });
    after(async function () {
      await stopAllServices();
      replicas = [];
    });

    it("both replicas answer the same data at the same indexed block, with the same ETag", async function () {
      await send("2");
      const [one, two] = await eventually(async () => {
        const both = await Promise.all(replicas.map((r) => snapshot(r.url, holder)));
        expect(both[0]!.graphql.data?.account?.balance).to.equal(parseUnits("7", 18).toString());
        expect(both[0]!.block).to.equal(both[1]!.block);
        expect(both[0]!.citadelBlock).to.equal(both[1]!.block);
        expect(both[1]!.citadelBlock).to.equal(both[1]!.block);
        return both;
      });
      expect(one!.block).to.match(/^[0-9]+$/);
      expect(one!.graphql).to.deep.equal(two!.graphql);
      expect(one!.citadel).to.deep.equal(two!.citadel);
      expect(one!.etag).to.equal(two!.etag);
      // An ETag from one replica revalidates at the other: 304, nothing re-sent.
      const revalidated = await fetch(`${replicas[1]!.url}/citadel`, {
        headers: { "if-none-match": (await fetch(`${replicas[0]!.url}/citadel`)).headers.get("etag")! },
      });
      expect(revalidated.status).to.equal(304);
    });

    it("with one replica killed, the other keeps answering and follows new blocks", async function () {
      const [dead, alive] = replicas;
      process.kill(-dead!.service.child.pid!, "SIGKILL");
      await new Promise((resolve) => dead!.service.child.once("exit", resolve));
      const refused = await fetch(`${dead!.url}/graphql`).then(
        () => false,
        () => true,
      );
      expect(refused, "the killed replica is gone").to.equal(true);
      await send("1");
      const after = await eventually(async () => {
        const now = await snapshot(alive!.url, holder);
        expect(now.graphql.data?.account?.balance).to.equal(parseUnits("8", 18).toString());
        return now;
      });
      expect(after.block).to.match(/^[0-9]+$/);
    });
  },
);
