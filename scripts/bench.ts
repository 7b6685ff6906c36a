// npm run bench — gas of each user operation (AZR and mining, next to stock OpenZeppelin parts),
// grading latency and the app's first-load JS, with the machine. Figures are printed, never asserted: timing and
// size goals live here, not in tests.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { getAddress, getContract, keccak256, parseUnits, slice, toHex } from "viem";
import type { Abi, Account, Address, Chain, Hash, Hex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { openEmbeddedStore } from "../content/embedded.js";
import { CLEAR_ANSWERS, parseAnswers } from "../content/formats/answer-key.js";
import { packCourse } from "../content/formats/course-package.js";
import { createGrader, emptyGraderState } from "../grader/grader.js";
import { StateFile } from "../grader/state-file.js";
import { gradeRequestBody, submissionTypedData } from "../grader/submission.js";
import { readArtifact } from "./lib/artifacts.js";
import { chainAt, clientsFor } from "./lib/clients.js";
import { signPermit } from "./lib/permit.js";
import { signCompletion } from "./lib/completion.js";
import { publishCourse } from "./lib/courses.js";
import { localAccount, localPrivateKey, localRelayer, localVerifier } from "./lib/local-accounts.js";
import { contractOf } from "./lib/manifest.js";
import type { Manifest } from "./lib/manifest.js";
import { REPO_ROOT } from "./lib/paths.js";
import { binOf, freePort, runToCompletion, stopAllServices } from "./lib/processes.js";
import { registerCourse } from "./lib/seed.js";
import { deployLocal, startChain } from "./lib/stack.js";

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

function table(title: string, rows: [string, string][]) {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v.padStart(12)}`);
}

const gas = (value: bigint | number) => `${Number(value).toLocaleString("en-US")} gas`;

/** Waits for a transaction and returns its gas, refusing a reverted one. */
function gasMeter(evm: Chain) {
  const { publicClient } = clientsFor(evm, localAccount(0));
  return async (hash: Hash | Promise<Hash>): Promise<bigint> => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
    if (receipt.status !== "success")
      throw new Error(`benchmark transaction ${receipt.transactionHash} reverted`);
    return receipt.gasUsed;
  };
}

async function azrGas(manifest: Manifest, evm: Chain): Promise<[string, string][]> {
  const { abi, address } = contractOf(manifest, "AzoraToken");
  const as = (index: number) => {
    const { walletClient, publicClient } = clientsFor(evm, localAccount(index));
    return { token: getContract({ abi, address, client: walletClient }), walletClient, publicClient };
  };
  const deployer = as(0);
  const gasOf = gasMeter(evm);
  const [a, b, c, d] = [1, 2, 3, 4].map((i) => localAccount(i).address) as [
    Address,
    Address,
    Address,
    Address,
  ];

  await gasOf(
    deployer.token.write.grantRole([
      await deployer.token.read.MINTER_ROLE(),
      deployer.walletClient.account.address,
    ]),
  );
  const mint = await gasOf(deployer.token.write.mint([a, parseUnits("1000", 18)]));
  await gasOf(deployer.token.write.mint([b, parseUnits("1000", 18)]));
  const transferNew = await gasOf(as(1).token.write.transfer([c, parseUnits("10", 18)]));
  const transferExisting = await gasOf(as(1).token.write.transfer([c, parseUnits("10", 18)]));
  const delegateFirst = await gasOf(as(1).token.write.delegate([a]));
  await gasOf(as(2).token.write.delegate([b]));
  const transferDelegated = await gasOf(as(1).token.write.transfer([b, parseUnits("10", 18)]));
  const redelegate = await gasOf(as(2).token.write.delegate([a]));

  const owner = as(1).walletClient;
  const deadline = BigInt(Math.floor(Date.now() / 1000) + 3600);
  const nonce = await as(1).token.read.nonces([a]);
  const { v, r, s } = await signPermit(owner, address, {
    owner: a,
    spender: d,
    value: parseUnits("5", 18),
    nonce,
    deadline,
  });
  const permit = await gasOf(as(4).token.write.permit([a, d, parseUnits("5", 18), deadline, v, r, s]));

  return [
    ["mint (minter → new holder)", mint],
    ["transfer to a new holder", transferNew],
    ["transfer to an existing holder", transferExisting],
    ["transfer between delegated holders", transferDelegated],
    ["delegate (first time, self)", delegateFirst],
    ["delegate (change delegate)", redelegate],
    ["permit (relayed)", permit],
  ].map(([k, v]) => [String(k), gas(v as bigint)]);
}

/** A stock OpenZeppelin set deployed for the comparison: an ERC-20, an ERC-721, and the minter doing a claim's mints. */
interface StockSet {
  label: string;
  mintAll: (
    learner: Address,
    learnerShare: bigint,
    fund: Address,
    fundShare: bigint,
    id: bigint,
  ) => Promise<bigint>;
  mint20: (to: Address, amount: bigint) => Promise<bigint>;
  mint721: (to: Address, id: bigint) => Promise<bigint>;
  burn721: (holder: Account, id: bigint) => Promise<bigint>;
}

async function deployStock(
  evm: Chain,
  erc20: "MockERC20" | "MockERC20Votes",
  label: string,
): Promise<StockSet> {
  const { walletClient: deployer, publicClient } = clientsFor(evm, localAccount(0));
  const gasOf = gasMeter(evm);
  const deploy = async (name: string, args: readonly unknown[]) => {
    const { abi, bytecode } = await readArtifact(name, "test");
    const receipt = await publicClient.waitForTransactionReceipt({
      hash: await deployer.deployContract({ abi, bytecode, args }),
    });
    if (!receipt.contractAddress) throw new Error(`deploying ${name} failed`);
    return { abi, address: receipt.contractAddress };
  };
  const write = (
    contract: { abi: Abi; address: Address },
    functionName: string,
    args: readonly unknown[],
    account?: Account,
  ) =>
    clientsFor(evm, account ?? localAccount(0)).walletClient.writeContract({
      address: contract.address,
      abi: contract.abi,
      functionName,
      args,
    });
  const token = await deploy(erc20, [deployer.account.address]);
  const nft = await deploy("MockERC721", [deployer.account.address]);
  const minter = await deploy("MockStockMinter", [token.address, nft.address]);
  const MINTER_ROLE = (await publicClient.readContract({ ...token, functionName: "MINTER_ROLE" })) as Hex;
  await gasOf(write(token, "grantRole", [MINTER_ROLE, minter.address]));
  await gasOf(write(nft, "grantRole", [MINTER_ROLE, minter.address]));
  return {
    label,
    mintAll: (learner, learnerShare, fund, fundShare, id) =>
      gasOf(write(minter, "mintAll", [learner, learnerShare, fund, fundShare, id])),
    mint20: (to, amount) => gasOf(write(token, "mint", [to, amount])),
    mint721: (to, id) => gasOf(write(nft, "mint", [to, id])),
    burn721: (holder, id) => gasOf(write(nft, "burn", [id], holder)),
  };
}

interface MiningGas {
  rows: { operation: string; azora: bigint; stock: (bigint | undefined)[] }[];
  parts: [string, string][];
  stockLabels: string[];
}

/**
 * Mining gas on the same node, after `azrGas`: the claims, revoke and burn of ProofOfKnowledge
 * and AzoraCredential, and the same mints done with stock OpenZeppelin parts in one transaction
 * each (MockStockMinter), from the same state: the fund and the learners hold the same balances.
 */
async function miningGas(manifest: Manifest, evm: Chain): Promise<MiningGas> {
  const gasOf = gasMeter(evm);
  const wallet = (account: Account) => clientsFor(evm, account).walletClient;
  const { publicClient } = clientsFor(evm, localAccount(0));
  const pokAt = contractOf(manifest, "ProofOfKnowledge");
  const credentialAt = contractOf(manifest, "AzoraCredential");
  const fund = contractOf(manifest, "CitadelFund").address;
  const pok = (account: Account) => getContract({ ...pokAt, client: wallet(account) });
  const credential = (account: Account) => getContract({ ...credentialAt, client: wallet(account) });
  const verifier = wallet(localVerifier());
  const curator = localAccount(0);

  // Two courses of the local verifier: 100 and 150 AZR, passing at 70%, valid a year / for ever.
  await gasOf(pok(curator).write.setVerifierLimit([verifier.account.address, 1_000]));
  const rewards = [parseUnits("100", 18), parseUnits("150", 18)] as const;
  await gasOf(
    pok(curator).write.registerCourse([
      "bafkreibench1",
      rewards[0],
      verifier.account.address,
      7_000,
      31_536_000,
    ]),
  );
  await gasOf(
    pok(curator).write.registerCourse(["bafkreibench2", rewards[1], verifier.account.address, 7_000, 0]),
  );
  const claim = async (learner: Address, courseId: bigint) => {
    const { timestamp } = await publicClient.getBlock();
    const completion = { learner, courseId, score: 8_500, deadline: timestamp + 3_600n };
    const signature = await signCompletion(verifier, pokAt.address, completion);
    return gasOf(pok(localRelayer()).write.claim([completion, signature]));
  };
  const idOf = (learner: Address, courseId: bigint) => (BigInt(learner) << 96n) | courseId;
  const split = (reward: bigint) => [reward - reward / 10n, reward / 10n] as const;

  const warmUp = localAccount(6).address; // the claim that gives the fund its first AZR: paid once, not measured
  const newcomer = localAccount(5); // no AZR, no credential
  const holder = localAccount(3).address; // holds AZR from the transfers above, no credential, not delegated
  const stocks = [
    await deployStock(evm, "MockERC20", "ERC20 ×2 + ERC721"),
    await deployStock(evm, "MockERC20Votes", "ERC20Votes ×2 + ERC721"),
  ];

  await claim(warmUp, 1n);
  const first = await claim(newcomer.address, 1n);
  const holding = await claim(holder, 1n);
  const second = await claim(newcomer.address, 2n);
  const revoke = await gasOf(
    credential(localVerifier()).write.revoke([idOf(newcomer.address, 1n), "answers leaked"]),
  );
  const burn = await gasOf(credential(newcomer).write.burn([idOf(newcomer.address, 2n)]));

  const stock: bigint[][] = [];
  const parts: [string, string][] = [];
  for (const set of stocks) {
    const [l1, f1] = split(rewards[0]);
    const [l2, f2] = split(rewards[1]);
    await set.mintAll(warmUp, l1, fund, f1, idOf(warmUp, 1n));
    await set.mint20(holder, parseUnits("20", 18)); // the holder's AZR from the transfers
    stock.push([
      await set.mintAll(newcomer.address, l1, fund, f1, idOf(newcomer.address, 1n)),
      await set.mintAll(holder, l1, fund, f1, idOf(holder, 1n)),
      await set.mintAll(newcomer.address, l2, fund, f2, idOf(newcomer.address, 2n)),
      await set.burn721(newcomer, idOf(newcomer.address, 2n)),
    ]);
    // The parts one by one, each its own transaction (21,000 base gas each), on fresh addresses.
    const x = getAddress(slice(keccak256(toHex(`bench ${set.label}`)), 12));
    const erc20 = set.label.split(" ")[0];
    parts.push(
      [`${erc20} mint to a new holder`, gas(await set.mint20(x, l1))],
      [`${erc20} mint to a holder`, gas(await set.mint20(x, f1))],
    );
    if (parts.length === 2)
      parts.push(["ERC721 mint to a new holder", gas(await set.mint721(x, idOf(x, 1n)))]);
  }

  return {
    stockLabels: stocks.map((s) => s.label),
    rows: [
      {
        operation: "first claim, new learner (AZR ×2 + credential)",
        azora: first,
        stock: stock.map((s) => s[0]),
      },
      {
        operation: "claim, learner who holds AZR (first credential)",
        azora: holding,
        stock: stock.map((s) => s[1]),
      },
      {
        operation: "claim, learner who holds AZR and a credential",
        azora: second,
        stock: stock.map((s) => s[2]),
      },
      { operation: "revoke (by the issuing verifier)", azora: revoke, stock: stock.map(() => undefined) },
      { operation: "burn (by the holder)", azora: burn, stock: stock.map((s) => s[3]) },
    ],
    parts,
  };
}

function miningTable({ rows, stockLabels, parts }: MiningGas) {
  const header = ["operation", "Azora", ...stockLabels.flatMap((label) => [label, "ratio"])];
  const body = rows.map(({ operation, azora, stock }) => [
    operation,
    Number(azora).toLocaleString("en-US"),
    ...stock.flatMap((s) =>
      s === undefined
        ? ["(no stock part)", ""]
        : [Number(s).toLocaleString("en-US"), `${(Number(azora) / Number(s)).toFixed(2)}×`],
    ),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) =>
    `  ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ")}`.trimEnd();
  console.log("\nMining gas (same local node; Azora next to stock OpenZeppelin 5 parts)");
  console.log(line(header));
  for (const row of body) console.log(line(row));
  console.log(
    "  Stock = one transaction of MockStockMinter doing ERC-20 mint ×2 (learner, fund) + ERC-721 mint\n" +
      "  (contracts/test/), from the same state; the claim also checks the EIP-712 signature, the course,\n" +
      "  the verifier limit and the epoch budget, records the fund inflow and emits Claimed, Issued, Locked.\n" +
      "  ERC20Votes is the like-for-like baseline: AZR is one, and every mint writes a supply checkpoint.",
  );
  table("Stock parts one by one (separate transactions, 21,000 base gas each)", parts);
}

