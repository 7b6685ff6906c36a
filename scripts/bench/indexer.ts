// The indexer benchmark of `npm run bench`: backfill of a synthetic history of 100,000+ events
// across the contracts (next to a bare eth_getLogs loop over the same node, the ceiling), on
// PGlite and on PostgreSQL, the latency of the app's queries and the REST routes at 1, 10 and 100
// concurrent clients (indexer-load.ts; on PostgreSQL also over two `ponder serve` replicas), and the
// time from a mined transaction to its row in the index.
import { getContract, keccak256, parseUnits, slice, toHex } from "viem";
import type { Address, Chain, Hash, Hex } from "viem";
import type { ArtifactMap } from "hardhat/types/artifacts";
import { readArtifact } from "../deploy/artifacts";
import { chainAt, clientsFor } from "../deploy/clients";
import { signCompletion } from "../../protocol/eip712";
import { LOCAL_DEPLOY_CONFIG, deployAzora } from "../deploy/contracts";
import { Roles } from "../../protocol/roles";
import { localAccount, localRelayer, localVerifier } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import { writeManifest } from "../deploy/manifest";
import type { Manifest } from "../../protocol/manifest";
import { freePort, stopAllServices, waitForHttp } from "../stack/processes";
import type { Service } from "../stack/processes";
import { startApiReplica, startChain, startIndexer } from "../stack/stack";
import { loadRows, loadTargets } from "./indexer-load";
import { table } from "./report";
import type { Rows } from "./report";
import type { FigureGroup } from "./setup";
import { ms, percentile } from "./stats";

/** Events the synthetic history aims at (`BENCH_EVENTS` overrides). */
const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
/** Per transaction of BenchHistory, each well under the 16,777,216 gas a transaction may use. */
const TRANSFERS_PER_TX = 300;
const JOBS_PER_TX = 80;
const CLAIMS_PER_TX = 50;

interface IndexerBench {
  history: Rows;
  backfill: Rows;
  latency: Rows;
  visible: Rows;
}

const rate = (events: number, seconds: number) =>
  `${Math.round(events / seconds).toLocaleString("en-US")} events/s`;

/** A deterministic address that signs nothing: recipients and learners only receive. */
const someone = (label: string): Address => slice(keccak256(toHex(`bench ${label}`)), 12) as Address;

/**
 * Writes the synthetic history on the chain at `evm`: AZR transfers, escrow jobs and relayed
 * claims, each batched by BenchHistory (contracts/test/), in about the proportions 6 : 2 : 2 of
 * events. Returns the first and last block of the history.
 */
async function writeHistory(manifest: Manifest, evm: Chain) {
  const deployer = clientsFor(evm, localAccount(0));
  const { publicClient } = deployer;
  const send = async (hash: Promise<Hash>) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
    if (receipt.status !== "success")
      throw new Error(`history transaction ${receipt.transactionHash} reverted`);
    return receipt;
  };
  const token = getContract({ ...contractOf(manifest, "AzoraToken"), client: deployer.walletClient });
  const pok = getContract({ ...contractOf(manifest, "ProofOfKnowledge"), client: deployer.walletClient });
  const escrowAddress = contractOf(manifest, "JobEscrow").address;
  const artifact = await readArtifact("BenchHistory", "test");
  const { bytecode } = artifact;
  // Typed from Hardhat's generated artifact types (written by the same build).
  const abi = artifact.abi as ArtifactMap["BenchHistory"]["abi"];
  const deployed = await send(deployer.walletClient.deployContract({ abi, bytecode, args: [] }));
  const history = getContract({ abi, address: deployed.contractAddress!, client: deployer.walletClient });
  const first = deployed.blockNumber;

  await send(token.write.grantRole([Roles.MINTER, deployer.walletClient.account.address]));
  await send(token.write.mint([history.address, parseUnits("100000000", 18)]));

  // Transfers: one Transfer event each.
  const transferTxs = Math.ceil((TARGET_EVENTS * 0.6) / TRANSFERS_PER_TX);
  const recipients = Array.from({ length: TRANSFERS_PER_TX }, (_, i) => someone(`holder ${i}`));
  for (let i = 0; i < transferTxs; i++) {
    await send(history.write.transfers([token.address, recipients, parseUnits("1", 18)]));
  }
  // Jobs: JobPosted and the escrow's Transfer each (and one Approval per transaction).
  const jobTxs = Math.ceil((TARGET_EVENTS * 0.2) / (2 * JOBS_PER_TX));
  const { timestamp } = await publicClient.getBlock();
  for (let i = 0; i < jobTxs; i++) {
    await send(
      history.write.postJobs([
        token.address,
        escrowAddress,
        BigInt(JOBS_PER_TX),
        [parseUnits("5", 18)],
        Number(timestamp) + 30 * 86_400,
        "bafkreibenchbrief",
      ]),
    );
  }
  // Claims: Claimed, two AZR mints, the credential's Transfer and Locked, and the fund's inflow.
  const verifier = clientsFor(evm, localVerifier()).walletClient;
  const claimTxs = Math.ceil((TARGET_EVENTS * 0.2) / (6 * CLAIMS_PER_TX));
  await send(pok.write.setVerifierLimit([verifier.account.address, claimTxs * CLAIMS_PER_TX]));
  await send(
    pok.write.registerCourse([
      {
        title: "Bench course",
        contentCid: "bafkreibenchcourse",
        reward: parseUnits("10", 18),
        verifier: verifier.account.address,
        minScore: 0,
        validity: 0,
      },
    ]),
  );
  const courseId = await pok.read.courseCount();
  const relayed = getContract({
    abi,
    address: history.address,
    client: clientsFor(evm, localRelayer()).walletClient,
  });
  for (let i = 0; i < claimTxs; i++) {
    const deadline = BigInt(Math.floor(Date.now() / 1000) + 86_400 * 365);
    const completions = Array.from({ length: CLAIMS_PER_TX }, (_, j) => ({
      learner: someone(`learner ${i * CLAIMS_PER_TX + j}`),
      courseId,
      score: 9_000,
      deadline,
    }));
    const signatures: Hex[] = [];
    for (const completion of completions)
      signatures.push(await signCompletion(verifier, pok.address, completion));
    await send(relayed.write.claims([pok.address, completions, signatures]));
  }
  const last = await publicClient.getBlockNumber();
  // Ponder treats the newest 30 blocks of chain 31337 as unfinalized and indexes them live, not
  // in the backfill: bury the history under empty blocks (one at a time, see TOOLCHAIN.md).
  for (let i = 0; i < 40; i++)
    await publicClient.request({ method: "evm_mine" as never, params: [] as never });
  return { first, last };
}

