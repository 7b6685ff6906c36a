// npm run deploy [-- --config <file>] — deploys Azora to the chain at RPC_URL, writes the manifest,
// and hands every role to governance's Timelock. On the local chain (31337) `LOCAL_DEPLOY_CONFIG`
// (short governance periods, account #7 arbitrates); anywhere else the config file, which must name
// the bootstrap curators (scripts/deploy/config.ts, docs/deploying.md). `npm run deploy --
// --keep-roles` (local chain only) skips the handover, for `npm run seed`, which seeds and then
// hands over.
import { formatEther } from "viem";
import { chainToWrite, clientsFor, deployerAccount } from "./clients";
import { LOCAL_CHAIN_ID } from "../../protocol/chain";
import { baseUrlProblem } from "../../protocol/metadata-text";
import { readDeployConfig } from "./config";
import { LOCAL_DEPLOY_CONFIG, deployAzora } from "./contracts";
import { handOverToGovernance } from "./governance";
import { manifestPath, writeManifest } from "./manifest";

async function main() {
  const chain = await chainToWrite();
  const account = deployerAccount(chain);
  const flag = process.argv.indexOf("--config");
  const configFile = flag >= 0 ? process.argv[flag + 1] : undefined;
  if (flag >= 0 && !configFile) throw new Error("--config needs a file");
  if (!configFile && chain.id !== LOCAL_CHAIN_ID) {
    throw new Error(
      `Chain ${chain.id} is not the local chain: give the deploy config with --config <file> ` +
        "(copy scripts/deploy/config.example.json; it names the bootstrap curators, see docs/deploying.md)",
    );
  }
  const config = configFile ? (await readDeployConfig(configFile, chain.id)).deploy : LOCAL_DEPLOY_CONFIG;
  const capAzr = process.env.AZR_CAP ? BigInt(process.env.AZR_CAP) : config.capAzr;
  const publicAppUrl = process.env.PUBLIC_APP_URL ?? config.publicAppUrl;
  const urlProblem = baseUrlProblem(publicAppUrl);
  if (urlProblem) throw new Error(`PUBLIC_APP_URL "${publicAppUrl}": ${urlProblem}`);
  const keepRoles = process.argv.includes("--keep-roles");
  if (keepRoles && chain.id !== LOCAL_CHAIN_ID) throw new Error("--keep-roles is for the local chain only");

  const clients = clientsFor(chain, account);
  const balance = await clients.publicClient.getBalance({ address: account.address });
  if (balance === 0n) {
    throw new Error(
      `The deployer ${account.address} has no ETH on chain ${chain.id}: send it some first (docs/deploying.md, "Fund the keys")`,
    );
  }
  console.log(
    `Deploying Azora to chain ${chain.id} from ${account.address} (${formatEther(balance)} ETH)` +
      (configFile ? `, config ${configFile}` : ", the local config"),
  );
  const manifest = await deployAzora(clients, { ...config, capAzr, publicAppUrl });
  await writeManifest(manifest);
  for (const [name, contract] of Object.entries(manifest.contracts)) {
    console.log(`  ${name.padEnd(16)} ${contract.address}  (block ${contract.blockNumber})`);
  }
  for (const [what, list] of [
    ["bootstrap curator", manifest.appointees?.curators ?? []],
    ["guardian", manifest.appointees?.guardians ?? []],
  ] as const) {
    for (const { account: who, termEndsAt } of list) {
      console.log(`  ${what} ${who} until ${new Date(termEndsAt * 1000).toISOString()}`);
    }
  }
  console.log(`Manifest written to ${manifestPath(manifest.chainId)}`);

  if (keepRoles) {
    console.log("The deployer keeps every role (--keep-roles): npm run seed seeds, then hands them over.");
    return;
  }
  console.log("Handing every role over to the AzoraTimelock:");
  for (const { contract, what, toTimelock } of await handOverToGovernance(
    manifest,
    clients,
    config.governance,
  )) {
    console.log(`  ${contract.padEnd(16)} ${what.padEnd(14)} ${toTimelock ? "→ Timelock" : "renounced"}`);
  }
  const spent = balance - (await clients.publicClient.getBalance({ address: account.address }));
  console.log(
    `The deployer ${account.address} now holds no role in any Azora contract (it spent ${formatEther(spent)} ETH); ` +
      "every role and owner is as expected (npm run verify-deployment lists them).",
  );
}

try {
  await main();
} catch (error) {
  // A refusal says what to do instead: print it, not a stack trace.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
