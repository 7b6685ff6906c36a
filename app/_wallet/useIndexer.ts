"use client";
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { queryIndexer } from "@/app/_lib/graphql";
import { accountActivityParts } from "@/app/_lib/indexer";
import { compose } from "@/app/_lib/indexer-query";
import type { Parts } from "@/app/_lib/indexer-query";
import { REFRESH_MS } from "./refresh";
import { useRuntimeConfig } from "./useRuntimeConfig";

const INDEXER_KEY = "indexer";

/** Reads `parts` of the indexer from the browser (app/_lib/indexer-query.ts), polled. */
export function useIndexerRead<P extends Parts>(key: string, parts: P) {
  const { indexerUrl } = useRuntimeConfig();
  const { query, variables, parse } = compose(parts);
  return useQuery({
    queryKey: [INDEXER_KEY, indexerUrl, key, variables],
    queryFn: () => queryIndexer<Record<string, unknown>>(indexerUrl ?? "", query, variables),
    enabled: indexerUrl !== null,
    select: parse,
    refetchInterval: REFRESH_MS,
  });
}

/** An account's indexed row, latest transfers and delegation changes, in one request. */
export function useAccountActivity(address: Address) {
  return useIndexerRead("accountActivity", accountActivityParts(address));
}
