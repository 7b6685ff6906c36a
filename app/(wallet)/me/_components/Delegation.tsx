"use client";
import "@/app/(public)/dao/_components/dao.css";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { isAddress, getAddress } from "viem";
import type { Address } from "viem";
import { useConfig, useReadContract, useSignTypedData } from "wagmi";
// One action, not usePublicClient(): that client carries every public action (ENS, fee
// estimation, simulateBlocks…), some 40 kB gzipped this page would load for one block read.
import { getBlock } from "wagmi/actions";
import { manifest } from "@/deployments/index";
import { contractOf } from "@/protocol/manifest";
import { delegationTypedData } from "@/protocol/eip712";
import { Address as AddressView, Amount, Card } from "@/app/_components/ui";
import { delegationOf } from "@/app/_lib/format";
import { RelayButton, useRelay } from "@/app/_wallet/RelayButton";
import { useChainAccount } from "@/app/_wallet/useChainAccount";
import { Fact } from "@/app/_components/Fact";
import { whenConnected } from "./whenConnected";

const token = contractOf(manifest, "AzoraToken");
/** A signed delegation is good for an hour: long enough to send, short enough to be harmless. */
const EXPIRY_SECONDS = 3_600n;

/** Delegate your votes (to yourself or to someone) for free: you sign, the relayer sends it. */
export const Delegation = whenConnected(function DelegationCard({ address: account }: { address: Address }) {
  const t = useTranslations("me");
  const { balance, votes, delegate } = useChainAccount(account);
  const nonce = useReadContract({
    ...token,
    chainId: manifest.chainId,
    functionName: "nonces",
    args: [account],
  });
  const { signTypedDataAsync } = useSignTypedData();
  const config = useConfig();
  const [to, setTo] = useState<"self" | "other">("self");
  const [other, setOther] = useState("");
  const { relay, send } = useRelay();
  const otherValid = isAddress(other.trim());
  const delegatee: Address | null = to === "self" ? account : otherValid ? getAddress(other.trim()) : null;
  const current = delegate === undefined ? undefined : delegationOf(account, delegate);

  async function delegateFree() {
    if (!delegatee || nonce.data === undefined) return;
    const delegation = { delegatee, nonce: nonce.data };
    await send({
      sign: async () => {
        // The token judges expiry by block time, which need not be the reader's clock.
        const expiry = (await getBlock(config, { chainId: manifest.chainId })).timestamp + EXPIRY_SECONDS;
        const typed = delegationTypedData(manifest.chainId, token.address, { ...delegation, expiry });
        return { expiry, signature: await signTypedDataAsync(typed) };
      },
      url: "/api/relay/delegate",
      body: ({ expiry, signature }) => ({
        delegator: account,
        delegatee,
        nonce: delegation.nonce.toString(),
        expiry: expiry.toString(),
        signature,
      }),
    });
    void nonce.refetch();
  }

  return (
    <Card title={t("delegation.title")} id="delegation-title" data-testid="delegation">
      <p>{t("delegation.why")}</p>
      <dl className="facts">
        <Fact term={t("delegation.balance")}>
          {balance !== undefined && <Amount value={balance} data-testid="my-balance" />}
        </Fact>
        <Fact term={t("delegation.votes")}>
          {votes !== undefined && <Amount value={votes} data-testid="my-votes" />}
        </Fact>
        <Fact term={t("delegation.current")} testId="my-delegate">
          {current === undefined ? (
            ""
          ) : current === "self" ? (
            t("delegation.toSelf")
          ) : current === "none" ? (
            t("delegation.toNobody")
          ) : (
            <AddressView address={current} copy={false} />
          )}
        </Fact>
      </dl>
      <fieldset>
        <legend>{t("delegation.choose")}</legend>
        <label className="choice">
          <input type="radio" name="delegate-to" checked={to === "self"} onChange={() => setTo("self")} />{" "}
          {t("delegation.self")}
        </label>
        <label className="choice">
          <input type="radio" name="delegate-to" checked={to === "other"} onChange={() => setTo("other")} />{" "}
          {t("delegation.other")}
        </label>
        {to === "other" && (
          <>
            <label htmlFor="delegatee">{t("delegation.address")}</label>
            <input
              id="delegatee"
              value={other}
              onChange={(event) => setOther(event.target.value)}
              placeholder="0x…"
              aria-invalid={other !== "" && !otherValid}
              spellCheck={false}
              autoComplete="off"
            />
            {other !== "" && !otherValid && <p className="error-text">{t("delegation.badAddress")}</p>}
          </>
        )}
      </fieldset>
      <RelayButton
        testId="delegate-free"
        relay={relay}
        disabled={!delegatee || nonce.data === undefined}
        onClick={() => void delegateFree()}
        words={{
          signing: t("delegation.signing"),
          sending: t("delegation.sending"),
          done: t("delegation.done"),
          failed: (key) => t(`delegation.failed.${key}`),
        }}
      >
        {t("delegation.free")}
      </RelayButton>
      <p className="muted">{t("delegation.freeWhy")}</p>
    </Card>
  );
});
