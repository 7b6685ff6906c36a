/** POSTs one GraphQL query to the indexer; throws an Error whose message a reader can act on. */
export async function queryIndexer<T>(
  indexerUrl: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${indexerUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw new Error(`The indexer at ${indexerUrl} is not answering.`);
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string }[] };
  const problem = body.errors?.[0]?.message ?? (response.ok ? undefined : `HTTP ${response.status}`);
  if (problem || body.data === undefined) {
    throw new Error(`The indexer at ${indexerUrl} could not answer: ${problem ?? "no data"}.`);
  }
  return body.data;
}
