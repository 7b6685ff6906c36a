"use client";
import type { ReactNode } from "react";
import type { Address } from "viem";
import { zeroAddress } from "viem";
import { formatAzr, sameAddress } from "@/app/_lib/format";
import type { Transfer } from "@/app/_lib/indexer";
import { useAccountActivity } from "@/app/_lib/useIndexer";
import { AddressLink } from "./AddressLink";
import { QueryState } from "./QueryState";
import { Timestamp } from "./Timestamp";

/** An account's latest AZR transfers, newest first, as indexed. */
export function TransferHistory({ address }: { address: Address }) {
  const { data, error } = useAccountActivity(address);
  return (
    <QueryState what="transfers" hasData={data !== undefined} error={error?.message ?? null}>
      {data && data.transfers.length === 0 && <p className="muted">No transfers yet.</p>}
      {data && data.transfers.length > 0 && (
        <>
          <ul className="history" data-testid="transfers">
            {data.transfers.map((transfer) => (
              <TransferRow key={transfer.id} transfer={transfer} account={address} />
            ))}
          </ul>
          {data.account && data.account.transferCount > data.transfers.length && (
            <p className="muted">
              The latest {data.transfers.length} of {data.account.transferCount} transfers.
            </p>
          )}
        </>
      )}
    </QueryState>
  );
}

function TransferRow({ transfer, account }: { transfer: Transfer; account: Address }) {
  const incoming = sameAddress(transfer.to, account);
  const counterparty = incoming ? transfer.from : transfer.to;
  let party: ReactNode = (
    <>
      {incoming ? "from" : "to"} <AddressLink address={counterparty} />
    </>
  );
  if (sameAddress(counterparty, zeroAddress)) party = incoming ? "newly minted" : "burned";
  return (
    <li data-testid="transfer">
      <span className={`badge ${incoming ? "badge-in" : "badge-out"}`}>{incoming ? "In" : "Out"}</span>
      <span className="history-main">
        <strong>{formatAzr(transfer.amount)}</strong> {party}
      </span>
      <span className="history-meta">
        <Timestamp seconds={transfer.timestamp} /> · block {transfer.blockNumber.toString()}
      </span>
    </li>
  );
}
