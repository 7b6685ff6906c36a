import { readFile } from "node:fs/promises";
import path from "node:path";
import { CID } from "multiformats/cid";
import * as raw from "multiformats/codecs/raw";
import { sha256 } from "multiformats/hashes/sha2";
import { REPO_ROOT } from "../../scripts/stack/paths";
import { seedAzora } from "../../scripts/seed/learning";
import type { SeedClients, SeedCourse } from "../../scripts/seed/learning";
import type { Manifest } from "../../protocol/manifest";

export const SLUGS = ["wallets-and-safety", "budgeting-irregular-income", "typescript-first-steps"] as const;

/** The CIDv1 (raw codec, sha2-256) of `bytes`: what the content store gives a file up to 256 KiB. */
export async function rawCid(bytes: Uint8Array): Promise<string> {
  return CID.create(1, raw.code, await sha256.digest(bytes)).toString();
}

/**
 * Each course with its course.json's title and a real CIDv1 (raw codec, sha2-256) of that file:
 * the seed only needs a CID, and this one names real bytes. The content store will give the CID
 * of the whole package.
 */
export async function courseCids(): Promise<SeedCourse[]> {
  return Promise.all(
    SLUGS.map(async (slug) => {
      const head = await readFile(path.join(REPO_ROOT, "courses", slug, "course.json"));
      const { title } = JSON.parse(head.toString("utf8")) as { title: string };
      return { slug, title, contentCid: await rawCid(head) };
    }),
  );
}

/**
 * A fresh deployment (`deploy`, a fixture of support/fixture) with the AZR part of the demo seed,
 * and the courses too when given, as `npm run dev` seeds first. Every seed suite starts here.
 */
export async function withDemoAzr<Base extends SeedClients & { manifest: Manifest }>(
  deploy: () => Promise<Base>,
  courses?: readonly SeedCourse[],
) {
  const base = await deploy();
  const clients: SeedClients = { publicClient: base.publicClient, deployer: base.deployer };
  await seedAzora(base.manifest, clients, courses);
  return { ...base, clients };
}
