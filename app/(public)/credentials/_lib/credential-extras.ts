import "@/app/_lib/server-side";
import { sharedContentStore } from "@/content/open";
import { courseSchema } from "@/content/formats/course";
import { one } from "@/app/_lib/indexer-query";
import { indexerRead } from "@/app/_lib/server-data";
import type { Result } from "@/app/_lib/server-data";
import type { ChainCredential, Verdict } from "./credential-chain";

// What the verifier pages add to the chain's verdict: the course's title and language from its
// package on IPFS, and the indexer's view (only to say whether it agrees). Neither changes a verdict.

export interface CourseInfo {
  title: string;
  language: string;
}

/** The title and language of a course package (`<cid>/course.json`), or null when unreadable. */
export async function readCourseInfo(contentCid: string | undefined): Promise<CourseInfo | null> {
  if (!contentCid) return null;
  try {
    const store = await sharedContentStore();
    const read = (async () => {
      const chunks: Uint8Array[] = [];
      for await (const chunk of store.cat(`${contentCid}/course.json`)) chunks.push(chunk);
      return Buffer.concat(chunks).toString("utf8");
    })();
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 3_000));
    const course = courseSchema.parse(JSON.parse(await Promise.race([read, timeout])));
    return { title: course.title, language: course.language };
  } catch {
    return null;
  }
}

export function indexedCredentialParts(id: bigint) {
  return {
    credential: one(
      "credential",
      { id },
      { id: "bigint", revoked: true, revokedReason: true, burned: true, expiresAt: "bigint" },
    ),
  };
}

/** Whether the indexer agrees with the chain: "agrees", "differs" (lags or disagrees), "down". */
export type IndexerView = "agrees" | "differs" | "down";

export async function indexerView(chain: ChainCredential): Promise<IndexerView> {
  const result: Result<{ credential: { revoked: boolean; burned: boolean; expiresAt: bigint } | null }> =
    await indexerRead(indexedCredentialParts(chain.id));
  if (!result.ok) return "down";
  const row = result.data.credential;
  const indexed: Verdict = !row
    ? "none"
    : row.burned
      ? "burned"
      : row.revoked
        ? "revoked"
        : row.expiresAt !== 0n && chain.blockTime >= row.expiresAt
          ? "expired"
          : "valid";
  return indexed === chain.verdict ? "agrees" : "differs";
}
