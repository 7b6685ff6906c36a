/** How often pages re-read the chain and the indexer, so new blocks show up without a reload. */
export const REFRESH_MS = 3_000;
