// npm run seed — adds demo data to the deployment on the chain at RPC_URL (made by
// `npm run deploy -- --keep-roles`): the AZR and learning seed with the deployer's roles, then
// the handover to governance, then the governance seed (proposals executed, defeated and open).
import { chainAt, clientsFor, deployerAccount, rpcUrlFromEnv } from "./lib/clients.js";
import { publishDemoCourses, publishProposalText } from "./lib/courses.js";
import { handOverToGovernance, LOCAL_GOVERNANCE_CONFIG, powersOf } from "./lib/governance.js";
import { LOCAL_CHAIN_ID, localAccount } from "./lib/local-accounts.js";
import { readManifest } from "./lib/manifest.js";
import { DEMO_PEOPLE, seedAzora } from "./lib/seed.js";
import { seedGovernance } from "./lib/seed-governance.js";

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
await seedAzora(manifest, { publicClient, deployer: walletClient }, await publishDemoCourses());
await handOverToGovernance(manifest, { publicClient, walletClient }, LOCAL_GOVERNANCE_CONFIG);
const governance = await seedGovernance(
  manifest,
  { publicClient, deployer: walletClient },
  publishProposalText,
);
console.log("Seeded demo data:");
for (const { index, name } of DEMO_PEOPLE) console.log(`  ${name.padEnd(8)} ${localAccount(index).address}`);
console.log(
  `Proposals: executed ${governance.executed.id}, defeated ${governance.defeated.id}, open ${governance.open.id}`,
);
