// npm run seed — adds demo data to the deployment on the chain at RPC_URL.
import { chainAt, clientsFor, deployerAccount, rpcUrlFromEnv } from "./lib/clients.js";
import { readManifest } from "./lib/manifest.js";
import { DEMO_PEOPLE } from "./lib/seed.js";
import { seedDemo } from "./lib/stack.js";
import { LOCAL_CHAIN_ID, localAccount } from "./lib/local-accounts.js";

const chain = await chainAt(rpcUrlFromEnv());
if (chain.id !== LOCAL_CHAIN_ID) {
  throw new Error(`The demo seed uses the local node's public accounts; chain ${chain.id} is not local`);
}
const manifest = await readManifest(chain.id);
const { publicClient, walletClient } = clientsFor(chain, deployerAccount(chain));
await seedDemo(manifest, { publicClient, deployer: walletClient });
console.log("Seeded demo data:");
for (const { index, name } of DEMO_PEOPLE) console.log(`  ${name.padEnd(8)} ${localAccount(index).address}`);
