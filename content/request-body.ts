import { readAll } from "./dag";

/**
 * A request's body, read up to `maxBytes`: refused (413) as soon as it is known to be larger,
 * from its `Content-Length` before reading anything, else when the bytes read pass the limit.
 * An empty body is refused (400). `refuse` builds the route's own error type.
 */
export async function readBoundedBody(
  request: Request,
  maxBytes: number,
  refuse: (status: 400 | 413, message: string) => Error,
): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => refuse(413, `the body is larger than the limit of ${maxBytes} bytes`);
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge();
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
      size += chunk.value.length;
      if (size > maxBytes) {
        await reader?.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(chunk.value);
    }
  } catch (error) {
    if (size > maxBytes) throw error;
    throw refuse(400, "the body could not be read");
  }
  if (size === 0) throw refuse(400, "the body is empty");
  return readAll(chunks);
}
