import { useTranslations } from "next-intl";
import type { Address as Hex } from "viem";
import { zeroAddress } from "viem";
import { Address } from "@/app/_components/ui/Address";
import { Amount } from "@/app/_components/ui/Amount";
import { DateTime } from "@/app/_components/ui/DateTime";
import { EmptyState } from "@/app/_components/ui/EmptyState";
import { sameAddress } from "@/app/_lib/format";
import type { Transfer } from "@/app/_lib/indexer";

/** An account's latest AZR transfers, newest first, as indexed. */
export function TransferList({
  account,
  transfers,
  total,
}: {
  account: Hex;
  transfers: Transfer[];
  /** How many the account has in all, when more than shown. */
  total?: number;
}) {
  const t = useTranslations("accounts");
  if (transfers.length === 0) return <EmptyState title={t("transfers.none")} />;
  return (
    <>
      <ul className="history" data-testid="transfers">
        {transfers.map((transfer) => {
          const incoming = sameAddress(transfer.to, account);
          const counterparty = incoming ? transfer.from : transfer.to;
          const minted = sameAddress(counterparty, zeroAddress);
          return (
            <li key={transfer.id} data-testid="transfer">
              <span className={`badge ${incoming ? "badge-in" : "badge-out"}`}>
                {incoming ? t("transfers.in") : t("transfers.out")}
              </span>
              <span className="history-main">
                <strong>
                  <Amount value={transfer.amount} />
                </strong>{" "}
                {minted ? (
                  incoming ? (
                    t("transfers.minted")
                  ) : (
                    t("transfers.burned")
                  )
                ) : (
                  <>
                    {incoming ? t("transfers.from") : t("transfers.to")}{" "}
                    <Address address={counterparty} copy={false} />
                  </>
                )}
              </span>
              <span className="history-meta">
                <DateTime seconds={transfer.timestamp} /> ·{" "}
                {t("block", { number: transfer.blockNumber.toString() })}
              </span>
            </li>
          );
        })}
      </ul>
      {total !== undefined && total > transfers.length && (
        <p className="muted">{t("transfers.latest", { shown: transfers.length, total })}</p>
      )}
    </>
  );
}
