import { expect } from "chai";
import { createPublicClient, encodeFunctionData, http, parseUnits } from "viem";
import type { Hex, PublicClient } from "viem";
import { chainAt, clientsFor } from "../../scripts/deploy/clients";
import { localAccount } from "../../protocol/chain";
import type { Manifest } from "../../protocol/manifest";
import { contractOf } from "../../protocol/manifest";
import { freePort, stopAllServices } from "../../scripts/stack/processes";
import { deployLocal, startChain, startIndexer } from "../../scripts/stack/stack";
import { startRelay } from "../support/proxy";
import { describeOnEveryDatabase, eventually, expectAccountsMatchChain } from "../support/stack";

const PEOPLE = [1, 2, 3, 4, 5, 6];

/**
 * Sends `blocks` blocks of `perBlock` AZR transfers and delegations among the demo accounts,
 * mining each block by hand (automine off), and returns the number of transactions.
 */
async function writeHistory(rpcUrl: string, manifest: Manifest, blocks: number, perBlock: number) {
  const chain = await chainAt(rpcUrl);
  const { abi, address } = contractOf(manifest, "AzoraToken");
  const clients = PEOPLE.map((i) => clientsFor(chain, localAccount(i)));
  const publicClient = clients[0]!.publicClient;
  const nonces = await Promise.all(
    clients.map((c) => publicClient.getTransactionCount({ address: c.walletClient.account.address })),
  );
  await publicClient.request({ method: "evm_setAutomine" as never, params: [false] as never });
  let sent = 0;
  for (let block = 0; block < blocks; block++) {
    for (let k = 0; k < perBlock; k++) {
      const from = (block + k) % PEOPLE.length;
      const to = localAccount(PEOPLE[(from + 1 + (k % 5)) % PEOPLE.length]!).address;
      const data: Hex =
        k % 7 === 0
          ? encodeFunctionData({ abi, functionName: "delegate", args: [to] })
          : encodeFunctionData({ abi, functionName: "transfer", args: [to, parseUnits("0.01", 18)] });
      await clients[from]!.walletClient.sendTransaction({
        to: address,
        data,
        nonce: nonces[from]!++,
        gas: 200_000n,
      });
      sent++;
    }
    await publicClient.request({ method: "evm_mine" as never, params: [] as never });
  }
  await publicClient.request({ method: "evm_setAutomine" as never, params: [true] as never });
  return sent;
}

async function freshChain() {
  const chain = await startChain(await freePort());
  const manifest = await deployLocal(chain.rpcUrl, { seed: true });
  const publicClient: PublicClient = createPublicClient({ transport: http(chain.rpcUrl), cacheTime: 0 });
  return { chain, manifest, publicClient };
}

describeOnEveryDatabase("indexer › faults: crash, node outage, reorg", (database) => {
  afterEach(async function () {
    await stopAllServices();
  });

  it("killed in the middle of a backfill and restarted, reaches the same final state", async function () {
    const { chain, manifest, publicClient } = await freshChain();
    const sent = await writeHistory(chain.rpcUrl, manifest, 100, 5);
    const port = await freePort();
    // A schema of its own: on PostgreSQL a fixed name would resume an earlier run's index.
    const schema = `crash_${Date.now()}`;
    // Throttled to 10 requests a second, the backfill of ~100 blocks takes about ten seconds:
    // long enough to be killed in the middle of it.
    const first = await startIndexer({
      rpcUrl: chain.rpcUrl,
      port,
      schema,
      databaseUrl: database.url,
      maxRequestsPerSecond: 10,
      waitUntilReady: false,
    });
    await eventually(
      async () => expect(first.service.printed(/Started backfill indexing/)).to.equal(true),
      120_000,
    );
    await new Promise((r) => setTimeout(r, 2_000));
    first.service.child.kill("SIGKILL");
    await first.service.stop();
    const killedDuringBackfill = !first.service.printed(/Completed backfill indexing/);

    const second = await startIndexer({
      rpcUrl: chain.rpcUrl,
      port,
      schema,
      databaseUrl: database.url,
      pgliteDir: first.pgliteDir,
    });
    await eventually(() =>
      expectAccountsMatchChain(second.url, manifest, publicClient, `after restart (${sent} txs)`),
    );
    expect(killedDuringBackfill, "the first indexer was killed before its backfill completed").to.equal(true);
  });

  it("waits while the chain node is unreachable, says so in its log, and catches up", async function () {
    const { chain, manifest, publicClient } = await freshChain();
    const relay = await startRelay(Number(new URL(chain.rpcUrl).port));
    try {
      const indexer = await startIndexer({
        rpcUrl: relay.url(),
        port: await freePort(),
        databaseUrl: database.url,
      });
      await eventually(() =>
        expectAccountsMatchChain(indexer.url, manifest, publicClient, "before the outage"),
      );

      await relay.down();
      await writeHistory(chain.rpcUrl, manifest, 10, 5); // the chain moves on without the indexer
      await eventually(
        async () =>
          expect(
            indexer.service.printed(/Received JSON-RPC error|Failed to fetch latest block/),
            indexer.service.tail(),
          ).to.equal(true),
        60_000,
      );
      await relay.up();

      await eventually(
        () => expectAccountsMatchChain(indexer.url, manifest, publicClient, "after the outage"),
        60_000,
      );
      expect(indexer.service.child.exitCode, "the indexer kept running through the outage").to.equal(null);
    } finally {
      await relay.down(); // a listening relay would keep the test process alive
    }
  });

  it("follows a reorg: snapshot, transactions, revert, new blocks — and equals the new chain", async function () {
    const { chain, manifest, publicClient } = await freshChain();
    const indexer = await startIndexer({
      rpcUrl: chain.rpcUrl,
      port: await freePort(),
      databaseUrl: database.url,
    });
    const snapshot = await publicClient.request({ method: "evm_snapshot" as never, params: [] as never });
    await writeHistory(chain.rpcUrl, manifest, 5, 4);
    await eventually(() => expectAccountsMatchChain(indexer.url, manifest, publicClient, "before the reorg"));

    await publicClient.request({ method: "evm_revert" as never, params: [snapshot] as never });
    // A different history, longer than the abandoned one, on top of the snapshot.
    await writeHistory(chain.rpcUrl, manifest, 8, 3);
    await eventually(
      () => expectAccountsMatchChain(indexer.url, manifest, publicClient, "after the reorg"),
      60_000,
    );
    expect(indexer.service.printed(/reorg/i), "the indexer logged the reorg").to.equal(true);
  });
});
