// npm run use-deployment -- <chainId> — makes the deployment of chain <chainId> (deployments/<chainId>.json,
// or one deployments/index.ts already holds) the one the indexer and the app run against, by
// regenerating deployments/index.ts. The app compiles it in: build the app again afterwards.
import { selectDeployment } from "./manifest";

const chainId = Number(process.argv[2]);
if (!Number.isSafeInteger(chainId) || chainId <= 0) {
  console.error("Usage: npm run use-deployment -- <chainId>");
  process.exit(2);
}
const manifest = await selectDeployment(chainId);
console.log(
  `deployments/index.ts now selects chain ${chainId} (AzoraToken ${manifest.contracts.AzoraToken.address}): ` +
    "restart the indexer on a new schema and build the app again (npm run build)",
);
