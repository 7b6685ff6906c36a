// npm run seed — adds demo data to the deployment on the chain at RPC_URL, made by
// `npm run deploy -- --keep-roles` (the seed needs the deployer's roles): the AZR and learning
// seed, the handover to governance, the governance seed, the marketplace seed (`seedDemo`).
import { chainAt, clientsFor, deployerAccount } from "../deploy/clients";
import { rpcUrlFromEnv, LOCAL_CHAIN_ID, localAccount } from "../../protocol/chain";
import { powersOf } from "../deploy/governance";
import { readManifest } from "../deploy/manifest";
import { DEMO_PEOPLE } from "./learning";
import { seedDemo } from "../stack/stack";

const chain = await chainAt(rpcUrlFromEnv());
if (chain.id !== LOCAL_CHAIN_ID) {
  throw new Error(`The demo seed uses the local node's public accounts; chain ${chain.id} is not local`);
}
const manifest = await readManifest(chain.id);
const { publicClient, walletClient } = clientsFor(chain, deployerAccount(chain));
if ((await powersOf(manifest, { publicClient }, walletClient.account.address)).length === 0) {
  throw new Error(
    "The deployer holds no role any more (governance took over), so it cannot seed: " +
      "deploy with `npm run deploy -- --keep-roles` first, or use `npm run dev`",
  );
}
await seedDemo(manifest, { publicClient, deployer: walletClient });
console.log("Seeded demo data (the deployer has handed every role to the AzoraTimelock):");
for (const { index, name } of DEMO_PEOPLE) console.log(`  ${name.padEnd(8)} ${localAccount(index).address}`);
