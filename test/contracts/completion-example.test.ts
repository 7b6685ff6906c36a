import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { network } from "hardhat";
import {
  concat,
  encodeAbiParameters,
  keccak256,
  parseSignature,
  serializeSignature,
  toFunctionSelector,
  toHex,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { COMPLETION_TYPES, completionDomain } from "../../protocol/eip712";
import { LOCAL_DEPLOY_CONFIG, deployAzora } from "../../scripts/deploy/contracts";
import { LOCAL_VERIFIER_INDEX, localAccount } from "../../protocol/chain";
import { REPO_ROOT } from "../../scripts/stack/paths";
import { seedAzora } from "../../scripts/seed/learning";

/**
 * The worked example of docs/protocol.md's "Proof of Knowledge: the Completion voucher" section. Every
 * value below is printed there; these tests recompute each one from the inputs, check that a
 * fresh local deployment agrees, and check that the docs still show them.
 */
const EXAMPLE = {
  // inputs
  verifierKey: "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
  verifier: "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f",
  chainId: 31337,
  proofOfKnowledge: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
  learner: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  courseId: 1n,
  score: 8500,
  deadline: 1893456000n,
  // outputs
  domainTypeHash: "0x8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f",
  nameHash: "0xa7629000706cc0979684c80cae47f41519f1c7bab9df550ee4aad618aa08c9fc",
  versionHash: "0xc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc6",
  domainSeparator: "0x3d69d54c9c9d56473386daf441aec3d79d80ea4597bfb8e6b59a139d1072edd0",
  completionTypeHash: "0x81f3bfc1c520bbe63b0b8a42540dd1db2f8f4a1859a96e5cfb515916ffdc4532",
  structHash: "0x6a4bd76f23230548d1400f8824ed3497038fe18dfc23e0315493ea46326ebca9",
  digest: "0x5a4724ab63b0bb02567085e65cb57435009b92c5987dcdca899cad39ed8366e1",
  r: "0x2a06da81b534766098c635088043a3f2f859e0f40bc7679d405d55f31b0d1d4f",
  s: "0x7a525785003b1891fb9c4e56fb90143a38c93160ac99a0b567fff156e7c7f41d",
  v: 27,
  signature:
    "0x2a06da81b534766098c635088043a3f2f859e0f40bc7679d405d55f31b0d1d4f7a525785003b1891fb9c4e56fb90143a38c93160ac99a0b567fff156e7c7f41d1b",
  claimSelector: "0x47953b77",
  credentialId: "0x70997970c51812dc3a010c7d01b50e0d17dc79c8000000000000000000000001",
} as const;

const completion = {
  learner: EXAMPLE.learner,
  courseId: EXAMPLE.courseId,
  score: EXAMPLE.score,
  deadline: EXAMPLE.deadline,
} as const;

describe("docs › worked example of the Completion voucher", () => {
  it("uses local account #8's public development key as the verifier", () => {
    expect(privateKeyToAccount(EXAMPLE.verifierKey).address).to.equal(EXAMPLE.verifier);
    expect(localAccount(LOCAL_VERIFIER_INDEX).address).to.equal(EXAMPLE.verifier);
    expect(localAccount(1).address).to.equal(EXAMPLE.learner); // Amara: no claim of hers in the seed
  });

  it("recomputes every hash step by step, as any language would", () => {
    const hash = (text: string) => keccak256(toHex(text));
    expect(
      hash("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
    ).to.equal(EXAMPLE.domainTypeHash);
    expect(hash("Azora ProofOfKnowledge")).to.equal(EXAMPLE.nameHash);
    expect(hash("1")).to.equal(EXAMPLE.versionHash);
    expect(hash("Completion(address learner,uint256 courseId,uint16 score,uint64 deadline)")).to.equal(
      EXAMPLE.completionTypeHash,
    );
    const domainSeparator = keccak256(
      encodeAbiParameters(
        [
          { type: "bytes32" },
          { type: "bytes32" },
          { type: "bytes32" },
          { type: "uint256" },
          { type: "address" },
        ],
        [
          EXAMPLE.domainTypeHash,
          EXAMPLE.nameHash,
          EXAMPLE.versionHash,
          BigInt(EXAMPLE.chainId),
          EXAMPLE.proofOfKnowledge,
        ],
      ),
    );
    expect(domainSeparator).to.equal(EXAMPLE.domainSeparator);
    const structHash = keccak256(
      encodeAbiParameters(
        [
          { type: "bytes32" },
          { type: "address" },
          { type: "uint256" },
          { type: "uint16" },
          { type: "uint64" },
        ],
        [EXAMPLE.completionTypeHash, EXAMPLE.learner, EXAMPLE.courseId, EXAMPLE.score, EXAMPLE.deadline],
      ),
    );
    expect(structHash).to.equal(EXAMPLE.structHash);
    expect(keccak256(concat(["0x1901", domainSeparator, structHash]))).to.equal(EXAMPLE.digest);
    expect(toFunctionSelector("claim((address,uint256,uint16,uint64),bytes)")).to.equal(
      EXAMPLE.claimSelector,
    );
  });

  it("signs the digest deterministically (RFC 6979) to the same r, s, v with any EIP-712 library", async () => {
    const verifier = privateKeyToAccount(EXAMPLE.verifierKey);
    const signature = await verifier.signTypedData({
      domain: completionDomain(EXAMPLE.chainId, EXAMPLE.proofOfKnowledge),
      types: COMPLETION_TYPES,
      primaryType: "Completion",
      message: completion,
    });
    expect(signature).to.equal(EXAMPLE.signature);
    expect(await verifier.sign({ hash: EXAMPLE.digest })).to.equal(EXAMPLE.signature);
    const { r, s, v } = parseSignature(signature);
    expect({ r, s, v: Number(v) }).to.deep.equal({ r: EXAMPLE.r, s: EXAMPLE.s, v: EXAMPLE.v });
    expect(serializeSignature({ r: EXAMPLE.r, s: EXAMPLE.s, v: BigInt(EXAMPLE.v) })).to.equal(
      EXAMPLE.signature,
    );
  });

  it("matches a fresh local deployment: same ProofOfKnowledge address, same digest, and the seeded chain accepts it", async () => {
    // A new in-process chain: the deployer's nonces start at 0, as on a fresh `npm run dev` node.
    const { viem } = await network.create();
    const publicClient = await viem.getPublicClient();
    const wallets = await viem.getWalletClients();
    const [deployer, relayer] = [wallets[0]!, wallets[9]!];
    const manifest = await deployAzora({ publicClient, walletClient: deployer }, LOCAL_DEPLOY_CONFIG);
    expect(manifest.contracts.ProofOfKnowledge?.address).to.equal(EXAMPLE.proofOfKnowledge);
    const pok = await viem.getContractAt("ProofOfKnowledge", EXAMPLE.proofOfKnowledge);
    const credential = await viem.getContractAt(
      "AzoraCredential",
      manifest.contracts.AzoraCredential!.address,
    );
    expect(await pok.read.completionDigest([completion])).to.equal(EXAMPLE.digest);
    // The README lists every address of a fresh local deployment.
    const readme = await readFile(path.join(REPO_ROOT, "README.md"), "utf8");
    for (const [name, { address }] of Object.entries(manifest.contracts)) {
      expect(readme, `README is missing ${name} at ${address}`).to.include(`${name} \`${address}\``);
    }

    // Seeded like `npm run dev` (course 1 verified by account #8): Amara's voucher is claimable.
    const courses = ["wallets-and-safety", "budgeting-irregular-income", "typescript-first-steps"].map(
      (slug) => ({
        slug,
        title: `Example: ${slug}`,
        contentCid: `bafkrei-example-${slug}`,
      }),
    );
    await seedAzora(manifest, { publicClient, deployer }, courses);
    expect(await pok.read.verifierOf([EXAMPLE.courseId])).to.equal(EXAMPLE.verifier);
    const { timestamp } = await publicClient.getBlock();
    expect(
      timestamp < EXAMPLE.deadline,
      "the example's deadline (2030-01-01) has passed: pick a later one",
    ).to.equal(true);
    await pok.write.claim([completion, EXAMPLE.signature], { account: relayer.account });
    const id = await credential.read.credentialOf([EXAMPLE.learner, EXAMPLE.courseId]);
    expect(await credential.read.isValid([id])).to.equal(true);
    expect(await credential.read.scoreOf([id])).to.equal(EXAMPLE.score);
    expect(toHex(id)).to.equal(EXAMPLE.credentialId);
  });

  it("is what docs/protocol.md shows", async () => {
    const readme = await readFile(path.join(REPO_ROOT, "docs", "protocol.md"), "utf8");
    const start = readme.indexOf("## Proof of Knowledge: the Completion voucher");
    expect(start, "docs/protocol.md has no Completion voucher section").to.be.at.least(0);
    const section = readme.slice(start);
    for (const [name, value] of Object.entries(EXAMPLE)) {
      expect(section, `docs/protocol.md is missing ${name} = ${String(value)}`).to.include(String(value));
    }
  });
});
