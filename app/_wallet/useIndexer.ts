"use client";
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { queryIndexer } from "@/app/_lib/graphql";
import { ACCOUNT_ACTIVITY_QUERY, HISTORY_LIMIT, parseAccountActivity } from "@/app/_lib/indexer";
import type { AccountActivityResponse } from "@/app/_lib/indexer";
import { REFRESH_MS } from "./refresh";
import { useRuntimeConfig } from "./useRuntimeConfig";

const INDEXER_KEY = "indexer";

/** An account's indexed row, latest transfers and delegation changes, in one request. */
export function useAccountActivity(address: Address) {
  const { indexerUrl } = useRuntimeConfig();
  const variables = { address: address.toLowerCase(), limit: HISTORY_LIMIT };
  return useQuery({
    queryKey: [INDEXER_KEY, indexerUrl, "accountActivity", variables],
    queryFn: () => queryIndexer<AccountActivityResponse>(indexerUrl ?? "", ACCOUNT_ACTIVITY_QUERY, variables),
    enabled: indexerUrl !== null,
    select: parseAccountActivity,
    refetchInterval: REFRESH_MS,
  });
}
