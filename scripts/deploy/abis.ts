import { writeFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT } from "../stack/paths";
import { CONTRACT_NAMES } from "../../protocol/manifest";
import { readArtifact } from "./artifacts";

export const ABIS_MODULE = path.join(REPO_ROOT, "protocol", "abis.ts");

/**
 * The text of protocol/abis.ts for the compiled contracts in `artifacts/`: one ABI for each of
 * the protocol's `CONTRACT_NAMES` (to add a contract, add it there, then run `npm run abis`).
 */
export async function abisModule(): Promise<string> {
  const entries = await Promise.all(
    CONTRACT_NAMES.map(async (name) => {
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
