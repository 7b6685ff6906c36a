// What Azora's indexer (indexer/) indexes: every contract of the deploy manifest, from the
// block it was deployed in. The manifest is the one source of addresses and ABIs.
import { createConfig } from "ponder";
import type { Abi, Address } from "viem";
import { manifest } from "./deployments/manifest";

const {
  AzoraToken,
  CitadelFund,
  ProofOfKnowledge,
  AzoraCredential,
  JobEscrow,
  AzoraGovernor,
  AzoraTimelock,
} = manifest.contracts;

/** A manifest entry as a Ponder contract: its ABI (typed), address, and its deploy block. */
function indexed<TAbi extends Abi>(contract: { abi: TAbi; address: Address; blockNumber: number }) {
  return {
    chain: "azora",
    abi: contract.abi,
    address: contract.address,
    startBlock: contract.blockNumber,
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
      rpc: process.env.RPC_URL ?? "http://127.0.0.1:8545",
      // A local chain never needs Ponder's RPC cache, and a fast poll keeps pages fresh.
      disableCache: manifest.chainId === 31337,
      pollingInterval: Number(process.env.PONDER_POLLING_MS ?? 250),
      // For rate-limited RPC providers (Ponder's default is 50).
      ...(process.env.PONDER_MAX_RPS ? { maxRequestsPerSecond: Number(process.env.PONDER_MAX_RPS) } : {}),
    },
  },
  contracts: {
    AzoraToken: indexed(AzoraToken),
    CitadelFund: indexed(CitadelFund),
    ProofOfKnowledge: indexed(ProofOfKnowledge),
    AzoraCredential: indexed(AzoraCredential),
    JobEscrow: indexed(JobEscrow),
    AzoraGovernor: indexed(AzoraGovernor),
    AzoraTimelock: indexed(AzoraTimelock),
  },
});
