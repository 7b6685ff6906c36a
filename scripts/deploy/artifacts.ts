import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Abi, Hex } from "viem";
import { REPO_ROOT } from "../stack/paths";

export interface Artifact {
  contractName: string;
  abi: Abi;
  bytecode: Hex;
}

/**
 * Reads a compiled contract from Hardhat's `artifacts/` (run `hardhat build` first): contract
 * `name` of `contracts/<folder>/<name>.sol`.
 */
export async function readArtifact(name: string, folder = ""): Promise<Artifact> {
  const file = path.join(REPO_ROOT, "artifacts", "contracts", folder, `${name}.sol`, `${name}.json`);
  try {
    return JSON.parse(await readFile(file, "utf8")) as Artifact;
  } catch (error) {
    throw new Error(`No compiled artifact for ${name} at ${file}: run "npx hardhat build" first`, {
      cause: error,
    });
  }
}
