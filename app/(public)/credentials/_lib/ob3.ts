import type { ChainCredential } from "./credential-chain";

// The Open Badges 3.0 export of a credential (an `OpenBadgeCredential`, W3C VC 2.0 data model),
// checked against schemas/open-badges-3.0/achievementcredential.schema.json by the tests.
//
// Unsigned: its proof is the chain. Anyone checks it with `isValid(id)` on the contract named in
// `credentialStatus` (and `evidence`). A signed VC would carry a `proof` (Data Integrity
// `eddsa-rdfc-2022`, or a VC-JOSE JWT) made by a key the issuer publishes in a DID document
// (e.g. `did:web` of this site); the grader's verifier key, which signs the completion on chain,
// is an Ethereum key and would sign with `EcdsaSecp256k1Signature2019` instead.

export const OB3_CONTEXT = [
  "https://www.w3.org/ns/credentials/v2",
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
] as const;

export interface Ob3Input {
  credential: ChainCredential;
  /** The credential page's absolute URL. */
  url: string;
  /** The site's origin, for the course's URL. */
  origin: string;
  course: { title: string; language: string } | null;
}

function iso(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** `did:pkh` of an Ethereum account on the credential's chain (CAIP-10). */
export function didPkh(chainId: number, address: string): string {
  return `did:pkh:eip155:${chainId}:${address}`;
}

/** The credential as an OpenBadgeCredential. Only for an issued credential (it has a record). */
export function openBadge({ credential, url, origin, course }: Ob3Input) {
  const record = credential.record;
  if (!record) throw new Error("a credential with no record has no Open Badge");
  const percent = (bps: number) => `${(bps / 100).toFixed(2).replace(/\.?0+$/, "")}%`;
  const courseName = course?.title ?? `Azora course #${credential.courseId}`;
  const pass = credential.course ? percent(credential.course.minScore) : undefined;
  const anchor = {
    chainId: credential.chainId,
    contract: credential.contract,
    tokenId: credential.id.toString(),
    function: "isValid(uint256) returns (bool)",
  };
  return {
    "@context": [...OB3_CONTEXT],
    id: url,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: `${courseName}: Azora credential`,
    description: `A soulbound Azora credential (ERC-721 token ${credential.id} of ${credential.contract} on chain ${credential.chainId}): its holder passed "${courseName}". It counts only while isValid(${credential.id}) on that contract returns true.`,
    issuer: {
      id: didPkh(credential.chainId, record.issuer),
      type: ["Profile"],
      name: "Azora course verifier",
      url: origin,
    },
    validFrom: iso(record.issuedAt),
    ...(record.expiresAt !== 0n ? { validUntil: iso(record.expiresAt) } : {}),
    awardedDate: iso(record.issuedAt),
    credentialSubject: {
      id: didPkh(credential.chainId, credential.holder),
      type: ["AchievementSubject"],
      achievement: {
        id: `${origin}/learn/${credential.courseId}`,
        type: ["Achievement"],
        achievementType: "Course",
        name: courseName,
        description: `The Azora course "${courseName}", published on IPFS${credential.course ? ` (${credential.course.contentCid})` : ""}.`,
        criteria: {
          narrative: pass
            ? `Pass the course's quiz with at least ${pass}, graded and signed by the course's verifier.`
            : "Pass the course's quiz, graded and signed by the course's verifier.",
        },
        ...(course ? { inLanguage: course.language } : {}),
      },
      result: [{ type: ["Result"], value: percent(record.score) }],
    },
    credentialStatus: {
      id: `${url}#status`,
      type: "AzoraCredentialOnChainStatus",
      ...anchor,
      verdictAtExport: credential.verdict,
      blockNumber: credential.blockNumber.toString(),
      ...(credential.revocation ? { revocationReason: credential.revocation.reason } : {}),
    },
    evidence: [
      {
        id: url,
        type: ["Evidence"],
        name: "On-chain anchor",
        narrative: `Call ${anchor.function} with ${anchor.tokenId} on ${anchor.contract} (chain id ${anchor.chainId}).`,
      },
    ],
  };
}
