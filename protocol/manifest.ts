// What a deployment is: the address and deploy block of every Azora contract on one chain. The
// deploy step writes one per chain id to deployments/; ABIs come from protocol/abis.ts (the same
// on every chain), so a page or a handler names a contract and never copies an address or an ABI.
import type { Address } from "viem";
import { abis } from "./abis";

/** Every contract of a deployment. */
export type ContractName = keyof typeof abis;
export const CONTRACT_NAMES = [
  "AzoraToken",
  "CitadelFund",
  "AzoraCredential",
  "ProofOfKnowledge",
  "JobEscrow",
  "AzoraTimelock",
  "AzoraGovernor",
] as const satisfies readonly ContractName[];

export interface DeployedContract {
  address: Address;
  /** Block of the deployment transaction: the indexer starts there. */
  blockNumber: number;
}

/** An account appointed at deploy to a role with a term (unix seconds when it ends). */
export interface TermAppointee {
  account: Address;
  termEndsAt: number;
}

/** Who the deploy appointed besides the Timelock: what the deployment audit expects. */
export interface Appointees {
  /** JobEscrow arbiters (until governance dismisses them). */
  arbiters: Address[];
  /** ProofOfKnowledge guardians: they pause claims and disable verifiers, for a term. */
  guardians: TermAppointee[];
  /** ProofOfKnowledge bootstrap curators: the first courses and verifier limits, for a term. */
  curators: TermAppointee[];
}

/** One chain's deployment, as `deployments/<chainId>.json` holds it. */
export interface Manifest {
  chainId: number;
  contracts: Record<ContractName, DeployedContract>;
  appointees?: Appointees;
}

/** A contract's address with its typed ABI: what viem and wagmi calls take. */
export interface Contract<Name extends ContractName> {
  address: Address;
  abi: (typeof abis)[Name];
}

/** Address and typed ABI of one contract of `manifest`. */
export function contractOf<Name extends ContractName>(manifest: Manifest, name: Name): Contract<Name> {
  return { address: manifest.contracts[name].address, abi: abis[name] };
}

/** Every contract of `manifest` with its typed ABI, by name. */
export function contractsOf(manifest: Manifest) {
  return {
    AzoraToken: contractOf(manifest, "AzoraToken"),
    CitadelFund: contractOf(manifest, "CitadelFund"),
    AzoraCredential: contractOf(manifest, "AzoraCredential"),
    ProofOfKnowledge: contractOf(manifest, "ProofOfKnowledge"),
    JobEscrow: contractOf(manifest, "JobEscrow"),
    AzoraTimelock: contractOf(manifest, "AzoraTimelock"),
    AzoraGovernor: contractOf(manifest, "AzoraGovernor"),
  };
}
