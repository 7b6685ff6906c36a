import { Kind, parse } from "graphql";
import type { DocumentNode, FragmentDefinitionNode, SelectionSetNode, ValueNode } from "graphql";

// The GraphQL limits of the indexer, on top of Ponder's own (depth, tokens, aliases): the rows a
// query may ask for, counted before it runs.

/** Ponder's page size when a list gives no `limit`. */
const PONDER_DEFAULT_LIMIT = 50;
/** The most rows one query may ask for, every list and nested list counted. */
export const MAX_QUERY_ROWS = 10_000;
/** The deepest a query may nest (a list of rows with a relation's list inside is depth 5). */
export const MAX_QUERY_DEPTH = 12;

export interface QueryCost {
  /** Rows the query may read at most: a list's limit, times the limits of the lists around it. */
  rows: number;
  /** The lists that cost the most, for the error message. */
  worst: string;
}

function intValue(node: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (node === undefined) return undefined;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return typeof value === "number" ? value : undefined;
  }
  return undefined;
}

/**
 * The rows `document` may read: each list (a field whose selection has `items`) reads up to its
 * `limit` (Ponder's default 50 without one) for each row of the lists around it.
 */
export function queryCost(document: DocumentNode, variables: Record<string, unknown>): QueryCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  let rows = 0;
  let worst = { rows: 0, path: "" };
  const visit = (set: SelectionSetNode, times: number, path: string, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, times, path, seen);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value))
          visit(fragment.selectionSet, times, path, new Set([...seen, fragment.name.value]));
        continue;
      }
      if (!selection.selectionSet) continue;
      const name = selection.name.value;
      const items = selection.selectionSet.selections.find(
        (s) => s.kind === Kind.FIELD && s.name.value === "items",
      );
      if (items?.kind === Kind.FIELD && items.selectionSet) {
        const limit = intValue(selection.arguments?.find((a) => a.name.value === "limit")?.value, variables);
        const read = times * (limit ?? PONDER_DEFAULT_LIMIT);
        const where = path
          ? `${path} × ${name} ${limit ?? PONDER_DEFAULT_LIMIT}`
          : `${name} ${limit ?? PONDER_DEFAULT_LIMIT}`;
        rows += read;
        if (read > worst.rows) worst = { rows: read, path: where };
        visit(items.selectionSet, read, where, seen);
      } else {
        visit(selection.selectionSet, times, path, seen);
      }
    }
  };
  for (const definition of document.definitions)
    if (definition.kind === Kind.OPERATION_DEFINITION) visit(definition.selectionSet, 1, "", new Set());
  return { rows, worst: worst.path };
}

/**
 * Why `query` is refused, as a sentence, or null when it is within the limits (or does not parse:
 * GraphQL's own error says that better).
 */
export function refusal(query: string, variables: Record<string, unknown>): string | null {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return null;
  }
  const cost = queryCost(document, variables);
  if (cost.rows <= MAX_QUERY_ROWS) return null;
  return (
    `Query too large: it may read ${cost.rows.toLocaleString("en-US")} rows (the most through ` +
    `${cost.worst}), and the limit is ${MAX_QUERY_ROWS.toLocaleString("en-US")} rows per query. ` +
    `Ask for fewer rows with "limit" (nested lists multiply), and page with "after".`
  );
}
