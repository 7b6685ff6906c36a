// npm run bench — gas of each user operation (AZR, mining next to stock OpenZeppelin parts, the
// marketplace next to a public anchor, governance), grading latency, the indexer's backfill,
// query latency and freshness, and the app's first-load JS and Lighthouse scores (bench/app.ts), with the machine. Figures are printed, never asserted: timing and
// size goals live here, not in tests.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
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
import {
  localAccount,
  localArbiter,
  localPrivateKey,
  localRelayer,
  localVerifier,
} from "./lib/local-accounts.js";
import { contractOf } from "./lib/manifest.js";
import type { Manifest } from "./lib/manifest.js";
import { REPO_ROOT } from "./lib/paths.js";
import { binOf, freePort, runToCompletion, stopAllServices } from "./lib/processes.js";
import { registerCourse } from "./lib/seed.js";
import { deployLocal, startChain } from "./lib/stack.js";
import { appBench } from "./bench/app.js";
import { indexerBench } from "./bench/indexer.js";
import { ms, percentile } from "./bench/stats.js";
import { LOCAL_DEPLOY_CONFIG } from "./lib/deploy.js";
import { handOverToGovernance } from "./lib/governance.js";
import { signBallot, signDelegation, VoteType } from "./lib/governance-signatures.js";
import { operationArgs, proposalOf, proposeArgs } from "./lib/proposals.js";
import { advanceTime, advanceTimePast } from "./lib/seed-governance.js";
import { formatProposalDescription } from "../content/formats/proposal.js";

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
 * Marketplace gas on the same node, after mining: one job of three milestones through every
 * step (the deployer still holds AZR's MINTER_ROLE from `azrGas` and funds the clients).
 */
async function escrowGas(manifest: Manifest, evm: Chain): Promise<[string, string][]> {
  const gasOf = gasMeter(evm);
  const escrowAt = contractOf(manifest, "JobEscrow");
  const tokenAt = contractOf(manifest, "AzoraToken");
  const as = (account: Account) => {
    const { walletClient } = clientsFor(evm, account);
    return {
      wallet: walletClient,
      escrow: getContract({ ...escrowAt, client: walletClient }),
      token: getContract({ ...tokenAt, client: walletClient }),
    };
  };
  const { publicClient } = clientsFor(evm, localAccount(0));
  const [client, provider, other] = [localAccount(4), localAccount(2), localAccount(3)];
  const arbiter = as(localArbiter());
  const amounts = [parseUnits("100", 18), parseUnits("150", 18), parseUnits("250", 18)];
  const total = amounts.reduce((a, b) => a + b, 0n);
  await gasOf(as(localAccount(0)).token.write.mint([client.address, total * 4n]));
  const deadlineIn = async (days: number) =>
    Number((await publicClient.getBlock()).timestamp) + days * 86_400;
  const jobIdOf = async () => as(client).escrow.read.jobCount();

  // Posted with a permit: the one-transaction path.
  const deadline = await deadlineIn(30);
  const { v, r, s } = await signPermit(as(client).wallet, tokenAt.address, {
    owner: client.address,
    spender: escrowAt.address,
    value: total,
    nonce: await as(client).token.read.nonces([client.address]),
    deadline: BigInt(deadline),
  });
  const postPermit = await gasOf(
    as(client).escrow.write.postJobWithPermit([
      "bafkreibenchbrief",
      amounts,
      deadline,
      BigInt(deadline),
      v,
      r,
      s,
    ]),
  );
  const job = await jobIdOf();
  const applyGas = await gasOf(as(provider).escrow.write.applyForJob([job, "bafkreibenchproposal"]));
  await gasOf(as(other).escrow.write.applyForJob([job, "bafkreibenchproposal2"]));
  const assign = await gasOf(as(client).escrow.write.assign([job, provider.address]));
  const submit = await gasOf(as(provider).escrow.write.submitMilestone([job, 0n, "bafkreibenchdeliverable"]));
  const approve = await gasOf(as(client).escrow.write.approveMilestone([job, 0n]));
  await gasOf(as(provider).escrow.write.submitMilestone([job, 1n, "bafkreibenchdeliverable"]));
  const dispute = await gasOf(as(client).escrow.write.dispute([job, 1n, "bafkreibenchreason"]));
  const resolve = await gasOf(arbiter.escrow.write.resolveDispute([job, 1n, 6_000, "bafkreibenchruling"]));
  await gasOf(as(provider).escrow.write.submitMilestone([job, 2n, "bafkreibenchdeliverable"]));
  await advanceTime(publicClient, Number(await as(client).escrow.read.reviewWindow()) + 1);
  const timeout = await gasOf(as(provider).escrow.write.releaseAfterReview([job, 2n]));
  const rate = await gasOf(as(client).escrow.write.rate([job, 5, "bafkreibenchcomment"]));

  // Posted after an approval (two transactions), then cancelled; and one left to expire.
  const approval = await gasOf(as(client).token.write.approve([escrowAt.address, total]));
  const post = await gasOf(
    as(client).escrow.write.postJob(["bafkreibenchbrief", amounts, await deadlineIn(30)]),
  );
  const cancel = await gasOf(as(client).escrow.write.cancel([await jobIdOf()]));
  await gasOf(as(client).token.write.approve([escrowAt.address, total]));
  await gasOf(as(client).escrow.write.postJob(["bafkreibenchbrief", amounts, await deadlineIn(2)]));
  const expiring = await jobIdOf();
  await gasOf(as(provider).escrow.write.applyForJob([expiring, "bafkreibenchproposal"]));
  await gasOf(as(client).escrow.write.assign([expiring, provider.address]));
  await advanceTime(publicClient, 3 * 86_400);
  const refund = await gasOf(as(client).escrow.write.refundExpired([expiring]));

  return [
    ["post, 3 milestones, with permit (1 tx)", postPermit],
    ["approve AZR (tx 1 of the other path)", approval],
    ["post, 3 milestones, after approve (tx 2)", post],
    ["apply", applyGas],
    ["assign", assign],
    ["submit a milestone", submit],
    ["approve and release 90/10", approve],
    ["release after the review window", timeout],
    ["dispute", dispute],
    ["resolve a dispute (60/40)", resolve],
    ["rate", rate],
    ["cancel an open job (refund 3)", cancel],
    ["refund 3 unsubmitted after the deadline", refund],
  ].map(([k, v]) => [String(k), gas(v as bigint)]);
}

/**
 * Governance gas on the same node, after mining: the handover to the Timelock (all its
 * transactions), then one proposal's life. Account #6 delegates to itself, #5 by signature
 * (submitted by the relayer); #1 proposes a grant from the CitadelFund and votes (reaching quorum:
 * that vote also stores the late-quorum deadline), #5 votes by signature, #6 votes; the relayer
 * queues and executes. The clock moves with evm_increaseTime.
 */
async function governanceGas(manifest: Manifest, evm: Chain): Promise<[string, string][]> {
  const gasOf = gasMeter(evm);
  const wallet = (account: Account) => clientsFor(evm, account).walletClient;
  const { publicClient } = clientsFor(evm, localAccount(0));
  const tokenAt = contractOf(manifest, "AzoraToken");
  const fundAt = contractOf(manifest, "CitadelFund");
  const governorAt = contractOf(manifest, "AzoraGovernor");
  const token = (account: Account) => getContract({ ...tokenAt, client: wallet(account) });
  const governor = (account: Account) => getContract({ ...governorAt, client: wallet(account) });
  const relayer = localRelayer();

  const before = await publicClient.getBlockNumber({ cacheTime: 0 });
  await handOverToGovernance(manifest, clientsFor(evm, localAccount(0)), LOCAL_DEPLOY_CONFIG.governance);
  let handover = 0n;
  for (let n = before + 1n; n <= (await publicClient.getBlockNumber({ cacheTime: 0 })); n++) {
    handover += (await publicClient.getBlock({ blockNumber: n })).gasUsed;
  }

  const [proposer, selfDelegator, signer] = [localAccount(1), localAccount(6), localAccount(5)];
  const delegate = await gasOf(token(selfDelegator).write.delegate([selfDelegator.address]));
  const expiry = (await publicClient.getBlock()).timestamp + 86_400n; // the chain's clock, ahead of ours
  const nonce = await token(signer).read.nonces([signer.address]);
  const sig = await signDelegation(wallet(signer), tokenAt.address, {
    delegatee: signer.address,
    nonce,
    expiry,
  });
  const delegateBySig = await gasOf(
    token(relayer).write.delegateBySig([signer.address, nonce, expiry, sig.v, sig.r, sig.s]),
  );

  const proposal = proposalOf(
    [
      {
        ...fundAt,
        target: fundAt.address,
        functionName: "release",
        args: [tokenAt.address, localAccount(7).address, parseUnits("1", 18)],
      },
    ],
    formatProposalDescription({
      title: "Bench grant",
      cid: "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am",
    }),
  );
  const propose = await gasOf(governor(proposer).write.propose(proposeArgs(proposal)));
  const read = governor(relayer).read;
  await advanceTimePast(publicClient, await read.proposalSnapshot([proposal.id]));
  const castVote = await gasOf(governor(proposer).write.castVote([proposal.id, VoteType.For]));
  const ballot = { proposalId: proposal.id, support: VoteType.For, voter: signer.address, nonce: 0n };
  const signature = await signBallot(wallet(signer), governorAt.address, ballot);
  const castVoteBySig = await gasOf(
    governor(relayer).write.castVoteBySig([proposal.id, VoteType.For, signer.address, signature]),
  );
  const castVoteAfter = await gasOf(governor(selfDelegator).write.castVote([proposal.id, VoteType.Against]));
  await advanceTimePast(publicClient, await read.proposalDeadline([proposal.id]));
  const queue = await gasOf(governor(relayer).write.queue(operationArgs(proposal)));
  await advanceTimePast(publicClient, (await read.proposalEta([proposal.id])) - 1n);
  const execute = await gasOf(governor(relayer).write.execute(operationArgs(proposal)));

  return [
    ["propose (one call: a CitadelFund release)", propose],
    ["castVote (the vote that reaches quorum)", castVote],
    ["castVote (after quorum)", castVoteAfter],
    ["castVoteBySig (relayed, after quorum)", castVoteBySig],
    ["queue (schedules in the Timelock)", queue],
    ["execute (through the Timelock, pays the grant)", execute],
    ["delegate (first time, self)", delegate],
    ["delegateBySig (relayed, first time, self)", delegateBySig],
    ["handover to the Timelock (all its transactions)", handover],
  ].map(([k, v]) => [String(k), gas(v as bigint)]);
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
      // The first request also reads and decrypts the package; it counts among the fails.
      times[outcome].push(elapsed);
    }
    return (["fail", "pass"] as const).flatMap((outcome): [string, string][] => [
      [`${outcome}: p50`, ms(percentile(times[outcome], 50))],
      [`${outcome}: p99`, ms(percentile(times[outcome], 99))],
    ]);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * One local node for every gas figure and the grader: deploy, the AZR operations, mining, grading,
 * the marketplace, then governance (which hands the roles over).
 */
async function chainFigures() {
  const chain = await startChain(await freePort());
  try {
    // The deployer keeps its roles for the AZR and mining figures; governanceGas hands them over.
    const manifest = await deployLocal(chain.rpcUrl, { seed: false, governance: false });
    const evm = await chainAt(chain.rpcUrl);
    const azr = await azrGas(manifest, evm);
    const mining = await miningGas(manifest, evm);
    const grading = await gradingLatency(manifest, evm);
    const escrow = await escrowGas(manifest, evm);
    const governance = await governanceGas(manifest, evm);
    return { azr, mining, grading, escrow, governance };
  } finally {
    await stopAllServices();
  }
}

console.log(`Azora benchmark — ${new Date().toISOString()}\nMachine: ${machine()}`);
await runToCompletion("build", binOf("hardhat"), ["build", "--quiet"]);
const { azr, mining, grading, escrow, governance } = await chainFigures();
table("AZR gas per user operation (local Hardhat node)", azr);
miningTable(mining);
table("Grading latency, POST /api/grade's handler (local node, 100 fails and 100 passes)", grading);
table("Marketplace gas per step (JobEscrow, one job of 3 milestones)", escrow);
console.log(
  "  Public anchor: Sablier LockupTranched createWithTimestamps, 3 tranches: 255,708 gas; 2 tranches:\n" +
    "  190,270 (sablier-labs/v2-core benchmarks/, Foundry, token approved beforehand) — a stream that\n" +
    "  also mints an NFT, against a post that also takes the permit.",
);
table("Governance gas per operation (AzoraGovernor + AzoraTimelock, same node)", governance);
await appBench();

const indexer = await indexerBench();
table("Indexer: the synthetic history (BenchHistory, contracts/test/)", indexer.history);
table("Indexer: backfill of that history, same node", indexer.backfill);
table("Indexer: GraphQL latency of the app's queries (300 requests each)", indexer.latency);
table("Indexer: freshness", indexer.visible);
