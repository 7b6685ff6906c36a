import { readdir } from "node:fs/promises";
import path from "node:path";
import { FormatError, parseFormat } from "../../content/formats/common";
import type { Hex } from "viem";
import { packCourse } from "../../content/formats/course-package";
import { proposalSchema } from "../../content/formats/proposal";
import type { Proposal } from "../../content/formats/proposal";
import { openContentStore } from "../../content/open";
import type { ContentStore } from "../../content/store";
import { localVerifier } from "../../protocol/chain";
import { courseTitleProblem } from "../../protocol/metadata-text";
import { REPO_ROOT } from "../stack/paths";
import type { SeedCourse } from "./learning";

const COURSES_DIR = path.join(REPO_ROOT, "courses");

/**
 * The content store the environment selects for the demo seed: embedded under CONTENT_DIR
 * (default `.azora/content` at the repo root), or Kubo at IPFS_API_URL.
 */
export function openDemoContentStore(): Promise<ContentStore> {
  return openContentStore({
    ...process.env,
    CONTENT_DIR: process.env.CONTENT_DIR ?? path.join(REPO_ROOT, ".azora", "content"),
  });
}

/**
 * A publisher of proposal texts to `store`: each text (the `proposal` format, checked) is added
 * and its CID returned, as the governance seed's `PublishProposalText`.
 */
export function proposalPublisher(store: ContentStore) {
  return async (text: Proposal): Promise<string> => {
    const json = `${JSON.stringify(parseFormat(proposalSchema, text), null, 2)}\n`;
    return String(await store.addBytes(new TextEncoder().encode(json)));
  };
}

/** Adds one proposal text to the demo content store (opened for it) and returns its CID. */
export async function publishProposalText(text: Proposal): Promise<string> {
  const store = await openDemoContentStore();
  try {
    return await proposalPublisher(store)(text);
  } finally {
    await store.close();
  }
}

/**
 * Checks the course folder, encrypts its `answers.json` for the verifier whose secp256k1 public
 * key is given (as the package's `answers.enc`) and adds the package to `store`: the path of
 * `npm run course:publish` and of the seed. The package's title is the course's title on chain,
 * so it must also fit the chain's rules (`courseTitleProblem`).
 */
export async function publishCourse(
  store: ContentStore,
  folder: string,
  verifierPublicKey: Hex,
): Promise<SeedCourse> {
  const { course, files } = await packCourse(folder, { encryptFor: verifierPublicKey });
  const problem = courseTitleProblem(course.title);
  if (problem)
    throw new FormatError([`course.json: title: ${problem}, as credentials name the course by it`]);
  const cid = await store.addTree(files);
  return { slug: path.basename(path.resolve(folder)), title: course.title, contentCid: String(cid) };
}

/**
 * Publishes every course package under `courses/` to `store` (see `publishCourse`), its answer key
 * encrypted for the local verifier (account #8), and returns their CIDs, for the seed to register
 * on chain.
 */
export async function publishDemoCourses(store: ContentStore): Promise<SeedCourse[]> {
  const slugs = (await readdir(COURSES_DIR, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const courses: SeedCourse[] = [];
  for (const slug of slugs) {
    courses.push(await publishCourse(store, path.join(COURSES_DIR, slug), localVerifier().publicKey));
  }
  return courses;
}
