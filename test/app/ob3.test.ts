import { expect } from "chai";
import type { Address } from "viem";
import type { ChainCredential } from "../../app/(public)/credentials/_lib/credential-chain";
import { OB3_CONTEXT, openBadge } from "../../app/(public)/credentials/_lib/ob3";
import { ob3Validator } from "../support/ob3";

const HOLDER: Address = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const ISSUER: Address = "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720";

function credential(overrides: Partial<ChainCredential> = {}): ChainCredential {
  return {
    id: (BigInt(HOLDER) << 96n) | 1n,
    holder: HOLDER,
    courseId: 1n,
    verdict: "valid",
    isValid: true,
    record: { issuer: ISSUER, issuedAt: 1_764_633_600n, expiresAt: 1_796_169_600n, score: 9200 },
    course: { minScore: 7000, contentCid: "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi" },
    chainId: 31337,
    contract: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
    blockNumber: 120n,
    blockTime: 1_764_700_000n,
    ...overrides,
  };
}

describe("app › Open Badges 3.0 export", function () {
  const validate = ob3Validator();
  const base = { url: "https://azora.example/credentials/1", origin: "https://azora.example" };

  it("is a valid OpenBadgeCredential for a valid credential, with the course, score and on-chain anchor", function () {
    const badge = openBadge({
      ...base,
      credential: credential(),
      course: { title: "Wallets and safety", language: "en" },
    });
    expect(validate(badge), JSON.stringify(validate.errors)).to.equal(true);
    expect(badge["@context"]).to.deep.equal([...OB3_CONTEXT]);
    expect(badge.credentialSubject.achievement.name).to.equal("Wallets and safety");
    expect(badge.credentialSubject.result[0]?.value).to.equal("92%");
    expect(badge.validUntil).to.equal("2026-12-02T00:00:00Z");
    expect(badge.credentialStatus).to.include({ chainId: 31337, tokenId: badge.credentialStatus.tokenId });
    expect(badge.credentialStatus.contract).to.equal("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");
  });

  it("is a valid OpenBadgeCredential for a revoked credential that never expires, and carries the reason", function () {
    const badge = openBadge({
      ...base,
      credential: credential({
        verdict: "revoked",
        isValid: false,
        record: { issuer: ISSUER, issuedAt: 1_764_633_600n, expiresAt: 0n, score: 7850 },
        revocation: {
          revoker: ISSUER,
          reason: "Answers copied",
          at: 1_764_640_000n,
          transactionHash: "0x00",
        },
      }),
      course: null,
    });
    expect(validate(badge), JSON.stringify(validate.errors)).to.equal(true);
    expect(badge).not.to.have.property("validUntil");
    expect(badge.credentialStatus).to.include({
      verdictAtExport: "revoked",
      revocationReason: "Answers copied",
    });
    expect(badge.credentialSubject.result[0]?.value).to.equal("78.5%");
  });

  it("fails the schema without its OB 3.0 context (the validator is really checking)", function () {
    const badge = openBadge({ ...base, credential: credential(), course: null });
    expect(validate({ ...badge, "@context": ["https://www.w3.org/ns/credentials/v2"] })).to.equal(false);
  });
});
