import { useTranslations } from "next-intl";
import type { Address as Hex } from "viem";
import { Amount } from "@/app/_components/ui/Amount";
import { DelegateName } from "./DelegateName";
import { Fact } from "@/app/_components/Fact";

/** Where a value is: there, still loading, or unavailable (an error is explained below the facts). */
export type Fact<T> = { state: "ready"; value: T } | { state: "loading" } | { state: "failed" };

interface AccountFactsProps {
  address: Hex;
  isYou: boolean;
  balance: Fact<bigint>;
  indexedBalance: Fact<bigint>;
  votes: Fact<bigint>;
  delegate: Fact<Hex | null>;
}

/**
 * Balance (from the chain and from the indexer side by side), voting power and delegate of an
 * account: the same view for the server-rendered account page and the connected wallet's panel.
 */
export function AccountFacts({
  address,
  isYou,
  balance,
  indexedBalance,
  votes,
  delegate,
}: AccountFactsProps) {
  const t = useTranslations("accounts");
  const missing = (fact: Fact<unknown>) => (fact.state === "failed" ? t("unavailable") : t("loading"));
  const catchingUp =
    balance.state === "ready" && indexedBalance.state === "ready" && balance.value !== indexedBalance.value;
  return (
    <dl className="facts">
      <Fact term={t("facts.chainBalance")} testId="chain-balance">
        {balance.state === "ready" ? <Amount value={balance.value} /> : missing(balance)}
      </Fact>
      <Fact term={t("facts.indexedBalance")}>
        <span data-testid="indexed-balance">
          {indexedBalance.state === "ready" ? (
            <Amount value={indexedBalance.value} />
          ) : (
            missing(indexedBalance)
          )}
        </span>
        {catchingUp && <span className="fact-note">{t("facts.catchingUp")}</span>}
      </Fact>
      <Fact term={t("facts.votingPower")} testId="voting-power">
        {votes.state === "ready" ? <Amount value={votes.value} /> : missing(votes)}
      </Fact>
      <Fact term={t("facts.delegatesTo")} testId="delegate">
        {delegate.state === "ready" ? (
          <DelegateName account={address} delegate={delegate.value} isYou={isYou} explainNone />
        ) : (
          missing(delegate)
        )}
      </Fact>
    </dl>
  );
}
