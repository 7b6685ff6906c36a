import "server-only";
import type { z } from "zod";
import { sharedContentStore } from "@/content/open";

/**
 * A JSON document of the content store, read block by block against its CID and checked against
 * `schema`; null when missing, larger than `maxBytes`, slower than `timeoutMs`, or not of the schema.
 */
export async function readContentJson<S extends z.ZodType>(
  cid: string,
  schema: S,
  { maxBytes, timeoutMs }: { maxBytes: number; timeoutMs: number },
): Promise<z.infer<S> | null> {
  try {
    const store = await sharedContentStore();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of store.cat(cid, { signal: AbortSignal.timeout(timeoutMs) })) {
      size += chunk.byteLength;
      if (size > maxBytes) return null;
      chunks.push(chunk);
    }
    const parsed = schema.safeParse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
