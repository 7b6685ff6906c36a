// The signed upload, as the browser (or a script) makes it and `POST /api/content` checks it.
// Client-safe: Web APIs only.

/** The request headers that carry the signature. */
export const UPLOAD_HEADERS = {
  signer: "x-azora-signer",
  signature: "x-azora-signature",
  expires: "x-azora-expires",
} as const;

/** How long an upload signature is valid; the server refuses expiries further ahead (plus a minute of clock skew). */
export const UPLOAD_SIGNATURE_TTL_SECONDS = 300;

/**
 * The message an uploader signs with their wallet (EIP-191 `personal_sign`), three lines:
 *
 *     Azora content upload
 *     sha256: <SHA-256 of the request body, byte for byte, as 64 lowercase hex digits>
 *     expires: <the x-azora-expires header: an ISO 8601 UTC time, e.g. 2026-03-01T12:05:00.000Z>
 *
 * sent with the headers `x-azora-signer` (the address), `x-azora-signature` (0x…) and
 * `x-azora-expires`. The signature binds this exact body to the signer until the expiry.
 */
export function uploadMessage({ sha256, expires }: { sha256: string; expires: string }): string {
  return `Azora content upload\nsha256: ${sha256}\nexpires: ${expires}`;
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** One file with its media type, or a directory's files by relative path (sent as multipart). */
export type UploadContent =
  | { bytes: Uint8Array<ArrayBuffer>; type: string }
  | { files: { path: string; bytes: Uint8Array<ArrayBuffer> }[] };

export interface UploadSigner {
  address: `0x${string}`;
  /** EIP-191 `personal_sign` of the message (e.g. wagmi's `signMessageAsync({ message })`). */
  signMessage(message: string): Promise<`0x${string}`>;
}

/**
 * The body and headers of a signed upload, for `fetch("/api/content", { method: "POST", ...it })`
 * (add `?format=course` and so on to have the server check the format).
 */
export async function signedUpload(
  content: UploadContent,
  signer: UploadSigner,
  now: number = Date.now(),
): Promise<{ body: Uint8Array<ArrayBuffer>; headers: Record<string, string> }> {
  let body: Uint8Array<ArrayBuffer>;
  let contentType: string;
  if ("files" in content) {
    const form = new FormData();
    for (const { path, bytes } of content.files) form.append("file", new Blob([bytes]), path);
    const encoded = new Response(form);
    body = new Uint8Array(await encoded.arrayBuffer());
    contentType = encoded.headers.get("content-type") ?? "multipart/form-data";
  } else {
    body = content.bytes;
    contentType = content.type;
  }
  const expires = new Date(now + UPLOAD_SIGNATURE_TTL_SECONDS * 1000).toISOString();
  const signature = await signer.signMessage(uploadMessage({ sha256: await sha256Hex(body), expires }));
  return {
    body,
    headers: {
      "content-type": contentType,
      [UPLOAD_HEADERS.signer]: signer.address,
      [UPLOAD_HEADERS.signature]: signature,
      [UPLOAD_HEADERS.expires]: expires,
    },
  };
}
