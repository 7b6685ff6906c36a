import { writeFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT } from "../stack/paths";
import { readArtifact } from "./artifacts";

/** The contracts of a deployment: their ABIs are the protocol's (protocol/abis.ts). */
export const DEPLOYED_CONTRACTS = [
  "AzoraToken",
  "CitadelFund",
  "AzoraCredential",
  "ProofOfKnowledge",
  "JobEscrow",
  "AzoraTimelock",
  "AzoraGovernor",
] as const;

export const ABIS_MODULE = path.join(REPO_ROOT, "protocol", "abis.ts");

/** The text of protocol/abis.ts for the compiled contracts in `artifacts/`. */
export async function abisModule(): Promise<string> {
  const entries = await Promise.all(
    DEPLOYED_CONTRACTS.map(async (name) => {
      const { abi } = await readArtifact(name);
      return `  ${name}: ${JSON.stringify(abi)},`;
    }),
  );
  return [
    "// Generated from the compiled contracts by `npm run abis` (scripts/deploy/abis.ts). Do not edit.",
    "/** The ABI of every deployed contract, typed `as const` for viem, wagmi and Ponder. */",
    "export const abis = {",
    ...entries,
    "} as const;",
    "",
  ].join("\n");
}

/** Regenerates protocol/abis.ts. */
export async function writeAbis(): Promise<void> {
  await writeFile(ABIS_MODULE, await abisModule());
}
