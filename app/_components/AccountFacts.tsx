"use client";
import type { Address } from "viem";
import { formatAzr } from "@/app/_lib/format";
import { describeChainError } from "@/app/_lib/errors";
import { useAccountActivity } from "@/app/_lib/useIndexer";
import { useChainAccount } from "@/app/_lib/useChainAccount";
import { useRuntimeConfig } from "@/app/_lib/useRuntimeConfig";
import { DelegateName } from "./DelegateName";

/** What a fact shows before its value is there. */
const missing = (error: Error | null) => (error ? "unavailable" : "loading…");

/**
 * Balance (from the chain and from the indexer side by side), voting power and delegate of an
 * account. `isYou` words it for the connected person ("yourself") or for a visitor ("itself").
 */
export function AccountFacts({ address, isYou }: { address: Address; isYou: boolean }) {
  const { rpcUrl } = useRuntimeConfig();
  const chain = useChainAccount(address);
  const indexed = useAccountActivity(address);
  const indexedBalance = indexed.data && (indexed.data.account?.balance ?? 0n);
  const catchingUp =
    indexedBalance !== undefined && chain.balance !== undefined && indexedBalance !== chain.balance;

  return (
    <>
      <dl className="facts">
        <div>
          <dt>Balance on chain</dt>
          <dd data-testid="chain-balance">
            {chain.balance === undefined ? missing(chain.error) : formatAzr(chain.balance)}
          </dd>
        </div>
        <div>
          <dt>Balance in the indexer</dt>
          <dd>
            <span data-testid="indexed-balance">
              {indexedBalance === undefined ? missing(indexed.error) : formatAzr(indexedBalance)}
            </span>
            {catchingUp && <span className="muted"> (catching up with the chain)</span>}
          </dd>
        </div>
        <div>
          <dt>Voting power</dt>
          <dd data-testid="voting-power">
            {chain.votes === undefined ? missing(chain.error) : formatAzr(chain.votes)}
          </dd>
        </div>
        <div>
          <dt>Delegates votes to</dt>
          <dd data-testid="delegate">
            {chain.delegate === undefined ? (
              missing(chain.error)
            ) : (
              <DelegateName account={address} delegate={chain.delegate} isYou={isYou} explainNone />
            )}
          </dd>
        </div>
      </dl>
      {chain.error && (
        <p className="notice notice-error" role="alert">
          {describeChainError(chain.error, rpcUrl)}
        </p>
      )}
      {indexed.error && (
        <p className="notice notice-error" role="alert">
          {indexed.error.message}
        </p>
      )}
    </>
  );
}
