import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { network } from "hardhat";
import { abisModule } from "../../scripts/deploy/abis";
import { LOCAL_DEPLOY_CONFIG, deployAzora } from "../../scripts/deploy/contracts";
import { readArtifact } from "../../scripts/deploy/artifacts";
import { REPO_ROOT } from "../../scripts/stack/paths";
import { manifest as committedManifest } from "../../deployments/index";
import { LOCAL_CHAIN_ID } from "../../protocol/chain";
import { SOLIDITY_ENUMS, enumNames } from "../../protocol/enums";
import { CONTRACT_NAMES } from "../../protocol/manifest";
import { Roles } from "../../protocol/roles";
import { deployed } from "../support/fixture";

interface AstNode {
  nodeType?: string;
  canonicalName?: string;
  members?: { name: string }[];
  [key: string]: unknown;
}

/** Every enum the compiler saw in the build of `contracts`, by canonical name, with its members. */
async function solidityEnums(contracts: readonly string[]): Promise<Map<string, string[]>> {
  const enums = new Map<string, string[]>();
  const builds = new Set<string>();
  for (const name of contracts) {
    const artifact = (await readArtifact(name)) as unknown as { buildInfoId: string };
    builds.add(artifact.buildInfoId);
  }
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) {
      const { nodeType, canonicalName, members } = node as AstNode;
      if (nodeType === "EnumDefinition" && canonicalName && members) {
        enums.set(
          canonicalName,
          members.map((member) => member.name),
        );
      }
      Object.values(node).forEach(walk);
    }
  };
  for (const id of builds) {
    const file = path.join(REPO_ROOT, "artifacts", "build-info", `${id}.output.json`);
    const { output } = JSON.parse(await readFile(file, "utf8")) as {
      output: { sources: Record<string, { ast: unknown }> };
    };
    for (const source of Object.values(output.sources)) walk(source.ast);
  }
  return enums;
}

describe("protocol › the TypeScript mirror equals the contracts", () => {
  it("has every Solidity enum of the contracts with the same members in the same order", async () => {
    const enums = await solidityEnums(CONTRACT_NAMES);
    for (const [name, values] of Object.entries(SOLIDITY_ENUMS)) {
      expect(enums.get(name), `${name} in the compiled contracts`).to.not.equal(undefined);
      expect(enumNames(values), name).to.deep.equal(enums.get(name));
      expect(Object.values(values), `${name} values`).to.deep.equal(enumNames(values).map((_, i) => i));
    }
    // Every enum the deployed contracts declare themselves (not OpenZeppelin's internals) is mirrored.
    const ours = [...enums.keys()].filter((name) =>
      /^(I?Azora|ICitadelFund|IJobEscrow|IProofOfKnowledge)/.test(name),
    );
    expect(ours.filter((name) => !(name in SOLIDITY_ENUMS))).to.deep.equal([]);
  });

  it("has every role id the deployed contracts answer from their <NAME>_ROLE() getters", async () => {
    const { token, credential, pok, escrow, timelock } = await deployed();
    const onChain = {
      DEFAULT_ADMIN: await token.read.DEFAULT_ADMIN_ROLE(),
      MINTER: await token.read.MINTER_ROLE(),
      REVOKER: await credential.read.REVOKER_ROLE(),
      CURATOR: await pok.read.CURATOR_ROLE(),
      GUARDIAN: await pok.read.GUARDIAN_ROLE(),
      ARBITER: await escrow.read.ARBITER_ROLE(),
      PROPOSER: await timelock.read.PROPOSER_ROLE(),
      EXECUTOR: await timelock.read.EXECUTOR_ROLE(),
      CANCELLER: await timelock.read.CANCELLER_ROLE(),
    };
    expect(onChain).to.deep.equal(Roles);
    expect(await credential.read.MINTER_ROLE()).to.equal(Roles.MINTER);
  });

  it("commits ABIs equal to the compiled contracts' (run `npm run abis` after changing one)", async () => {
    const committed = await readFile(path.join(REPO_ROOT, "protocol", "abis.ts"), "utf8");
    expect(committed === (await abisModule()), "protocol/abis.ts is stale: run `npm run abis`").to.equal(
      true,
    );
  });

  it("commits the local chain's deployment as a fresh local deploy writes it", async () => {
    expect(committedManifest.chainId).to.equal(LOCAL_CHAIN_ID);
    // A fresh in-process chain, deployed from its first account as `npm run dev` deploys.
    const { viem } = await network.create();
    const [deployer] = await viem.getWalletClients();
    const publicClient = await viem.getPublicClient();
    const manifest = await deployAzora({ publicClient, walletClient: deployer! }, LOCAL_DEPLOY_CONFIG);
    expect({ chainId: manifest.chainId, contracts: manifest.contracts }).to.deep.equal(committedManifest);
  });
});
