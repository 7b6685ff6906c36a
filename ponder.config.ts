// What Azora's indexer (indexer/) indexes: every contract of the deploy manifest, from the
// block it was deployed in. The manifest is the one source of addresses and ABIs.
import { createConfig } from "ponder";
import { manifest } from "./deployments/index";
import { LOCAL_CHAIN_ID, rpcUrlFromEnv } from "./protocol/chain";
import { contractOf } from "./protocol/manifest";
import type { ContractName } from "./protocol/manifest";

/** A deployed contract as a Ponder contract: its ABI (typed), address, and its deploy block. */
function indexed<Name extends ContractName>(name: Name) {
  return {
    chain: "azora",
    ...contractOf(manifest, name),
    startBlock: manifest.contracts[name].blockNumber,
  } as const;
}

export default createConfig({
  database: process.env.DATABASE_URL
    ? { kind: "postgres", connectionString: process.env.DATABASE_URL }
    : // Embedded PGlite, by default in indexer/.ponder/pglite.
      { kind: "pglite", directory: process.env.PONDER_PGLITE_DIR },
  chains: {
    azora: {
      id: manifest.chainId,
      rpc: rpcUrlFromEnv(),
      // A local chain never needs Ponder's RPC cache, and a fast poll keeps pages fresh.
      disableCache: manifest.chainId === LOCAL_CHAIN_ID,
      pollingInterval: Number(process.env.PONDER_POLLING_MS ?? 250),
      // For rate-limited RPC providers (Ponder's default is 50).
      ...(process.env.PONDER_MAX_RPS ? { maxRequestsPerSecond: Number(process.env.PONDER_MAX_RPS) } : {}),
    },
  },
  contracts: {
    AzoraToken: indexed("AzoraToken"),
    CitadelFund: indexed("CitadelFund"),
    ProofOfKnowledge: indexed("ProofOfKnowledge"),
    AzoraCredential: indexed("AzoraCredential"),
    JobEscrow: indexed("JobEscrow"),
    AzoraGovernor: indexed("AzoraGovernor"),
    AzoraTimelock: indexed("AzoraTimelock"),
  },
});
