// npm run deploy — deploys Azora to the chain at RPC_URL and writes the manifest.
import { chainAt, clientsFor, deployerAccount, rpcUrlFromEnv } from "./lib/clients.js";
import { DEFAULT_DEPLOY_CONFIG, LOCAL_DEPLOY_CONFIG, deployAzora } from "./lib/deploy.js";
import { LOCAL_CHAIN_ID } from "./lib/local-accounts.js";
import { manifestPath, writeManifest } from "./lib/manifest.js";

const chain = await chainAt(rpcUrlFromEnv());
const account = deployerAccount(chain);
const config = chain.id === LOCAL_CHAIN_ID ? LOCAL_DEPLOY_CONFIG : DEFAULT_DEPLOY_CONFIG;
const capAzr = process.env.AZR_CAP ? BigInt(process.env.AZR_CAP) : config.capAzr;

console.log(`Deploying Azora to chain ${chain.id} from ${account.address}`);
const manifest = await deployAzora(clientsFor(chain, account), { ...config, capAzr });
await writeManifest(manifest);
for (const [name, contract] of Object.entries(manifest.contracts)) {
  console.log(`  ${name.padEnd(16)} ${contract.address}  (block ${contract.blockNumber})`);
}
console.log(`Manifest written to ${manifestPath(manifest.chainId)}`);
