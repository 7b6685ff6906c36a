import type { ReactNode } from "react";

/**
 * A proposal's Markdown body, rendered safely: headings, paragraphs, lists, and inline emphasis
 * and code as text nodes. No HTML from the text ever reaches the page, and links stay text.
 */
export function ProposalText({ body }: { body: string }) {
  const blocks = body
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean);
  return (
    <div className="proposal-text" data-testid="proposal-text">
      {blocks.map((block, index) => {
        const heading = /^(#{1,6})\s+(.*)$/.exec(block);
        if (heading) return <h3 key={index}>{inline(heading[2] ?? "")}</h3>;
        const lines = block.split("\n");
        if (lines.every((line) => /^\s*[-*]\s+/.test(line)))
          return (
            <ul key={index}>
              {lines.map((line, i) => (
                <li key={i}>{inline(line.replace(/^\s*[-*]\s+/, ""))}</li>
              ))}
            </ul>
          );
        return <p key={index}>{inline(block.replace(/\n/g, " "))}</p>;
      })}
    </div>
  );
}

/** `code`, **strong** and *emphasis*, as React elements around plain text. */
function inline(text: string): ReactNode[] {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*|\*[^*]+\*)/).map((part, index) => {
    if (/^`[^`]+`$/.test(part)) return <code key={index}>{part.slice(1, -1)}</code>;
    if (/^\*\*[^*]+\*\*$/.test(part)) return <strong key={index}>{part.slice(2, -2)}</strong>;
    if (/^\*[^*]+\*$/.test(part)) return <em key={index}>{part.slice(1, -1)}</em>;
    return part;
  });
}
