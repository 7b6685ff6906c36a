// npm run ipfs -- add <path> | cat <cid>[/path] | stat <cid>[/path]: the content store from a shell.
import { lstat, readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { CID } from "multiformats/cid";
import type { TreeEntry } from "../../content/cid";
import { CLEAR_ANSWERS } from "../../content/formats/answer-key";
import { DEFAULT_CONTENT_DIR, openContentStore } from "../../content/open";
import type { ContentStore } from "../../content/store";

const USAGE = `Usage:
  npm run ipfs -- add <path>           add a file, or a directory with everything in it; prints the CID
  npm run ipfs -- cat <cid>[/path]     write a file to stdout
  npm run ipfs -- stat <cid>[/path]    print its type, size and blocks (JSON)

The store: the Kubo node whose RPC API is IPFS_API_URL when set, else the embedded store in
CONTENT_DIR (default ${DEFAULT_CONTENT_DIR}). CIDs are Kubo's \`ipfs add --cid-version=1\`; like Kubo,
add skips hidden files (names starting with ".") and refuses a course's answer key (answers.json):
courses are published with npm run course:publish, which encrypts it.`;

class UsageError extends Error {}

async function run([command, target, ...rest]: string[]): Promise<void> {
  if (command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE);
    return;
  }
  if (!command) throw new UsageError("no command given");
  if (!["add", "cat", "stat"].includes(command)) throw new UsageError(`unknown command "${command}"`);
  if (!target || rest.length > 0) throw new UsageError(`${command} takes exactly one argument`);

  // What `add` adds is read (and checked) before the store opens: a refusal leaves no trace in it.
  const adding = command === "add" ? await readForAdd(target) : undefined;
  const store = await openContentStore();
  try {
    if (adding) console.log((await adding(store)).toString());
    if (command === "cat") await pipeline(Readable.from(store.cat(target)), process.stdout, { end: false });
    if (command === "stat") {
      const stat = await store.stat(target);
      console.log(JSON.stringify({ ...stat, cid: stat.cid.toString() }, null, 2));
    }
  } finally {
    await store.close();
  }
}

/** A course's answer key in the clear never goes to the content store: IPFS is public. */
function refuseAnswerKey(file: string): never {
  throw new Error(
    `${file} is a course's answer key: it is never published in the clear (anyone could read the answers). ` +
      "Publish the course with npm run course:publish -- <folder> --verifier-public-key 0x04…, " +
      "which encrypts it for the verifier. Nothing was added.",
  );
}

/** What `add <target>` adds, as a function of the store: a file's bytes or a directory's tree. */
async function readForAdd(target: string): Promise<(store: ContentStore) => Promise<CID>> {
  const info = await lstat(target);
  if (info.isFile()) {
    if (path.basename(target) === CLEAR_ANSWERS) refuseAnswerKey(target);
    const bytes = new Uint8Array(await readFile(target));
    return (store) => store.addBytes(bytes);
  }
  if (info.isDirectory()) {
    const tree = await treeOf(target);
    const key = tree.find((entry) => path.posix.basename(entry.path) === CLEAR_ANSWERS);
    if (key) refuseAnswerKey(path.join(target, key.path));
    return (store) => store.addTree(tree);
  }
  throw new Error(`${target} is neither a file nor a directory`);
}

/** The files under `root` (and its empty directories), at paths relative to it. */
async function treeOf(root: string, prefix = ""): Promise<TreeEntry[]> {
  const entries: TreeEntry[] = [];
  const children = (await readdir(path.join(root, prefix), { withFileTypes: true })).filter(
    (child) => !child.name.startsWith("."),
  );
  for (const child of children) {
    const relative = prefix ? `${prefix}/${child.name}` : child.name;
    if (child.isFile())
      entries.push({ path: relative, content: new Uint8Array(await readFile(path.join(root, relative))) });
    else if (child.isDirectory()) {
      const inside = await treeOf(root, relative);
      entries.push(...(inside.length > 0 ? inside : [{ path: relative }]));
    } else
      throw new Error(`${path.join(root, relative)}: only files and directories can be added (not symlinks)`);
  }
  return entries;
}

try {
  await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`ipfs: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if ((error as NodeJS.ErrnoException).code !== "EPIPE") {
    console.error(`ipfs: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
