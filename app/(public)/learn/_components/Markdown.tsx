import path from "node:path";
import type { ReactNode } from "react";

// A small Markdown renderer for lessons, to React elements on the server: no raw HTML from the
// content ever reaches the page (React escapes every string), images come only from the course
// package (through the gateway, by the package's CID), and links only lead to the package's own
// lessons; any other link shows as plain text.

export interface MarkdownContext {
  /** The course package's directory CID. */
  cid: string;
  /** The lesson's path in the package (`lessons/02-keys.md`), to resolve relative paths. */
  file: string;
  /** Lesson files of the package → their page URL. */
  lessonUrls: ReadonlyMap<string, string>;
}

/** A path inside the package for `src` as written in `file`, or null if it leaves the package. */
function packagePath(ctx: MarkdownContext, src: string): string | null {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(src)) return null;
  let decoded: string;
  try {
    decoded = decodeURI(src);
  } catch {
    return null;
  }
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(ctx.file), decoded));
  return resolved.startsWith("../") || resolved === ".." ? null : resolved;
}

const INLINE =
  /(`[^`]+`)|!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?[^)]*\)|\[([^\]]+)\]\(\s*<?([^)\s>]+)>?[^)]*\)|\*\*(.+?)\*\*|__(.+?)__|(?<![\w*])\*(?!\s)(.+?)\*(?!\w)|(?<!\w)_(?!\s)(.+?)_(?!\w)/g;

function inline(text: string, ctx: MarkdownContext, key = "i"): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index;
    if (at > last) out.push(text.slice(last, at));
    const k = `${key}-${n++}`;
    if (m[1]) out.push(<code key={k}>{m[1].slice(1, -1)}</code>);
    else if (m[3] !== undefined) {
      const file = packagePath(ctx, m[3]);
      out.push(
        file ? (
          <img
            key={k}
            src={`/ipfs/${ctx.cid}/${file.split("/").map(encodeURIComponent).join("/")}`}
            alt={m[2] ?? ""}
            loading="lazy"
          />
        ) : (
          m[2]
        ),
      );
    } else if (m[4] !== undefined) {
      const target = m[5] ? packagePath(ctx, m[5].split("#")[0] ?? "") : null;
      const url = target ? ctx.lessonUrls.get(target) : undefined;
      out.push(
        url ? (
          <a key={k} href={url}>
            {inline(m[4], ctx, k)}
          </a>
        ) : (
          <span key={k}>{inline(m[4], ctx, k)}</span>
        ),
      );
    } else if (m[6] ?? m[7]) out.push(<strong key={k}>{inline((m[6] ?? m[7]) as string, ctx, k)}</strong>);
    else if (m[8] ?? m[9]) out.push(<em key={k}>{inline((m[8] ?? m[9]) as string, ctx, k)}</em>);
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((cell) => cell.trim());

/** The lesson's Markdown as React elements (headings start at h2: the page's h1 is the lesson title). */
export function Markdown({ source, ctx }: { source: string; ctx: MarkdownContext }) {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: ReactNode[] = [];
  let i = 0;
  const isBlockStart = (line: string) =>
    /^(#{1,6}\s|```|>|\s*([-*+]|\d+\.)\s|\|)/.test(line) || /^\s*(-{3,}|\*{3,})\s*$/.test(line);
  while (i < lines.length) {
    const line = lines[i] ?? "";
    const key = `b${i}`;
    if (!line.trim()) {
      i++;
      continue;
    }
    if (line.startsWith("```")) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? "").startsWith("```")) code.push(lines[i++] ?? "");
      i++;
      blocks.push(
        <pre key={key} tabIndex={0}>
          <code>{code.join("\n")}</code>
        </pre>,
      );
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      // The lesson's own "# title" repeats the page's h1: skipped.
      const level = (heading[1] ?? "#").length;
      if (level > 1 || blocks.length > 0) {
        const Tag = `h${Math.max(2, level)}` as "h2" | "h3" | "h4" | "h5" | "h6";
        blocks.push(<Tag key={key}>{inline(heading[2] ?? "", ctx, key)}</Tag>);
      }
      i++;
      continue;
    }
    if (/^\s*(-{3,}|\*{3,})\s*$/.test(line)) {
      blocks.push(<hr key={key} />);
      i++;
      continue;
    }
    if (line.startsWith(">")) {
      const quote: string[] = [];
      while (i < lines.length && (lines[i] ?? "").startsWith(">"))
        quote.push((lines[i++] ?? "").replace(/^>\s?/, ""));
      blocks.push(
        <blockquote key={key}>
          <p>{inline(quote.join(" "), ctx, key)}</p>
        </blockquote>,
      );
      continue;
    }
    if (line.startsWith("|")) {
      const rows: string[][] = [];
      while (i < lines.length && (lines[i] ?? "").startsWith("|")) {
        const row = lines[i++] ?? "";
        if (!/^\|[\s:|-]+\|?\s*$/.test(row)) rows.push(cells(row));
      }
      const [head, ...body] = rows;
      blocks.push(
        <div key={key} className="table-scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                {head?.map((c, j) => (
                  <th key={j} scope="col">
                    {inline(c, ctx, `${key}h${j}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {body.map((row, r) => (
                <tr key={r}>
                  {row.map((c, j) => (
                    <td key={j}>{inline(c, ctx, `${key}${r}-${j}`)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>,
      );
      continue;
    }
    const item = /^\s*([-*+]|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      const ordered = /\d/.test(item[1] ?? "");
      const items: string[] = [];
      while (i < lines.length) {
        const l = lines[i] ?? "";
        const m = /^\s*([-*+]|\d+\.)\s+(.*)$/.exec(l);
        if (m) items.push(m[2] ?? "");
        else if (l.trim() && /^\s+/.test(l) && items.length) items[items.length - 1] += ` ${l.trim()}`;
        else break;
        i++;
      }
      const lis = items.map((text, j) => <li key={j}>{inline(text, ctx, `${key}-${j}`)}</li>);
      blocks.push(ordered ? <ol key={key}>{lis}</ol> : <ul key={key}>{lis}</ul>);
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && (lines[i] ?? "").trim() && !(para.length && isBlockStart(lines[i] ?? ""))) {
      para.push((lines[i++] ?? "").trim());
    }
    blocks.push(<p key={key}>{inline(para.join(" "), ctx, key)}</p>);
  }
  return <div className="lesson-body">{blocks}</div>;
}
