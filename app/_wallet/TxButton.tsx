"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { TransactionStatus } from "./useTransaction";

interface TxButtonProps {
  /** What the button does, as a verb: "Delegate to myself". */
  children: ReactNode;
  /** Sends the transaction (e.g. `() => writeContract({...})` from useTransaction). */
  onClick: () => void;
  status: TransactionStatus;
  /** What confirmation means for the reader ("Your AZR now counts as your votes."). */
  confirmedNote?: ReactNode;
  disabled?: boolean;
  "data-testid"?: string;
  /** Test id of the status line. */
  statusTestId?: string;
}

/**
 * A transaction's button and its four states in words: sign (in the wallet), pending (waiting for
 * a block), confirmed (with the block), failed (why, and the button works again). The status line
 * is a live region, so screen readers hear each change. Wallet pages only.
 */
export function TxButton({
  children,
  onClick,
  status,
  confirmedNote,
  disabled = false,
  statusTestId,
  ...rest
}: TxButtonProps) {
  const t = useTranslations("wallet");
  const pending = status.state === "pending";
  return (
    <div className="tx">
      <button
        type="button"
        onClick={onClick}
        disabled={disabled || pending}
        aria-busy={pending}
        data-testid={rest["data-testid"]}
      >
        {children}
      </button>
      <p role="status" data-testid={statusTestId} className={`tx-status tx-${status.state}`}>
        {statusText(status, t)}
        {status.state === "confirmed" && confirmedNote && <> {confirmedNote}</>}
      </p>
    </div>
  );
}

function statusText(status: TransactionStatus, t: ReturnType<typeof useTranslations<"wallet">>): string {
  switch (status.state) {
    case "idle":
      return "";
    case "pending":
      return status.waitingFor === "wallet" ? t("tx.sign") : t("tx.pending");
    case "confirmed":
      return t("tx.confirmed", { block: status.blockNumber.toString() });
    case "failed":
      switch (status.reason.kind) {
        case "rejected":
          return t("tx.rejected");
        case "reverted":
          return t("tx.reverted", { block: status.reason.blockNumber.toString() });
        case "other":
          return t("tx.failed", { reason: status.reason.message });
      }
  }
}
