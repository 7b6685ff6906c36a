import { z } from "zod";
import { logFailure } from "../content/errors";
import { readBoundedBody } from "../content/request-body";

/** A refusal with its HTTP status and a message for the person asking. */
export class ServiceError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 405 | 409 | 413 | 415 | 429 | 502 | 503,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** 429 with `Retry-After` (whole seconds, at least 1). */
export function tooMany(message: string, retryAfterSeconds: number, status: 429 | 503 = 429): ServiceError {
  const wait = Math.max(1, Math.ceil(retryAfterSeconds));
  return new ServiceError(status, `${message}: try again in ${wait} s`, { "retry-after": String(wait) });
}

/** The largest JSON body a grader or relayer route reads (413 beyond, before reading it). */
export const MAX_JSON_BODY_BYTES = 8 * 1024;

export interface EndpointOptions {
  /** The cheap limits, checked before the body is read: throws a `ServiceError` (a 429) to refuse. */
  limit?: (request: Request) => void;
  /** Largest body, in bytes (default `MAX_JSON_BODY_BYTES`). */
  maxBytes?: number;
}

/** A `ServiceError` as `{ error }` with its status; anything else logged with a reference, answered 502. */
export function errorResponse(request: Request, error: unknown): Response {
  if (error instanceof ServiceError) {
    return Response.json(
      { error: error.message },
      { status: error.status, headers: { "cache-control": "no-store", ...error.headers } },
    );
  }
  const reference = logFailure(new URL(request.url).pathname, error);
  return Response.json(
    { error: `the service failed: try again later (reference ${reference})`, reference },
    { status: 502, headers: { "cache-control": "no-store" } },
  );
}

/** The body's issues as one message naming each bad field. */
export function issuesMessage(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
}

/**
 * A JSON POST endpoint: the cheap limits first (`options.limit`), then the body, read up to
 * `maxBytes` (413 beyond) and checked against `schema` (400 naming each bad field), then `handle`
 * answers 200 with its result. A `ServiceError` becomes `{ error }` with its status; anything
 * else is logged with a reference id and answered 502 with that id, without its details.
 */
export function jsonEndpoint<T>(
  schema: z.ZodType<T>,
  handle: (body: T, request: Request) => Promise<object>,
  options: EndpointOptions = {},
): (request: Request) => Promise<Response> {
  const maxBytes = options.maxBytes ?? MAX_JSON_BODY_BYTES;
  return async (request) => {
    try {
      if (request.method !== "POST") {
        throw new ServiceError(405, `use POST with a JSON body`, { allow: "POST" });
      }
      options.limit?.(request);
      const bytes = await readBoundedBody(
        request,
        maxBytes,
        (status, message) => new ServiceError(status, message),
      );
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
      } catch {
        throw new ServiceError(400, "the body must be JSON (UTF-8)");
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw new ServiceError(400, issuesMessage(parsed.error));
      return Response.json(await handle(parsed.data, request), { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return errorResponse(request, error);
    }
  };
}

/**
 * A JSON GET endpoint: the cheap limits first, then the query string (at most `maxQueryLength`
 * characters, each parameter once) checked against `schema` (400 naming each bad field), then
 * `handle` answers 200 with its result; errors as in `jsonEndpoint`.
 */
export function queryEndpoint<T>(
  schema: z.ZodType<T>,
  handle: (query: T, request: Request) => Promise<object>,
  options: Pick<EndpointOptions, "limit"> = {},
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      if (request.method !== "GET" && request.method !== "HEAD") {
        throw new ServiceError(405, "use GET with the parameters in the query string", { allow: "GET" });
      }
      options.limit?.(request);
      const url = new URL(request.url);
      if (url.search.length > MAX_QUERY_LENGTH) {
        throw new ServiceError(400, `the query string is longer than ${MAX_QUERY_LENGTH} characters`);
      }
      const query: Record<string, string> = {};
      for (const [name, value] of url.searchParams) {
        if (Object.hasOwn(query, name)) throw new ServiceError(400, `${name}: given more than once`);
        query[name] = value;
      }
      const parsed = schema.safeParse(query);
      if (!parsed.success) throw new ServiceError(400, issuesMessage(parsed.error));
      return Response.json(await handle(parsed.data, request), { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return errorResponse(request, error);
    }
  };
}

/** The longest query string a GET endpoint reads. */
export const MAX_QUERY_LENGTH = 1024;

export const addressField = z
  .string()
  .max(42)
  .regex(/^0x[0-9a-fA-F]{40}$/, "expected an address (0x and 40 hex digits)");
/** An ECDSA signature is 65 bytes; a smart account's (ERC-1271) may be longer: at most this many bytes. */
export const MAX_SIGNATURE_BYTES = 1024;
/** A signature: 65 bytes, or an ERC-1271 blob of at most `MAX_SIGNATURE_BYTES`. */
export const signatureField = z
  .string()
  .max(2 + MAX_SIGNATURE_BYTES * 2, `expected a signature of at most ${MAX_SIGNATURE_BYTES} bytes`)
  .regex(/^0x(?:[0-9a-fA-F]{2})+$/, "expected a signature (0x and hex digits, whole bytes)")
  .refine((value) => value.length >= 2 + 65 * 2, "expected a signature of at least 65 bytes");
/** An ECDSA signature of exactly 65 bytes (what `delegateBySig`'s v, r, s come from). */
export const ecdsaSignatureField = z
  .string()
  .max(132)
  .regex(/^0x[0-9a-fA-F]{130}$/, "expected a 65-byte signature (0x and 130 hex digits)");
/** A non-negative integer, as a JSON number or a decimal string (for values beyond 2^53). */
export const uintField = z
  .union([
    z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    z
      .string()
      .max(78)
      .regex(/^\d{1,78}$/, "expected a decimal integer"),
  ])
  .transform((value) => BigInt(value))
  .refine((value) => value < 2n ** 256n, "expected a uint256");

/** A route method the endpoint does not take: 405 with the method to use (Next's own 405 has no message). */
export function methodNotAllowed(allow: string): (request: Request) => Response {
  return (request) =>
    Response.json(
      { error: `${request.method} is not allowed here: use ${allow}` },
      { status: 405, headers: { allow, "cache-control": "no-store" } },
    );
}