/** Every log of the manifest's contracts in [first, last], fetched like a bare indexer would. */
async function getLogsCeiling(manifest: Manifest, evm: Chain, first: bigint, last: bigint) {
  const { publicClient } = clientsFor(evm, localAccount(0));
  const address = Object.values(manifest.contracts).map((c) => c.address);
  const start = performance.now();
  let logs = 0;
  const step = 10n;
  for (let from = first; from <= last; from += step) {
    const to = from + step - 1n > last ? last : from + step - 1n;
    logs += (await publicClient.getLogs({ address, fromBlock: from, toBlock: to })).length;
  }
  return { logs, seconds: (performance.now() - start) / 1000 };
}

/** Resolves, with the time it took, when `service` prints `pattern`. */
async function until(service: Service, pattern: RegExp, timeoutMs = 900_000): Promise<number> {
  const start = performance.now();
  while (!service.printed(pattern)) {
    if (service.child.exitCode !== null) throw new Error(`the indexer exited:\n${service.tail()}`);
    if (performance.now() - start > timeoutMs) throw new Error(`the indexer never printed ${pattern}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - start;
}

/** Starts Ponder on the finished history and times its backfill, from its own log lines. */
async function backfill(rpcUrl: string, databaseUrl: string | null) {
  const indexer = await startIndexer({ rpcUrl, port: await freePort(), databaseUrl, waitUntilReady: false });
  const startup = await until(indexer.service, /Started backfill indexing/);
  const indexing = await until(indexer.service, /Completed backfill indexing/);
  return { indexer, startup, indexing };
}

/** Ids of some credentials of the history, for the credential route. */
async function credentialIds(url: string): Promise<bigint[]> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ credentials(limit: 50) { items { id } } }" }),
  });
  const body = (await response.json()) as { data: { credentials: { items: { id: string }[] } } };
  return body.data.credentials.items.map((c) => BigInt(c.id));
}

/** Sends `samples` transfers and times each from its receipt to its row in GraphQL. */
async function minedToVisible(manifest: Manifest, evm: Chain, indexerUrl: string, samples: number) {
  const sender = clientsFor(evm, localAccount(1));
  const token = getContract({ ...contractOf(manifest, "AzoraToken"), client: sender.walletClient });
  const admin = getContract({
    ...contractOf(manifest, "AzoraToken"),
    client: clientsFor(evm, localAccount(0)).walletClient,
  });
  await sender.publicClient.waitForTransactionReceipt({
    hash: await admin.write.mint([sender.walletClient.account.address, parseUnits("1000", 18)]),
  });
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const hash = await token.write.transfer([someone(`visible ${i}`), 1n]);
    const receipt = await sender.publicClient.waitForTransactionReceipt({ hash, pollingInterval: 5 });
    const mined = performance.now();
    const query = `query ($hash: String!) { transfers(where: { transactionHash: $hash }) { items { id } } }`;
    for (;;) {
      const response = await fetch(`${indexerUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables: { hash: receipt.transactionHash } }),
      });
      const body = (await response.json()) as { data?: { transfers: { items: unknown[] } } };
      if ((body.data?.transfers.items.length ?? 0) > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    times.push(performance.now() - mined);
  }
  return `p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))} (${samples} transfers)`;
}

