import { binOf, runToCompletion } from "../../scripts/stack/processes";

let built: Promise<void> | undefined;

/**
 * `next build`, once per test run: every test file that starts the production app shares it.
 * The build bakes in `deployments/index.ts`; every test stack deploys to a fresh local chain
 * from the same deployer, so the addresses are the same for all of them.
 */
export function buildApp(): Promise<void> {
  built ??= runToCompletion("next build", binOf("next"), ["build"]);
  return built;
}
