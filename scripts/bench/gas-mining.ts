// Mining gas: the claims, revoke and burn of ProofOfKnowledge and AzoraCredential, next to the same
// mints done with stock OpenZeppelin parts (contracts/test/), and those parts one by one.
import { getAddress, getContract, keccak256, parseUnits, slice, toHex } from "viem";
import type { Abi, Account, Address, Hex } from "viem";
import { signCompletion } from "../../protocol/eip712";
import { localAccount, localRelayer, localVerifier } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import { readArtifact } from "../deploy/artifacts";
import { gas, table } from "./report";
import type { Rows } from "./report";
import type { BenchNode, FigureGroup } from "./setup";

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
  { publicClient, wallet, gasOf }: BenchNode,
  erc20: "MockERC20" | "MockERC20Votes",
  label: string,
): Promise<StockSet> {
  const deployer = wallet(localAccount(0));
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
    wallet(account ?? localAccount(0)).writeContract({
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
  parts: Rows;
  stockLabels: string[];
}

/**
 * Mining gas on the same node, after `azrGas`: the claims, revoke and burn of ProofOfKnowledge
 * and AzoraCredential, and the same mints done with stock OpenZeppelin parts in one transaction
 * each (MockStockMinter), from the same state: the fund and the learners hold the same balances.
 */
async function miningGas(node: BenchNode): Promise<MiningGas> {
  const { manifest, publicClient, wallet, gasOf } = node;
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
  for (const [n, reward, validity] of [
    [1, rewards[0], 31_536_000],
    [2, rewards[1], 0],
  ] as const) {
    await gasOf(
      pok(curator).write.registerCourse([
        {
          title: `Bench course ${n}`,
          contentCid: `bafkreibench${n}`,
          reward,
          verifier: verifier.account.address,
          minScore: 7_000,
          validity,
        },
      ]),
    );
  }
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
    await deployStock(node, "MockERC20", "ERC20 ×2 + ERC721"),
    await deployStock(node, "MockERC20Votes", "ERC20Votes ×2 + ERC721"),
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
  const parts: Rows = [];
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

export const miningGasGroup: FigureGroup<BenchNode> = {
  name: "gas-mining",
  async measure(node) {
    const mining = await miningGas(node);
    return () => miningTable(mining);
  },
};
