/**
 * POSTs `body` as JSON to `url` (with `headers`); resolves to the status and the JSON reply (with
 * the `error` a refusal carries).
 */
export async function postJson<T>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T & { error?: string } }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T & { error?: string } };
}
