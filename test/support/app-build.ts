import path from "node:path";
import { REPO_ROOT } from "../../scripts/stack/paths";
import { binOf, runToCompletion } from "../../scripts/stack/processes";

let built: Promise<void> | undefined;

/**
 * `npm run build` once per test run: `next build`, then `serwist build` (the service worker,
 * public/sw.js). Every test file that starts the production app shares it. The build bakes in
 * `deployments/index.ts`; every test stack deploys to a fresh local chain from the same
 * deployer, so the addresses are the same for all of them. `AZORA_APP_BUILT=1` reuses the build
 * already in `.next` (a rerun of one test file while iterating on the test alone).
 */
export function buildApp(): Promise<void> {
  built ??= (async () => {
    if (process.env.AZORA_APP_BUILT) return;
    await runToCompletion("next build", binOf("next"), ["build"]);
    await runToCompletion(
      "serwist build",
      path.join(REPO_ROOT, "node_modules", "@serwist", "cli", "cli.js"),
      ["build", "serwist.config.mjs"],
    );
  })();
  return built;
}