/**
 * Grading latency on the same node: `POST /api/grade`'s handler in this process, over a real
 * course package (encrypted for the local verifier) in a temporary embedded store, for fresh
 * learners, half failing, half passing (the pass also signs a voucher). Each grade checks the
 * learner's signature, reads the course and the learner's credential on chain and writes the
 * attempt file.
 */
async function gradingLatency(manifest: Manifest, evm: Chain, runs = 200): Promise<[string, string][]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "azora-bench-grader-"));
  const store = await openEmbeddedStore(path.join(dir, "content"));
  try {
    const { publicClient, walletClient } = clientsFor(evm, localAccount(0));
    const folder = path.join(REPO_ROOT, "courses", "wallets-and-safety");
    const course = await publishCourse(store, folder, localVerifier().publicKey);
    const { courseId } = await registerCourse(
      manifest,
      { publicClient, deployer: walletClient },
      course,
      localVerifier().address,
    );
    const { course: quiz } = await packCourse(folder);
    const key = parseAnswers(await readFile(path.join(folder, CLEAR_ANSWERS)));
    const right = quiz.quiz.questions.map(({ id }) => key[id]!);
    const pok = contractOf(manifest, "ProofOfKnowledge");
    const grader = createGrader({
      publicClient,
      chainId: evm.id,
      verifier: { account: privateKeyToAccount(localPrivateKey(8)), privateKey: localPrivateKey(8) },
      proofOfKnowledge: pok,
      credential: contractOf(manifest, "AzoraCredential"),
      store: async () => store,
      state: new StateFile(path.join(dir, "grader.json"), emptyGraderState),
      limits: { attemptsPerClient: runs * 2, requestsPerClient: { burst: runs * 2, perMinute: 60 } },
    });
    const times: Record<"fail" | "pass", number[]> = { fail: [], pass: [] };
    for (let i = 0; i < runs; i++) {
      const learner = privateKeyToAccount(generatePrivateKey());
      const outcome = i % 2 === 0 ? "fail" : "pass";
      const answers = outcome === "pass" ? right : right.map((a) => (a + 1) % 4);
      const submission = {
        learner: learner.address,
        courseId,
        answers,
        expires: BigInt(Math.floor(Date.now() / 1000) + 120),
      };
      const signature = await learner.signTypedData(submissionTypedData(evm.id, pok.address, submission));
      const request = new Request("http://bench/api/grade", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(gradeRequestBody(submission, signature)),
      });
      const started = performance.now();
      const response = await grader.handle(request);
      const elapsed = performance.now() - started;
      if (response.status !== 200) throw new Error(`grading failed: ${await response.text()}`);
      // The first request also reads and decrypts the package: reported apart.
      if (i > 0) times[outcome].push(elapsed);
      else times.fail.push(elapsed);
    }
    const percentile = (values: number[], p: number) =>
      [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    return (["fail", "pass"] as const).flatMap((outcome): [string, string][] => [
      [`${outcome}: p50`, ms(percentile(times[outcome], 50))],
      [`${outcome}: p99`, ms(percentile(times[outcome], 99))],
    ]);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** One local node for every gas figure (deploy, the AZR operations, then mining) and the grader. */
async function chainFigures() {
  const chain = await startChain(await freePort());
  try {
    const manifest = await deployLocal(chain.rpcUrl, { seed: false });
    const evm = await chainAt(chain.rpcUrl);
    const azr = await azrGas(manifest, evm);
    const mining = await miningGas(manifest, evm);
    const grading = await gradingLatency(manifest, evm);
    return { azr, mining, grading };
  } finally {
    await stopAllServices();
  }
}

/** Sums the gzipped size of every script a route loads first, from Next's build output. */
async function firstLoadJs(): Promise<[string, string][]> {
  const manifestFile = path.join(REPO_ROOT, ".next", "app-build-manifest.json");
  const diagnostics = path.join(REPO_ROOT, ".next", "diagnostics", "route-bundle-stats.json");
  if (!existsSync(diagnostics) && !existsSync(manifestFile)) {
    console.log("\n(no production build yet: running next build…)");
    await runToCompletion("next build", binOf("next"), ["build"]);
  }
  const gz = async (file: string) => gzipSync(await readFile(path.join(REPO_ROOT, ".next", file))).length;
  const rows: [string, string][] = [];
  if (existsSync(diagnostics)) {
    const stats = JSON.parse(await readFile(diagnostics, "utf8")) as {
      route: string;
      firstLoadChunkPaths?: string[];
    }[];
    for (const { route, firstLoadChunkPaths = [] } of stats) {
      let total = 0;
      for (const chunk of firstLoadChunkPaths) total += await gz(chunk.replace(/^\.next\//, ""));
      rows.push([route, `${(total / 1024).toFixed(1)} kB`]);
    }
  } else {
    const files = await readdir(path.join(REPO_ROOT, ".next", "static", "chunks"));
    rows.push(["(all chunks)", `${files.length} files`]);
  }
  return rows;
}

console.log(`Azora benchmark — ${new Date().toISOString()}\nMachine: ${machine()}`);
await runToCompletion("build", binOf("hardhat"), ["build", "--quiet"]);
const { azr, mining, grading } = await chainFigures();
table("AZR gas per user operation (local Hardhat node)", azr);
miningTable(mining);
table("Grading latency, POST /api/grade's handler (local node, 100 fails and 100 passes)", grading);
table("App first-load JS per route (gzipped, production build)", await firstLoadJs());
