// The indexer benchmark of `npm run bench`: backfill of a synthetic history of 100,000+ events
// across the contracts (next to a bare eth_getLogs loop over the same node, the ceiling), on
// PGlite and on PostgreSQL, GraphQL latency of the app's queries at 1 and 10 concurrent clients,
// and the time from a mined transaction to its row in the index.
import { getContract, keccak256, parseUnits, slice, toHex } from "viem";
import type { Address, Chain, Hash, Hex } from "viem";
import type { ArtifactMap } from "hardhat/types/artifacts";
import { accountActivityParts, holdersParts } from "../../app/_lib/indexer";
import { compose } from "../../app/_lib/indexer-query";
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
import { startChain, startIndexer } from "../stack/stack";
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
    pok.write.registerCourse(["bafkreibenchcourse", parseUnits("10", 18), verifier.account.address, 0, 0]),
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

async function graphqlOnce(url: string, query: string, variables: object): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (!response.ok || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body).slice(0, 300)}`);
  return performance.now() - start;
}

/** p50 and p99 of `total` requests from `clients` concurrent clients, and how many failed. */
async function latency(run: () => Promise<number>, clients: number, total: number) {
  const times: number[] = [];
  let failed = 0;
  const worker = async () => {
    while (times.length + failed < total) {
      try {
        times.push(await run());
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const failures = failed > 0 ? `, ${failed} failed` : "";
  return `p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}${failures}`;
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
    // One after the other, never two at once: the last one stays up for the latency figures.
    let served: Awaited<ReturnType<typeof backfill>> | undefined;
    for (const [name, url] of databases) {
      await served?.indexer.service.stop();
      served = await backfill(chain.rpcUrl, url);
      const { indexing, startup } = served;
      backfillRows.push(
        [`Ponder on ${name}: backfill`, rate(events, indexing / 1000)],
        [
          `Ponder on ${name}: backfill time (startup before it)`,
          `${(indexing / 1000).toFixed(1)} s (${(startup / 1000).toFixed(1)} s)`,
        ],
      );
    }
    if (!process.env.DATABASE_URL) backfillRows.push(["Ponder on PostgreSQL", "skipped: set DATABASE_URL"]);

    const url = served!.indexer.url;
    await until(served!.indexer.service, /Started live indexing/);
    await waitForHttp(`${url}/ready`, served!.indexer.service);
    // The app's own queries, as its pages send them.
    const activity = compose(accountActivityParts(someone("holder 0")));
    const top = compose(holdersParts());
    const queries: [string, () => Promise<number>][] = [
      ["AccountActivity (account page)", () => graphqlOnce(url, activity.query, activity.variables)],
      ["Holders (home page)", () => graphqlOnce(url, top.query, top.variables)],
    ];
    const latencyRows: Rows = [];
    for (const [name, run] of queries) {
      for (const clients of [1, 10])
        latencyRows.push([
          `${name}, ${clients} client${clients > 1 ? "s" : ""}`,
          await latency(run, clients, 300),
        ]);
    }
    const visible: Rows = [
      [
        `mined → visible in GraphQL (${databases.at(-1)![0]}, 250 ms polling)`,
        await minedToVisible(manifest, evm, url, 20),
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
      table("Indexer: GraphQL latency of the app's queries (300 requests each)", indexer.latency);
      table("Indexer: freshness", indexer.visible);
    };
  },
};
