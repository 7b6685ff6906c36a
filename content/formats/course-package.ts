import { readFile } from "node:fs/promises";
import path from "node:path";
import type { CID } from "multiformats/cid";
import type { TreeEntry } from "../cid";
import { bytesMatch, contentTypeOfName } from "../media-types";
import type { ContentStore } from "../store";
import type { Hex } from "viem";
import {
  CLEAR_ANSWERS,
  ENCRYPTED_ANSWERS,
  checkAnswerKey,
  encryptAnswerKey,
  parseAnswerKeyEnvelope,
  parseAnswers,
} from "./answer-key";
import type { AnswerKey } from "./answer-key";
import { FormatError, parseJsonFormat } from "./common";
import { courseSchema } from "./course";
import type { Course } from "./course";

/**
 * Checks a course package (files by path) and returns its `course.json`. A package is exactly:
 * `course.json`, the lessons it lists, the images those lessons show (`![…](../images/x.svg)`),
 * and optionally `answers.enc`. Each file must be what its extension says. Throws a
 * `FormatError` listing every problem.
 */
export function checkCoursePackage(files: ReadonlyMap<string, Uint8Array>): Course {
  const head = files.get("course.json");
  if (!head) throw new FormatError(["course.json: missing from the package"]);
  const course = parseJsonFormat(courseSchema, head, "course.json");
  const issues: string[] = [];
  const expected = new Set(["course.json", ENCRYPTED_ANSWERS]);

  for (const [i, { file }] of course.lessons.entries()) {
    expected.add(file);
    const lesson = files.get(file);
    if (!lesson) {
      issues.push(`course.json: lessons[${i}].file: ${file} is not in the package`);
      continue;
    }
    for (const image of lessonImages(file, lesson)) {
      if (image.startsWith("../")) issues.push(`${file}: image ${image} is outside the package`);
      else if (!files.has(image)) issues.push(`${file}: image ${image} is not in the package`);
      else if (!contentTypeOfName(image)?.startsWith("image/"))
        issues.push(`${file}: ${image} is not an image`);
      expected.add(image);
    }
  }
  for (const [file, bytes] of files) {
    const clear = clearAnswerKeyIssue(file);
    if (clear) {
      issues.push(clear);
    } else if (!expected.has(file)) {
      issues.push(`${file}: not listed in course.json nor shown by a lesson`);
    } else if (file === ENCRYPTED_ANSWERS) {
      try {
        parseAnswerKeyEnvelope(bytes);
      } catch (error) {
        issues.push(...(error instanceof FormatError ? error.issues : [String(error)]));
      }
    } else {
      const type = contentTypeOfName(file);
      if (!type || !bytesMatch(type, bytes))
        issues.push(`${file}: not a valid ${type ?? "file of a known type"}`);
    }
  }
  if (issues.length > 0) throw new FormatError(issues);
  return course;
}

/** The issue with a file that is a clear answer key (refused in any upload), if it is one. */
export function clearAnswerKeyIssue(file: string): string | undefined {
  if (path.posix.basename(file) !== CLEAR_ANSWERS) return undefined;
  return `${file}: the answer key must never be published in the clear (use ${ENCRYPTED_ANSWERS})`;
}

/**
 * Reads a course folder (as in `courses/`) into the files of its package, checked. The folder's
 * `answers.json`, when there, must answer exactly the quiz's questions with option indexes 0–3;
 * it stays out of the package. With `encryptFor` (the verifier's uncompressed secp256k1 public
 * key) the folder must have one, and the package carries it as `answers.enc`, encrypted for that
 * verifier (see `encryptAnswerKey`), in place of any `answers.enc` in the folder.
 */
export async function packCourse(
  folder: string,
  { encryptFor }: { encryptFor?: Hex } = {},
): Promise<{ course: Course; files: TreeEntry[] }> {
  const read = (file: string) =>
    readFile(path.join(folder, file)).then(
      (bytes) => new Uint8Array(bytes),
      () => undefined,
    );
  const head = await read("course.json");
  if (!head) throw new FormatError([`course.json: not found in ${folder}`]);
  const listed = parseJsonFormat(courseSchema, head, "course.json");

  const files = new Map<string, Uint8Array>([["course.json", head]]);
  const add = async (file: string) => {
    const bytes = file.startsWith("../") ? undefined : await read(file);
    if (bytes) files.set(file, bytes);
    return bytes;
  };
  for (const { file } of listed.lessons) {
    const lesson = await add(file);
    if (lesson) for (const image of lessonImages(file, lesson)) await add(image);
  }
  await add(ENCRYPTED_ANSWERS);

  const clear = await read(CLEAR_ANSWERS);
  const answers: AnswerKey | undefined = clear && parseAnswers(clear);
  if (answers) checkAnswerKey(listed, answers);
  if (encryptFor) {
    if (!answers) throw new FormatError([`${CLEAR_ANSWERS}: not found in ${folder}: nothing to encrypt`]);
    files.set(ENCRYPTED_ANSWERS, encryptAnswerKey(head, listed, answers, encryptFor));
  }
  const course = checkCoursePackage(files);
  return { course, files: [...files].map(([file, content]) => ({ path: file, content })) };
}

/** Adds the course package in `folder` to the store (see `packCourse`); returns its directory CID. */
export async function addCourse(
  store: ContentStore,
  folder: string,
  options: { encryptFor?: Hex } = {},
): Promise<CID> {
  const { files } = await packCourse(folder, options);
  return store.addTree(files);
}

/** The package paths of the images a lesson shows (`![alt](src)`), resolved from the lesson's folder. */
function lessonImages(lesson: string, markdown: Uint8Array): string[] {
  const sources = [...new TextDecoder().decode(markdown).matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)/g)];
  return sources
    .map((match) => match[1] ?? "")
    .filter((src) => !/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(src))
    .map((src) => path.posix.normalize(path.posix.join(path.posix.dirname(lesson), decodeURI(src))));
}
