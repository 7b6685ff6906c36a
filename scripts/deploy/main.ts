// npm run deploy — deploys Azora to the chain at RPC_URL, writes the manifest, and hands every
// role to governance's Timelock. On the local chain (31337) `LOCAL_DEPLOY_CONFIG` (short
// governance periods, account #7 arbitrates); anywhere else the production defaults. `npm run deploy -- --keep-roles` (local chain
// only) skips the handover, for `npm run seed`, which seeds and then hands over.
import { chainAt, clientsFor, deployerAccount } from "./clients";
import { rpcUrlFromEnv, LOCAL_CHAIN_ID } from "../../protocol/chain";
import { DEFAULT_DEPLOY_CONFIG, LOCAL_DEPLOY_CONFIG, deployAzora } from "./contracts";
import { handOverToGovernance } from "./governance";
import { manifestPath, writeManifest } from "./manifest";

const chain = await chainAt(rpcUrlFromEnv());
const account = deployerAccount(chain);
const config = chain.id === LOCAL_CHAIN_ID ? LOCAL_DEPLOY_CONFIG : DEFAULT_DEPLOY_CONFIG;
const capAzr = process.env.AZR_CAP ? BigInt(process.env.AZR_CAP) : config.capAzr;
const keepRoles = process.argv.includes("--keep-roles");
if (keepRoles && chain.id !== LOCAL_CHAIN_ID) throw new Error("--keep-roles is for the local chain only");

console.log(`Deploying Azora to chain ${chain.id} from ${account.address}`);
const clients = clientsFor(chain, account);
const manifest = await deployAzora(clients, { ...config, capAzr });
await writeManifest(manifest);
for (const [name, contract] of Object.entries(manifest.contracts)) {
  console.log(`  ${name.padEnd(16)} ${contract.address}  (block ${contract.blockNumber})`);
}
console.log(`Manifest written to ${manifestPath(manifest.chainId)}`);

if (keepRoles) {
  console.log("The deployer keeps every role (--keep-roles): npm run seed seeds, then hands them over.");
  process.exit(0);
}
console.log("Handing every role over to the AzoraTimelock:");
for (const { contract, what, toTimelock } of await handOverToGovernance(
  manifest,
  clients,
  config.governance,
)) {
  console.log(`  ${contract.padEnd(16)} ${what.padEnd(14)} ${toTimelock ? "→ Timelock" : "renounced"}`);
}
console.log(
  `The deployer ${account.address} now holds no role in any Azora contract; every role and owner is as expected (npm run verify-deployment lists them).`,
);
