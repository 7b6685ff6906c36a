"use client";
import { AddressLink } from "@/app/_components/AddressLink";
import { DelegateName } from "@/app/_components/DelegateName";
import { QueryState } from "@/app/_components/QueryState";
import { formatAzr } from "@/app/_lib/format";
import { useHolders } from "@/app/_lib/useIndexer";

/** The largest AZR holders, as indexed; refreshed every few seconds. */
export function Holders() {
  const { data, error } = useHolders();
  return (
    <section className="panel" aria-labelledby="holders-title">
      <h2 id="holders-title">Holders</h2>
      <QueryState what="holders" hasData={data !== undefined} error={error?.message ?? null}>
        {data && data.holders.length === 0 && <p className="muted">Nobody holds AZR yet.</p>}
        {data && data.holders.length > 0 && (
          <div className="table-scroll">
            <table data-testid="holders">
              <caption>
                {data.total > data.holders.length
                  ? `The ${data.holders.length} largest of ${data.total} AZR holders, as indexed.`
                  : `All ${data.total} AZR holders, as indexed.`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Holder</th>
                  <th scope="col" className="num">
                    Balance
                  </th>
                  <th scope="col" className="num">
                    Voting power
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.holders.map((holder) => (
                  <tr key={holder.address}>
                    <th scope="row">
                      <AddressLink address={holder.address} />
                      <span className="cell-note">
                        delegates to <DelegateName account={holder.address} delegate={holder.delegate} />
                      </span>
                    </th>
                    <td className="num">{formatAzr(holder.balance)}</td>
                    <td className="num">{formatAzr(holder.votes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
