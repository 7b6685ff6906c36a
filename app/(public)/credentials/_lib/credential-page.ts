import "@/app/_lib/server-side";
import { getAddress, isAddress } from "viem";
import type { Address } from "viem";
import { credentialUrl, qrSvg } from "../_components/share";
import type { HeaderReader } from "../_components/share";
import { checkCall, parseCredentialId, readCredential, readHeldCredentials } from "./credential-chain";
import type { ChainCredential, HeldCredential } from "./credential-chain";
import { indexerView, readCourseInfo } from "./credential-extras";
import type { CourseInfo, IndexerView } from "./credential-extras";

// What the two verifier pages (pages/credentials/[id].tsx, pages/verify.tsx) read before they
// render, with the HTTP status each answer deserves.

export type CredentialPageView =
  | { kind: "invalid"; value: string }
  | { kind: "down"; failure: string }
  | { kind: "none"; id: bigint }
  | {
      kind: "found";
      credential: ChainCredential;
      course: CourseInfo | null;
      indexer: IndexerView;
      url: string;
      qr: string;
      call: ReturnType<typeof checkCall>;
    };

const STATUS: Record<CredentialPageView["kind"], number> = { invalid: 400, down: 503, none: 404, found: 200 };

/** The credential page's view of `param` (the URL's id segment, still percent-encoded). */
export async function credentialPage(
  param: string,
  headers: HeaderReader,
): Promise<{ status: number; view: CredentialPageView }> {
  const view = await credentialView(param, headers);
  return { status: STATUS[view.kind], view };
}

async function credentialView(param: string, headers: HeaderReader): Promise<CredentialPageView> {
  const id = parseCredentialId(param);
  if (id === null) return { kind: "invalid", value: safeDecode(param).slice(0, 100) };
  const chain = await readCredential(id);
  if (!chain.ok) return { kind: "down", failure: chain.kind };
  const credential = chain.data;
  if (credential.verdict === "none") return { kind: "none", id };
  const url = credentialUrl(id, headers);
  const [course, indexer, qr] = await Promise.all([
    readCourseInfo(credential.course?.contentCid),
    indexerView(credential),
    qrSvg(url),
  ]);
  return { kind: "found", credential, course, indexer, url, qr, call: checkCall(id) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export type HeldWithCourse = HeldCredential & { title: string | null };

/** /verify's answer for an address: every credential it holds, each with its course's title. */
export async function heldCredentialsView(
  address: Address,
): Promise<{ ok: true; held: HeldWithCourse[] } | { ok: false; failure: string }> {
  const held = await readHeldCredentials(address);
  if (!held.ok) return { ok: false, failure: held.kind };
  return {
    ok: true,
    held: await Promise.all(
      held.data.map(async (credential) => ({
        ...credential,
        title: (await readCourseInfo(credential.contentCid))?.title ?? null,
      })),
    ),
  };
}

/** What a reader pasted into /verify: a credential (its page's path), an address, or nothing we know. */
export type VerifyTarget =
  { kind: "credential"; path: string } | { kind: "address"; address: Address } | null;

/** A credential id, a credential link (…/credentials/<id>) or an address, as pasted. */
export function verifyTarget(query: string): VerifyTarget {
  const value = query.trim();
  const link = /\/credentials\/([0-9]{1,78})\/?(?:[?#].*)?$/.exec(value);
  if (link) return { kind: "credential", path: `/credentials/${link[1]}` };
  if (/^[0-9]{1,78}$/.test(value)) return { kind: "credential", path: `/credentials/${value}` };
  if (isAddress(value, { strict: false }))
    return { kind: "address", address: getAddress(value.toLowerCase()) };
  return null;
}
