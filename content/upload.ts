import { getAddress, isAddress, isHex, verifyMessage } from "viem";
import type { Address } from "viem";
import { InvalidTreeError } from "./cid";
import { logFailure } from "./errors";
import type { TreeEntry } from "./cid";
import { FormatError, parseJsonFormat } from "./formats/common";
import { ENCRYPTED_ANSWERS } from "./formats/answer-key";
import { checkCoursePackage, clearAnswerKeyIssue } from "./formats/course-package";
import { JSON_FORMATS } from "./formats/index";
import type { JsonFormat } from "./formats/index";
import { CONTENT_TYPES, bytesMatch, contentTypeOfHeader, contentTypeOfName } from "./media-types";
import type { ContentType } from "./media-types";
import { RateLimiter, clientOf } from "./rate-limit";
import { readBoundedBody } from "./request-body";
import type { RateLimit } from "./rate-limit";
import type { ContentStore } from "./store";
import { UPLOAD_HEADERS, UPLOAD_SIGNATURE_TTL_SECONDS, sha256Hex, uploadMessage } from "./upload-request";

export interface UploadLimits {
  /** Largest request body accepted, in bytes (413 beyond). */
  maxBytes: number;
  /** Per client address (`clientOf`: the socket's, or the trusted proxy's `X-Forwarded-For` hop). */
  perClient: RateLimit;
  /** Per signing wallet. */
  perSigner: RateLimit;
  /** Bytes one client address may add per UTC day (429 until midnight UTC beyond). */
  bytesPerClientPerDay: number;
  /** Bytes everyone together may add per UTC day (503 until midnight UTC beyond). */
  bytesPerDay: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxBytes: 5 * 1024 * 1024,
  perClient: { burst: 30, perMinute: 10 },
  perSigner: { burst: 20, perMinute: 5 },
  bytesPerClientPerDay: 50 * 1024 * 1024,
  bytesPerDay: 1024 * 1024 * 1024,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Bytes added today, per client and in all (this process's memory: a restart starts the day's
 * counts again, which at most doubles a day's bound).
 */
class DailyQuota {
  private day = "";
  private total = 0;
  private readonly byClient = new Map<string, number>();

  constructor(private readonly limits: Pick<UploadLimits, "bytesPerClientPerDay" | "bytesPerDay">) {}

  /** Refuses (429 for the client, 503 for everyone) when `bytes` more would pass a bound; else counts them. */
  take(client: string, bytes: number, now: number, count: boolean): void {
    const day = new Date(now).toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.total = 0;
      this.byClient.clear();
    }
    const wait = String(Math.max(1, Math.ceil((DAY_MS - (now % DAY_MS)) / 1000)));
    const ofClient = this.byClient.get(client) ?? 0;
    if (ofClient + bytes > this.limits.bytesPerClientPerDay) {
      throw new UploadError(
        429,
        `this client's upload quota of ${this.limits.bytesPerClientPerDay} bytes a day is used (${ofClient} bytes today): try again after midnight UTC, in ${wait} s`,
        { "retry-after": wait },
      );
    }
    if (this.total + bytes > this.limits.bytesPerDay) {
      throw new UploadError(
        503,
        `the content store takes no more uploads today (its ${this.limits.bytesPerDay} bytes a day are used): try again after midnight UTC, in ${wait} s`,
        { "retry-after": wait },
      );
    }
    if (!count) return;
    this.byClient.set(client, ofClient + bytes);
    this.total += bytes;
  }
}

/** Who added what, one record per accepted upload. */
export interface UploadRecord {
  at: string;
  signer: Address;
  client: string;
  cid: string;
  bytes: number;
  files: number;
  format: string | null;
}

export interface UploadOptions extends Partial<UploadLimits> {
  store: () => Promise<ContentStore>;
  /** The clock, in ms (tests move it). */
  now?: () => number;
  /** Where accepted uploads are recorded; by default one JSON line on stdout. */
  log?: (record: UploadRecord) => void;
}

type UploadFormat = "course" | JsonFormat;

/**
 * `POST /api/content`: adds one file (body = the file, `Content-Type` its media type) or a
 * directory (`multipart/form-data`, one part per file, the part's filename its relative path),
 * signed by the uploader's wallet (see `uploadMessage`). Answers `201 { cid, bytes, files }`.
 * `?format=course|job-brief|proposal|credential` also checks the content against that format.
 *
 * Refuses: 401 unsigned, expired or wrong signature; 413 body over `maxBytes`; 415 a type we do
 * not store, or bytes that are not what they claim; 422 content that breaks its format, or an
 * `answers.json`; 429 too many uploads from this client or signer, or the client's bytes for
 * today used; 503 the day's bytes for everyone used (both with `Retry-After`). Every check that
 * costs nothing (rates, quotas against the declared size) comes before the body is read.
 */
export function createUploadHandler(options: UploadOptions): (request: Request) => Promise<Response> {
  const maxBytes = options.maxBytes ?? DEFAULT_UPLOAD_LIMITS.maxBytes;
  const clients = new RateLimiter(options.perClient ?? DEFAULT_UPLOAD_LIMITS.perClient);
  const signers = new RateLimiter(options.perSigner ?? DEFAULT_UPLOAD_LIMITS.perSigner);
  const quota = new DailyQuota({
    bytesPerClientPerDay: options.bytesPerClientPerDay ?? DEFAULT_UPLOAD_LIMITS.bytesPerClientPerDay,
    bytesPerDay: options.bytesPerDay ?? DEFAULT_UPLOAD_LIMITS.bytesPerDay,
  });
  const now = options.now ?? Date.now;
  const log =
    options.log ?? ((record) => console.info(JSON.stringify({ event: "content-upload", ...record })));

  return async function handleUpload(request) {
    try {
      const client = clientOf(request);
      limitRate(clients, client, now());
      const format = uploadFormat(new URL(request.url).searchParams.get("format"));
      const contentType = request.headers.get("content-type") ?? "";
      const kind = /^multipart\/form-data\s*;/i.test(contentType)
        ? "directory"
        : contentTypeOfHeader(contentType);
      if (!kind) throw new UploadError(415, `${contentType || "no content type"}: ${ACCEPTED}`);

      // The declared size against the day's quotas before reading; the real size after.
      quota.take(client, Number(request.headers.get("content-length")) || 1, now(), false);
      const body = await readBoundedBody(
        request,
        maxBytes,
        (status, message) => new UploadError(status, message),
      );
      const signer = await verifiedSigner(request.headers, body, now());
      limitRate(signers, signer, now());
      quota.take(client, body.length, now(), true);

      const store = await options.store();
      const added =
        kind === "directory"
          ? await addDirectory(store, await directoryFiles(body, contentType, format), format)
          : await addFile(store, body, kind, format);
      const cid = added.cid.toString();
      log({
        at: new Date(now()).toISOString(),
        signer,
        client,
        cid,
        bytes: body.length,
        files: added.files,
        format,
      });
      return Response.json({ cid, bytes: body.length, files: added.files }, { status: 201 });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

const ACCEPTED = `only ${Object.keys(CONTENT_TYPES).join(", ")} files, or multipart/form-data of them, are accepted`;

class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function limitRate(limiter: RateLimiter, key: string, now: number): void {
  const wait = limiter.take(key, now);
  if (wait > 0) {
    throw new UploadError(429, `too many uploads: try again in ${wait} s`, { "retry-after": String(wait) });
  }
}

function uploadFormat(format: string | null): UploadFormat | null {
  if (format === null || format === "course" || Object.hasOwn(JSON_FORMATS, format))
    return format as UploadFormat | null;
  throw new UploadError(400, `format must be one of course, ${Object.keys(JSON_FORMATS).join(", ")}`);
}

/** The signer, if the signature headers sign this body (see `uploadMessage`) and have not expired. */
async function verifiedSigner(
  headers: Headers,
  body: Uint8Array<ArrayBuffer>,
  now: number,
): Promise<Address> {
  const signer = headers.get(UPLOAD_HEADERS.signer);
  const signature = headers.get(UPLOAD_HEADERS.signature);
  const expires = headers.get(UPLOAD_HEADERS.expires);
  if (!signer || !signature || !expires) {
    throw new UploadError(401, `sign the upload: send ${Object.values(UPLOAD_HEADERS).join(", ")}`);
  }
  if (!isAddress(signer)) throw new UploadError(401, `${UPLOAD_HEADERS.signer} is not an address`);
  if (!isHex(signature)) throw new UploadError(401, `${UPLOAD_HEADERS.signature} is not 0x-prefixed hex`);
  const expiry = Date.parse(expires);
  if (Number.isNaN(expiry) || new Date(expiry).toISOString() !== expires) {
    throw new UploadError(
      401,
      `${UPLOAD_HEADERS.expires} must be an ISO 8601 UTC time like 2026-03-01T12:05:00.000Z`,
    );
  }
  if (expiry <= now) throw new UploadError(401, `the signature expired at ${expires}`);
  if (expiry > now + (UPLOAD_SIGNATURE_TTL_SECONDS + 60) * 1000) {
    throw new UploadError(
      401,
      `${UPLOAD_HEADERS.expires} may be at most ${UPLOAD_SIGNATURE_TTL_SECONDS / 60} minutes ahead`,
    );
  }
  const message = uploadMessage({ sha256: await sha256Hex(body), expires });
  const valid = await verifyMessage({ address: signer, message, signature }).catch(() => false);
  if (!valid)
    throw new UploadError(401, "the signature is not the signer's signature of this body and expiry");
  return getAddress(signer);
}

async function addFile(
  store: ContentStore,
  bytes: Uint8Array,
  type: ContentType,
  format: UploadFormat | null,
) {
  if (format === "course")
    throw new UploadError(400, "a course is a directory: send it as multipart/form-data");
  if (!bytesMatch(type, bytes)) throw new UploadError(415, `the body is not valid ${type}`);
  if (format) parseJsonFormat(JSON_FORMATS[format], bytes, "body");
  return { cid: await store.addBytes(bytes), files: 1 };
}

async function directoryFiles(
  body: Uint8Array<ArrayBuffer>,
  contentType: string,
  format: UploadFormat | null,
) {
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new UploadError(400, "the body is not valid multipart/form-data");
  }
  const files: { path: string; content: Uint8Array }[] = [];
  for (const part of form.values()) {
    if (typeof part === "string")
      throw new UploadError(400, "every part must be a file, its filename the path");
    const content = new Uint8Array(await part.arrayBuffer());
    const opaque = format === "course" && part.name === ENCRYPTED_ANSWERS;
    const type = contentTypeOfName(part.name);
    if (!opaque && !type) throw new UploadError(415, `${part.name}: ${ACCEPTED}`);
    if (type && !bytesMatch(type, content)) throw new UploadError(415, `${part.name}: not valid ${type}`);
    files.push({ path: part.name, content });
  }
  return files;
}

async function addDirectory(store: ContentStore, files: Required<TreeEntry>[], format: UploadFormat | null) {
  if (format && format !== "course")
    throw new UploadError(400, `a ${format} is one JSON file, not multipart`);
  const clear = files.flatMap(({ path }) => clearAnswerKeyIssue(path) ?? []);
  if (clear.length > 0) throw new FormatError(clear);
  if (format === "course") checkCoursePackage(new Map(files.map(({ path, content }) => [path, content])));
  return { cid: await store.addTree(files), files: files.length };
}

function errorResponse(error: unknown): Response {
  if (error instanceof UploadError) {
    return Response.json({ error: error.message }, { status: error.status, headers: error.headers });
  }
  if (error instanceof FormatError)
    return Response.json({ error: error.message, issues: error.issues }, { status: 422 });
  if (error instanceof InvalidTreeError) return Response.json({ error: error.message }, { status: 400 });
  const reference = logFailure("content upload", error);
  return Response.json(
    { error: `the content store could not take the upload (reference ${reference})`, reference },
    { status: 502 },
  );
}
