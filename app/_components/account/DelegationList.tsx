import { useTranslations } from "next-intl";
import type { Address as Hex } from "viem";
import { DateTime } from "@/app/_components/ui/DateTime";
import { EmptyState } from "@/app/_components/ui/EmptyState";
import type { DelegationChange } from "@/app/_lib/indexer";
import { DelegateName } from "./DelegateName";

/** Every change of whom this account delegates its votes to, newest first, as indexed. */
export function DelegationList({ account, changes }: { account: Hex; changes: DelegationChange[] }) {
  const t = useTranslations("accounts");
  if (changes.length === 0) return <EmptyState title={t("delegations.none")} />;
  return (
    <ul className="history" data-testid="delegations">
      {changes.map((change) => (
        <li key={change.id}>
          <span className="history-main">
            {t.rich("delegations.change", {
              to: () => <DelegateName account={account} delegate={change.toDelegate} />,
              from: () => <DelegateName account={account} delegate={change.fromDelegate} />,
            })}
          </span>
          <span className="history-meta">
            <DateTime seconds={change.timestamp} /> · {t("block", { number: change.blockNumber.toString() })}
          </span>
        </li>
      ))}
    </ul>
  );
}
