import { z } from "zod";

/** A refusal with its HTTP status and a message for the person asking. */
export class ServiceError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 429 | 502 | 503,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** 429 with `Retry-After` (whole seconds, at least 1). */
export function tooMany(message: string, retryAfterSeconds: number): ServiceError {
  const wait = Math.max(1, Math.ceil(retryAfterSeconds));
  return new ServiceError(429, `${message}: try again in ${wait} s`, { "retry-after": String(wait) });
}

/**
 * A JSON POST endpoint: the body is checked against `schema` (400 naming each bad field), then
 * `handle` answers 200 with its result. A `ServiceError` becomes `{ error }` with its status;
 * anything else is logged and answered 502, without its details.
 */
export function jsonEndpoint<T>(
  schema: z.ZodType<T>,
  handle: (body: T, request: Request) => Promise<object>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      let json: unknown;
      try {
        json = await request.json();
      } catch {
        throw new ServiceError(400, "the body must be JSON");
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        throw new ServiceError(
          400,
          parsed.error.issues
            .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`)
            .join("; "),
        );
      }
      return Response.json(await handle(parsed.data, request), { headers: { "cache-control": "no-store" } });
    } catch (error) {
      if (error instanceof ServiceError) {
        return Response.json({ error: error.message }, { status: error.status, headers: error.headers });
      }
      console.error(`${new URL(request.url).pathname} failed:`, error);
      return Response.json({ error: "the service failed: try again later" }, { status: 502 });
    }
  };
}

export const addressField = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, "expected an address (0x and 40 hex digits)");
export const signatureField = z
  .string()
  .regex(/^0x[0-9a-fA-F]+$/, "expected a signature (0x and hex digits)");
/** A non-negative integer, as a JSON number or a decimal string (for values beyond 2^53). */
export const uintField = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d{1,78}$/, "expected a decimal integer")])
  .transform((value) => BigInt(value));
