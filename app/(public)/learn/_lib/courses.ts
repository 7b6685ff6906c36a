import "server-only";
import { handleGatewayRequest } from "@/content/gateway";
import { sharedContentStore } from "@/content/open";
import { VerifiedFetchError, fetchVerified } from "@/content/verified-fetch";
import { FormatError, parseJsonFormat } from "@/content/formats/common";
import { courseSchema } from "@/content/formats/course";
import type { Course } from "@/content/formats/course";
import { one, rows } from "@/app/_lib/indexer-query";
import type { PartsData } from "@/app/_lib/indexer-query";

// The learn pages' reads: courses from the indexer, their packages from the content store through
// the trustless gateway, every byte checked against its CID (content/verified-fetch.ts).

const COURSE = {
  id: "bigint",
  contentCid: true,
  verifier: true,
  reward: "bigint",
  minScore: true,
  validity: "bigint",
  active: true,
  claimCount: true,
} as const;

export const CATALOG_LIMIT = 100;

export function catalogParts() {
  return {
    courses: rows("course", COURSE, { active: true }, ["id", "asc"], CATALOG_LIMIT),
  };
}

export function courseParts(id: bigint) {
  return { course: one("course", { id }, COURSE) };
}

export type IndexedCourse = PartsData<ReturnType<typeof catalogParts>>["courses"]["items"][number];

/** Why a package could not be shown: `tampered` (bytes do not match the CID), `missing`, `invalid`, `unavailable`. */
export type PackageFailure = "tampered" | "missing" | "invalid" | "unavailable";
export type PackageResult<T> = { ok: true; data: T } | { ok: false; reason: PackageFailure };

/** Reads `<cid>/<path>` through the app's gateway handler (in-process), checked against the CID. */
async function readVerified(ref: string): Promise<Uint8Array> {
  const store = await sharedContentStore();
  return fetchVerified(ref, {
    timeoutMs: 10_000,
    fetch: async (input, init) =>
      handleGatewayRequest(store, new Request(new URL(String(input), "http://gateway.local"), init)),
  });
}

function failureOf(error: unknown): PackageFailure {
  if (error instanceof VerifiedFetchError) {
    if (error.reason === "tampered") return "tampered";
    if (error.reason === "not-found") return "missing";
    if (error.reason === "invalid") return "invalid";
    return "unavailable";
  }
  if (error instanceof FormatError) return "invalid";
  return "unavailable";
}

// Content-addressed: what a CID names never changes, so a checked package is kept in memory.
const packages = new Map<string, Promise<Course>>();

/** The course package's `course.json` at `cid`, checked against the CID and the format. */
export async function coursePackage(cid: string): Promise<PackageResult<Course>> {
  let loaded = packages.get(cid);
  if (!loaded) {
    loaded = readVerified(`${cid}/course.json`).then((bytes) =>
      parseJsonFormat(courseSchema, bytes, "course.json"),
    );
    packages.set(cid, loaded);
    loaded.catch(() => packages.delete(cid));
  }
  try {
    return { ok: true, data: await loaded };
  } catch (error) {
    return { ok: false, reason: failureOf(error) };
  }
}

/** A lesson's Markdown from the package, checked against the CID. */
export async function lessonMarkdown(cid: string, file: string): Promise<PackageResult<string>> {
  try {
    return { ok: true, data: new TextDecoder().decode(await readVerified(`${cid}/${file}`)) };
  } catch (error) {
    return { ok: false, reason: failureOf(error) };
  }
}

/** A course id from the URL (a positive integer), or null. */
export function parseCourseId(raw: string): bigint | null {
  return /^[1-9][0-9]{0,18}$/.test(raw) ? BigInt(raw) : null;
}

/** A lesson number from the URL (1-based) within `count`, or null. */
export function parseLessonNumber(raw: string, count: number): number | null {
  if (!/^[1-9][0-9]{0,2}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= count ? n : null;
}
