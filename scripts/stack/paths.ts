import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, whatever the working directory of the process. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Where deploy manifests live: `deployments/<chainId>.json` plus the generated, typed `index.ts`. */
export const DEPLOYMENTS_DIR = path.join(REPO_ROOT, "deployments");
