/** Why an indexer query failed, for a sentence from the `errors` catalog (never the URL). */
export class IndexerError extends Error {
  constructor(
    readonly kind: "unreachable" | "failed",
    detail: string,
  ) {
    super(detail);
    this.name = "IndexerError";
  }
}

/** POSTs one GraphQL query to the indexer; throws an IndexerError. */
export async function queryIndexer<T>(
  indexerUrl: string,
  query: string,
  variables: Record<string, unknown>,
  init: { next?: { revalidate: number } } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${indexerUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(10_000),
      ...init,
    });
  } catch {
    throw new IndexerError("unreachable", "the indexer is not answering");
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string }[] };
  const problem = body.errors?.[0]?.message ?? (response.ok ? undefined : `HTTP ${response.status}`);
  if (problem || body.data === undefined) throw new IndexerError("failed", problem ?? "no data");
  return body.data;
}