/** The whole indexer benchmark on one new local node. */
async function indexerBench(): Promise<IndexerBench> {
  const chain = await startChain(await freePort());
  try {
    const evm = await chainAt(chain.rpcUrl);
    const { publicClient, walletClient } = clientsFor(evm, localAccount(0));
    const manifest = await deployAzora({ publicClient, walletClient }, LOCAL_DEPLOY_CONFIG);
    await writeManifest(manifest);
    const writeStart = performance.now();
    const { first, last } = await writeHistory(manifest, evm);
    const writeSeconds = (performance.now() - writeStart) / 1000;
    const ceiling = await getLogsCeiling(manifest, evm, first, last);
    const events = ceiling.logs;
    const history: Rows = [
      ["events (logs of the Azora contracts)", events.toLocaleString("en-US")],
      ["blocks", (last - first + 1n).toLocaleString("en-US")],
      ["time to write it (batched transactions)", `${writeSeconds.toFixed(1)} s`],
    ];

    const backfillRows: Rows = [
      ["ceiling: bare eth_getLogs loop, 10 blocks a call", rate(events, ceiling.seconds)],
    ];
    const databases: [string, string | null][] = [["PGlite", null]];
    if (process.env.DATABASE_URL) databases.push(["PostgreSQL", process.env.DATABASE_URL]);
    const latencyRows: Rows = [];
    // One after the other, never two at once: each is measured under load once it is live, and
    // the last one stays up for the freshness figure.
    let served: Awaited<ReturnType<typeof backfill>> | undefined;
    for (const [name, databaseUrl] of databases) {
      await served?.indexer.service.stop();
      served = await backfill(chain.rpcUrl, databaseUrl);
      const { indexer, indexing, startup } = served;
      backfillRows.push(
        [`Ponder on ${name}: backfill`, rate(events, indexing / 1000)],
        [
          `Ponder on ${name}: backfill / ceiling`,
          `${((100 * ceiling.seconds * 1000) / indexing).toFixed(1)} %`,
        ],
        [
          `Ponder on ${name}: backfill time (startup before it)`,
          `${(indexing / 1000).toFixed(1)} s (${(startup / 1000).toFixed(1)} s)`,
        ],
      );
      await until(indexer.service, /Started live indexing/);
      await waitForHttp(`${indexer.url}/ready`, indexer.service);
      const targets = loadTargets({
        accounts: Array.from({ length: 50 }, (_, i) => someone(`holder ${i}`)),
        credentialIds: await credentialIds(indexer.url),
      });
      // The indexer serves on its own; on PostgreSQL, two `ponder serve` replicas beside it on
      // the same schema as well, the load spread over both.
      latencyRows.push(...(await loadRows(name, [indexer.url], targets)));
      if (databaseUrl !== null) {
        const replicas = [];
        for (const n of [1, 2])
          replicas.push(
            await startApiReplica({
              name: `api-${n}`,
              rpcUrl: chain.rpcUrl,
              port: await freePort(),
              databaseUrl,
              schema: indexer.schema,
            }),
          );
        const urls = replicas.map((r) => r.url);
        latencyRows.push(...(await loadRows(`${name}, 2 serve replicas`, urls, targets)));
        for (const replica of replicas) await replica.service.stop();
      }
    }
    if (!process.env.DATABASE_URL) backfillRows.push(["Ponder on PostgreSQL", "skipped: set DATABASE_URL"]);

    const visible: Rows = [
      [
        `mined → visible in GraphQL (${databases.at(-1)![0]}, 250 ms polling)`,
        await minedToVisible(manifest, evm, served!.indexer.url, 20),
      ],
    ];
    return { history, backfill: backfillRows, latency: latencyRows, visible };
  } finally {
    await stopAllServices();
  }
}

/** On a node of its own, which it starts and stops. */
export const indexerGroup: FigureGroup = {
  name: "indexer",
  async measure() {
    const indexer = await indexerBench();
    return () => {
      table("Indexer: the synthetic history (BenchHistory, contracts/test/)", indexer.history);
      table("Indexer: backfill of that history, same node", indexer.backfill);
      table(
        "Indexer: latency of the app's queries and the REST routes (p99 also as a multiple of the trivial query's)",
        indexer.latency,
      );
      table("Indexer: freshness", indexer.visible);
    };
  },
};
