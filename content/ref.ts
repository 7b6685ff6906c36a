import { CID } from "multiformats/cid";
import { InvalidContentRefError } from "./errors";

/** Content named by a CID, and optionally a path inside the directory it names. */
export interface ContentRef {
  cid: CID;
  path: string[];
}

/**
 * Reads `<cid>`, `<cid>/a/b.md`, `/ipfs/<cid>/…` or `ipfs://<cid>/…`. Path segments are taken
 * as they are (already decoded); `.`, `..` and empty segments are refused.
 */
export function parseContentRef(ref: string | CID): ContentRef {
  if (typeof ref !== "string") return { cid: ref, path: [] };
  const [first = "", ...path] = ref
    .replace(/^ipfs:\/\//, "")
    .replace(/^\/ipfs\//, "")
    .replace(/\/+$/, "")
    .split("/");
  return { cid: parseCid(first), path: checkedPath(path, ref) };
}

/** `/ipfs/<cid>/a%20b.md` (a URL pathname, percent-encoded) as a reference. */
export function contentRefFromUrlPath(pathname: string): ContentRef {
  const match = /^\/ipfs\/([^/]*)(\/.*)?$/.exec(pathname);
  if (!match) throw new InvalidContentRefError(`expected /ipfs/<cid>[/path], got "${pathname}"`);
  const rest = (match[2] ?? "").replace(/^\//, "").replace(/\/$/, "");
  const segments = rest === "" ? [] : rest.split("/");
  let path: string[];
  try {
    path = segments.map((s) => decodeURIComponent(s));
  } catch {
    throw new InvalidContentRefError(`"${pathname}" is not a valid percent-encoded path`);
  }
  return { cid: parseCid(match[1] ?? ""), path: checkedPath(path, pathname) };
}

/** `<cid>/a/b.md`: the form the UnixFS exporter and `npm run ipfs -- cat` take. */
export function formatContentRef({ cid, path }: ContentRef): string {
  return [cid.toString(), ...path].join("/");
}

function parseCid(text: string): CID {
  try {
    return CID.parse(text);
  } catch {
    throw new InvalidContentRefError(`"${text}" is not a CID`);
  }
}

function checkedPath(path: string[], original: string): string[] {
  if (path.some((s) => s === "" || s === "." || s === ".." || s.includes("/"))) {
    throw new InvalidContentRefError(`"${original}" has an empty, "." or ".." path segment`);
  }
  return path;
}
