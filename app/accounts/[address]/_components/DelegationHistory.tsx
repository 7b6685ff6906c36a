"use client";
import type { Address } from "viem";
import { DelegateName } from "@/app/_components/DelegateName";
import { QueryState } from "@/app/_components/QueryState";
import { Timestamp } from "@/app/_components/Timestamp";
import { useAccountActivity } from "@/app/_lib/useIndexer";

/** Every change of whom this account delegates its votes to, newest first, as indexed. */
export function DelegationHistory({ address }: { address: Address }) {
  const { data, error } = useAccountActivity(address);
  return (
    <QueryState what="delegation history" hasData={data !== undefined} error={error?.message ?? null}>
      {data && data.delegations.length === 0 && (
        <p className="muted">This account has never delegated its votes.</p>
      )}
      {data && data.delegations.length > 0 && (
        <ul className="history" data-testid="delegations">
          {data.delegations.map((change) => (
            <li key={change.id}>
              <span className="history-main">
                Delegated to <DelegateName account={address} delegate={change.toDelegate} /> (before:{" "}
                <DelegateName account={address} delegate={change.fromDelegate} />)
              </span>
              <span className="history-meta">
                <Timestamp seconds={change.timestamp} /> · block {change.blockNumber.toString()}
              </span>
            </li>
          ))}
        </ul>
      )}
    </QueryState>
  );
}
