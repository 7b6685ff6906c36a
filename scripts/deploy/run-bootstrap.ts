// npm run bootstrap -- --config <file> | --end | --status: the bootstrap of a production deployment
// (scripts/deploy/bootstrap.ts, docs/deploying.md). With --config, the bootstrap curator
// (BOOTSTRAP_CURATOR_KEY) sets the verifier limits and registers the courses of the config's
// `bootstrap` plan, doing only what is missing; --end renounces its curator role now; --status
// lists the deployment's bootstrap curators and their terms. RPC_URL picks the chain.
import { createPublicClient, http } from "viem";
import { rpcUrlFromEnv } from "../../protocol/chain";
import { curatorStatus, endBootstrap, runBootstrap } from "./bootstrap";
import { accountFromKey, chainAt, chainToWrite, clientsFor } from "./clients";
import { readDeployConfig } from "./config";
import { readManifest } from "./manifest";

const USAGE = `Usage:
  npm run bootstrap -- --config <file>   set the verifier limits and register the courses of the file's "bootstrap"
  npm run bootstrap -- --end             renounce the bootstrap curator's role now (the DAO curates from then on)
  npm run bootstrap -- --status          list the bootstrap curators and their terms
The curator's key is BOOTSTRAP_CURATOR_KEY; RPC_URL is the chain (docs/deploying.md).`;

const args = process.argv.slice(2);
const [command, file] = args;
try {
  if (command === "--status" && args.length === 1) {
    const chain = await chainAt(rpcUrlFromEnv());
    const manifest = await readManifest(chain.id);
    const publicClient = createPublicClient({ chain, transport: http(chain.rpcUrls.default.http[0]) });
    const curators = manifest.appointees?.curators ?? [];
    if (curators.length === 0) console.log(`The deployment on chain ${chain.id} has no bootstrap curator.`);
    for (const { account, termEndsAt } of curators) {
      const { live } = await curatorStatus(manifest, publicClient, account);
      const term = new Date(termEndsAt * 1000).toISOString();
      console.log(
        `${account} ${live ? `curates until ${term}` : `no longer curates (its term was until ${term}; ended or renounced)`}`,
      );
    }
  } else if (
    (command === "--config" && file && args.length === 2) ||
    (command === "--end" && args.length === 1)
  ) {
    const chain = await chainToWrite();
    const account = accountFromKey("BOOTSTRAP_CURATOR_KEY", chain);
    if (!account)
      throw new Error(
        "Set BOOTSTRAP_CURATOR_KEY to the key of a bootstrap curator named in the deploy config",
      );
    const manifest = await readManifest(chain.id);
    const clients = clientsFor(chain, account);
    if (command === "--end") {
      await endBootstrap(manifest, clients);
      console.log(
        `${account.address} renounced CURATOR_ROLE on chain ${chain.id}: only the AzoraTimelock curates now ` +
          "(npm run verify-deployment shows it)",
      );
    } else {
      const { bootstrap } = await readDeployConfig(file!, chain.id);
      const steps = await runBootstrap(manifest, clients, bootstrap);
      console.log(`Bootstrap of chain ${chain.id} by ${account.address}:`);
      for (const { what, done } of steps) {
        console.log(`  ${done === "now" ? "done   " : "already"} ${what}`);
      }
    }
  } else {
    console.error(USAGE);
    process.exit(2);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
