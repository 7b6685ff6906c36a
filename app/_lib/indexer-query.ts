import { getAddress } from "viem";
import type * as schema from "@/indexer/ponder.schema";

// Typed reads of the indexer, typed from indexer/ponder.schema.ts: a page names a table and the
// fields it shows; the GraphQL document is built from those fields, several parts go out as one
// request, and rows come back as the schema types them (bigints as bigints, addresses
// checksummed). Only the schema's type is imported: nothing of Ponder reaches a bundle.
// Run on the server with `indexerRead` (app/_lib/server-data.ts), in a wallet island with
// `useIndexerRead` (app/_wallet/useIndexer.ts).
//
// Why GraphQL and not @ponder/client: on PGlite (what `npm run dev` runs) @ponder/client has been
// seen reading a stale temporary table for tables written with upserts; Ponder's GraphQL reads the
// real tables on both databases.

type Schema = typeof schema;
/** Every table of the indexer, by the name of its GraphQL fields (`account`, `accounts`). */
export type TableName = {
  [K in keyof Schema]: Schema[K] extends { $inferSelect: object } ? K : never;
}[keyof Schema] &
  string;
/** A row of `T` as the schema types it. */
export type Row<T extends TableName> = Schema[T] extends { $inferSelect: infer R } ? R : never;

/** The fields a page asks of a table: `true`, or `"bigint"` for bigint columns (sent as strings). */
export type Fields<T extends TableName> = {
  [K in keyof Row<T>]?: NonNullable<Row<T>[K]> extends bigint ? "bigint" : true;
};
/** The row a page gets for `fields`. */
export type Picked<T extends TableName, F extends Fields<T>> = Pick<Row<T>, keyof F & keyof Row<T>>;

export interface Page<R> {
  items: R[];
  /** Pass as `after` for the next page; null on the last. */
  endCursor: string | null;
  hasNextPage: boolean;
}
/** A page that also counts every row of the filter (`count: true`): a second query, ask only when shown. */
export type CountedPage<R> = Page<R> & { totalCount: number };

/** The most rows one list may ask for: every list is bounded and paged. */
export const MAX_PAGE_SIZE = 100;

/** One root field of a query (or several, named `<alias>_…`): its text (variables prefixed `$_`), variables and parser. */
export interface Part<D> {
  text: (alias: string) => string;
  variables: Record<string, { type: string; value: unknown }>;
  parse: (raw: unknown, data: Record<string, unknown>, alias: string) => D;
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

function toWire(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toWire);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toWire(inner)]));
  }
  return value;
}

function decode<T extends TableName, F extends Fields<T>>(
  fields: F,
  raw: Record<string, unknown>,
): Picked<T, F> {
  const row: Record<string, unknown> = {};
  for (const [field, kind] of Object.entries(fields)) {
    const value = raw[field];
    if (kind === "bigint" && typeof value === "string") row[field] = BigInt(value);
    else if (typeof value === "string" && ADDRESS.test(value)) row[field] = getAddress(value);
    else row[field] = value;
  }
  return row as Picked<T, F>;
}

/** One row of `table` by its primary key (`{ id: 3n }`, `{ address: "0x…" }`); null when absent. */
export function one<T extends TableName, F extends Fields<T>>(
  table: T,
  key: Record<string, string | bigint>,
  fields: F,
): Part<Picked<T, F> | null> {
  const names = Object.keys(key);
  return {
    text: (alias) =>
      `${alias}: ${table}(${names.map((n) => `${n}: $${alias}_${n}`).join(", ")}) { ${Object.keys(fields).join(" ")} }`,
    variables: Object.fromEntries(
      names.map((n) => {
        const value = key[n];
        const wire = typeof value === "string" && ADDRESS.test(value) ? value.toLowerCase() : toWire(value);
        return [n, { type: typeof value === "bigint" ? "BigInt!" : "String!", value: wire }];
      }),
    ),
    parse: (raw) => (raw ? decode<T, F>(fields, raw as Record<string, unknown>) : null),
  };
}

/**
 * A page of `table`: filtered (Ponder's filter: `{ balance_gt: 0n }`), ordered, at most `limit` rows
 * after `after`; with `count: true`, also the number of rows of the filter (`totalCount`).
 */
