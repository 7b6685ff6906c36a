import { useTranslations } from "next-intl";
import type { Address as Hex } from "viem";
import { Address } from "@/app/_components/ui/Address";
import { delegationOf } from "@/app/_lib/format";

interface DelegateNameProps {
  /** The account that delegates. */
  account: Hex;
  /** Whom it delegates to, as the chain or the indexer says (null or 0x0: nobody). */
  delegate: Hex | null;
  /** Word it for the connected person ("yourself") rather than a visitor ("itself"). */
  isYou?: boolean;
  /** Say what having no delegate means, instead of just "nobody". */
  explainNone?: boolean;
}

export function DelegateName({ account, delegate, isYou = false, explainNone = false }: DelegateNameProps) {
  const t = useTranslations("accounts");
  const delegation = delegationOf(account, delegate);
  if (delegation === "self") return isYou ? t("delegate.yourself") : t("delegate.itself");
  if (delegation === "none") {
    if (!explainNone) return t("delegate.nobody");
    return (
      <>
        {t("delegate.nobodyYet")}{" "}
        <span className="fact-note">{isYou ? t("delegate.noneYou") : t("delegate.noneOther")}</span>
      </>
    );
  }
  return <Address address={delegation} copy={false} />;
}
