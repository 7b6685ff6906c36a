// npm run verify-deployment — audits an Azora deployment on any chain: every role holder and owner
// of every contract against the expected set (the Timelock, the contracts' own roles and the
// manifest's appointees), and no Timelock operation pending that a proposal did not queue
// (scripts/deploy/audit.ts). RPC_URL picks the chain (default the local node); `--manifest <file>`
// the manifest (default deployments/<chain id>.json). Exits 1 when anything differs.
import { readFile } from "node:fs/promises";
import { createPublicClient, http } from "viem";
import { rpcUrlFromEnv } from "../../protocol/chain";
import type { Manifest } from "../../protocol/manifest";
import { auditDeployment, formatAudit } from "./audit";
import { chainAt } from "./clients";
import { readManifest } from "./manifest";

async function main() {
  const rpcUrl = rpcUrlFromEnv();
  const chain = await chainAt(rpcUrl);
  const flag = process.argv.indexOf("--manifest");
  const file = flag >= 0 ? process.argv[flag + 1] : undefined;
  const manifest: Manifest = file ? JSON.parse(await readFile(file, "utf8")) : await readManifest(chain.id);
  if (manifest.chainId !== chain.id) {
    throw new Error(`The manifest is for chain ${manifest.chainId}, but ${rpcUrl} is chain ${chain.id}`);
  }
  const publicClient = createPublicClient({ chain, transport: http(rpcUrl) });
  const audit = await auditDeployment(manifest, publicClient);
  console.log(`Azora deployment on chain ${chain.id} (${rpcUrl}):`);
  console.log(formatAudit(manifest, audit));
  process.exitCode = audit.problems.length === 0 ? 0 : 1;
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
