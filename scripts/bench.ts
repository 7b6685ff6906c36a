// npm run bench — gas of each user operation and the app's first-load JS, with the machine.
// Figures are printed, never asserted: timing and size goals live here, not in tests.
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { getContract, parseSignature, parseUnits } from "viem";
import type { Hash } from "viem";
import { chainAt, clientsFor } from "./lib/clients.js";
import { localAccount } from "./lib/local-accounts.js";
import { contractOf } from "./lib/manifest.js";
import { REPO_ROOT } from "./lib/paths.js";
import { binOf, freePort, runToCompletion, stopAllServices } from "./lib/processes.js";
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

async function azrGas(): Promise<[string, string][]> {
  const chain = await startChain(await freePort());
  try {
    const manifest = await deployLocal(chain.rpcUrl, { seed: false });
    const evm = await chainAt(chain.rpcUrl);
    const { abi, address } = contractOf(manifest, "AzoraToken");
    const as = (index: number) => {
      const { walletClient, publicClient } = clientsFor(evm, localAccount(index));
      return { token: getContract({ abi, address, client: walletClient }), walletClient, publicClient };
    };
    const deployer = as(0);
    const gasOf = async (hash: Promise<Hash>) =>
      (await deployer.publicClient.waitForTransactionReceipt({ hash: await hash })).gasUsed;
    const [a, b, c, d] = [1, 2, 3, 4].map((i) => localAccount(i).address) as [
      `0x${string}`,
      `0x${string}`,
      `0x${string}`,
      `0x${string}`,
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
    const { v, r, s } = parseSignature(
      await owner.signTypedData({
        domain: { name: "Azora", version: "1", chainId: evm.id, verifyingContract: address },
        types: {
          Permit: [
            { name: "owner", type: "address" },
            { name: "spender", type: "address" },
            { name: "value", type: "uint256" },
            { name: "nonce", type: "uint256" },
            { name: "deadline", type: "uint256" },
          ],
        },
        primaryType: "Permit",
        message: { owner: a, spender: d, value: parseUnits("5", 18), nonce, deadline },
      }),
    );
    const permit = await gasOf(
      as(4).token.write.permit([a, d, parseUnits("5", 18), deadline, Number(v), r, s]),
    );

    return [
      ["mint (minter → new holder)", mint],
      ["transfer to a new holder", transferNew],
      ["transfer to an existing holder", transferExisting],
      ["transfer between delegated holders", transferDelegated],
      ["delegate (first time, self)", delegateFirst],
      ["delegate (change delegate)", redelegate],
      ["permit (relayed)", permit],
    ].map(([k, v]) => [String(k), `${Number(v).toLocaleString("en-US")} gas`]);
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
table("AZR gas per user operation (local Hardhat node)", await azrGas());
table("App first-load JS per route (gzipped, production build)", await firstLoadJs());
