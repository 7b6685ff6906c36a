import type { Address } from "viem";
import { delegationOf } from "@/app/_lib/format";
import { AddressLink } from "./AddressLink";

interface DelegateNameProps {
  /** The account that delegates. */
  account: Address;
  /** Whom it delegates to, as the chain or the indexer says (null or 0x0: nobody). */
  delegate: Address | null;
  /** Word it for the connected person ("yourself") rather than a visitor ("itself"). */
  isYou?: boolean;
  /** Say what having no delegate means, instead of just "nobody". */
  explainNone?: boolean;
}

export function DelegateName({ account, delegate, isYou = false, explainNone = false }: DelegateNameProps) {
  const delegation = delegationOf(account, delegate);
  if (delegation === "self") return isYou ? "yourself" : "itself";
  if (delegation === "none") {
    if (!explainNone) return "nobody";
    return (
      <>
        nobody yet{" "}
        <span className="fact-note">
          {isYou
            ? "— your AZR does not count as votes until you delegate"
            : "— this AZR does not count as votes until it is delegated"}
        </span>
      </>
    );
  }
  return <AddressLink address={delegation} />;
}