export function many<T extends TableName, F extends Fields<T>, C extends boolean = false>(
  table: T,
  fields: F,
  options: {
    where?: Record<string, unknown>;
    orderBy?: keyof Row<T> & string;
    orderDirection?: "asc" | "desc";
    limit: number;
    after?: string | null;
    count?: C;
  },
): Part<C extends true ? CountedPage<Picked<T, F>> : Page<Picked<T, F>>> {
  const limit = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(options.limit)));
  const count = options.count === true ? " totalCount" : "";
  return {
    text: (alias) =>
      `${alias}: ${table}s(where: $${alias}_where, orderBy: $${alias}_orderBy, orderDirection: $${alias}_orderDirection, limit: $${alias}_limit, after: $${alias}_after) { items { ${Object.keys(fields).join(" ")} }${count} pageInfo { endCursor hasNextPage } }`,
    variables: {
      where: { type: `${table}Filter`, value: toWire(options.where ?? {}) },
      orderBy: { type: "String", value: options.orderBy ?? null },
      orderDirection: { type: "String", value: options.orderDirection ?? null },
      limit: { type: "Int!", value: limit },
      after: { type: "String", value: options.after ?? null },
    },
    parse: (raw) => {
      const page = raw as {
        items: Record<string, unknown>[];
        totalCount?: number;
        pageInfo: { endCursor: string | null; hasNextPage: boolean };
      };
      return {
        items: page.items.map((item) => decode<T, F>(fields, item)),
        ...(page.totalCount === undefined ? {} : { totalCount: page.totalCount }),
        endCursor: page.pageInfo.endCursor,
        hasNextPage: page.pageInfo.hasNextPage,
      } as C extends true ? CountedPage<Picked<T, F>> : Page<Picked<T, F>>;
    },
  };
}

const compare = (a: unknown, b: unknown) =>
  (a as bigint) < (b as bigint) ? -1 : (a as bigint) > (b as bigint) ? 1 : 0;

/** `many` as most lists ask: the first `limit` rows where `where` holds, in `order` (`["timestamp", "desc"]`). */
export function rows<T extends TableName, F extends Fields<T>>(
  table: T,
  fields: F,
  where: Record<string, unknown>,
  [orderBy, orderDirection]: readonly [keyof Row<T> & string, "asc" | "desc"],
  limit: number,
): Part<Page<Picked<T, F>>> {
  return many(table, fields, { where, orderBy, orderDirection, limit });
}

/**
 * The first `limit` rows of `table` that match any of `where`, in one order: each filter is a list
 * of its own, merged here. For an OR across two columns that no one index orders (an account's
 * transfers, sent or received): each list reads `limit` rows of its own index, however long the
 * history, where an OR would read and sort all of it. The first page only (no cursor).
 */
export function manyOfEither<T extends TableName, F extends Fields<T>>(
  table: T,
  fields: F,
  options: {
    where: Record<string, unknown>[];
    orderBy: keyof Row<T> & keyof F & string;
    orderDirection: "asc" | "desc";
    /** The primary key: orders ties (as Ponder does) and drops a row both lists return. */
    key: keyof Row<T> & keyof F & string;
    limit: number;
  },
): Part<Page<Picked<T, F>>> {
  const { orderBy, orderDirection, key, limit } = options;
  const lists = options.where.map((where) => many(table, fields, { where, orderBy, orderDirection, limit }));
  return {
    text: (alias) => lists.map((list, i) => list.text(`${alias}_${i}`)).join(" "),
    variables: Object.fromEntries(
      lists.flatMap((list, i) => Object.entries(list.variables).map(([name, v]) => [`${i}_${name}`, v])),
    ),
    parse: (_raw, data, alias) => {
      const pages = lists.map((list, i) => list.parse(data[`${alias}_${i}`], data, `${alias}_${i}`));
      const rows = new Map<unknown, Picked<T, F>>();
      for (const row of pages.flatMap((page) => page.items)) rows.set(row[key as keyof Picked<T, F>], row);
      const sign = orderDirection === "desc" ? -1 : 1;
      const items = [...rows.values()].sort(
        (a, b) =>
          sign *
          (compare(a[orderBy as keyof Picked<T, F>], b[orderBy as keyof Picked<T, F>]) ||
            compare(a[key as keyof Picked<T, F>], b[key as keyof Picked<T, F>])),
      );
      return {
        items: items.slice(0, limit),
        endCursor: null,
        hasNextPage: items.length > limit || pages.some((page) => page.hasNextPage),
      };
    },
  };
}

export type Parts = Record<string, Part<unknown>>;
export type PartsData<P extends Parts> = { [K in keyof P]: P[K] extends Part<infer D> ? D : never };

/** Several parts as one GraphQL request: its document, its variables, and the parser of its `data`. */
export function compose<P extends Parts>(parts: P) {
  const entries = Object.entries(parts);
  const declarations = entries.flatMap(([alias, part]) =>
    Object.entries(part.variables).map(([name, { type }]) => `$${alias}_${name}: ${type}`),
  );
  const variables = Object.fromEntries(
    entries.flatMap(([alias, part]) =>
      Object.entries(part.variables).map(([name, { value }]) => [`${alias}_${name}`, value]),
    ),
  );
  const query = `query (${declarations.join(", ")}) { ${entries.map(([alias, part]) => part.text(alias)).join(" ")} }`;
  const parse = (data: Record<string, unknown>) =>
    Object.fromEntries(
      entries.map(([alias, part]) => [alias, part.parse(data[alias], data, alias)]),
    ) as PartsData<P>;
  return { query, variables, parse };
}
