/** The store has no such content (no block for a CID, or no entry at a path). */
export class ContentNotFoundError extends Error {
  override name = "ContentNotFoundError";
}

/** The store did not answer in time (a Kubo node searching the network, say). */
export class ContentTimeoutError extends Error {
  override name = "ContentTimeoutError";
}

/** A reference that is not `<cid>[/path]`. */
export class InvalidContentRefError extends Error {
  override name = "InvalidContentRefError";
}

/**
 * The errors of the libraries underneath (blockstores, the UnixFS exporter, the Kubo client,
 * abort signals) as one of the three above; anything else is returned unchanged.
 */
export function toContentError(error: unknown, what: string): unknown {
  if (!(error instanceof Error)) return error;
  if (error instanceof ContentNotFoundError || error instanceof ContentTimeoutError) return error;
  if (error.name === "NotFoundError")
    return new ContentNotFoundError(`${what} was not found`, { cause: error });
  if (error.name === "TimeoutError" || error.name === "AbortError") {
    return new ContentTimeoutError(`${what} did not arrive in time`, { cause: error });
  }
  return error;
}

/**
 * Logs an unexpected failure with a fresh reference id and returns the id: the answer names the
 * reference, never the failure's own message (it may hold store URLs, paths or keys).
 */
export function logFailure(what: string, error: unknown): string {
  const reference = crypto.randomUUID();
  console.error(`${what} failed (reference ${reference}):`, error);
  return reference;
}
