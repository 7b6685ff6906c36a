"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { Address, Hex } from "viem";
import { useAccount, useBlock, useConfig, useReadContract, useSignTypedData } from "wagmi";
import { simulateContract } from "wagmi/actions";
import { manifest } from "@/deployments/index";
import { contractOf } from "@/protocol/manifest";
import { ballotTypedData } from "@/protocol/eip712";
import { ProposalState, VoteType } from "@/protocol/enums";
import { Amount, DateTime, TextArea } from "@/app/_components/ui";
import { RelayButton, useRelay } from "@/app/_wallet/RelayButton";
import { REFRESH_MS } from "@/app/_wallet/refresh";
import { TxButton } from "@/app/_wallet/TxButton";
import { useTransaction } from "@/app/_wallet/useTransaction";
import { WalletPart } from "@/app/_wallet/WalletPart";
import type { WalletPartProps } from "@/app/_wallet/WalletPart";
import { daoErrorOf } from "../../_lib/errors";
import type { DaoError } from "../../_lib/errors";

/** What the actions need of a proposal (plain JSON: it crosses from the server page). */
export interface ProposalForActions {
  id: string;
  targets: Address[];
  values: string[];
  calldatas: Hex[];
  descriptionHash: Hex;
  voteStart: string;
  /** The tally the page shows, from the indexer: against, for, abstain (the Governor's order). */
  shownTally: [string, string, string];
}

/** The wallet part of a proposal page, loaded on demand by ProposalActionsIsland. */
export default function ProposalWallet({
  proposal,
  ...part
}: WalletPartProps & { proposal: ProposalForActions }) {
  return (
    <WalletPart {...part}>
      <ProposalActions proposal={proposal} />
    </WalletPart>
  );
}

const governor = contractOf(manifest, "AzoraGovernor");
const live = { chainId: manifest.chainId, query: { refetchInterval: REFRESH_MS } } as const;

function ProposalActions({ proposal }: { proposal: ProposalForActions }) {
  const t = useTranslations("dao");
  const router = useRouter();
  const { address } = useAccount();
  const id = BigInt(proposal.id);
  const state = useReadContract({ ...governor, ...live, functionName: "state", args: [id] });
  const eta = useReadContract({ ...governor, ...live, functionName: "proposalEta", args: [id] });
  const block = useBlock({ chainId: manifest.chainId, watch: true });
  const confirmed = [useTransaction(), useTransaction(), useTransaction()] as const;
  const [voteTx, queueTx, executeTx] = confirmed;
  const anyConfirmed = confirmed.some((tx) => tx.status.state === "confirmed");
  useEffect(() => {
    if (anyConfirmed) router.refresh();
  }, [anyConfirmed, router]);
  // The page's tally comes from the indexer, a moment behind the chain: while the chain counts
  // votes the page does not show yet (a vote just cast), load the page's data again.
  const chainTally = useReadContract({ ...governor, ...live, functionName: "proposalVotes", args: [id] });
  const tallyLags = chainTally.data !== undefined && chainTally.data.join() !== proposal.shownTally.join();
  useEffect(() => {
    if (!tallyLags) return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [tallyLags, router]);

  if (state.data === undefined) return null;
  const operation = [
    proposal.targets,
    proposal.values.map(BigInt),
    proposal.calldatas,
    proposal.descriptionHash,
  ] as const;
  return (
    <div data-testid="proposal-actions">
      {state.data === ProposalState.Active && address && (
        <VotePanel proposal={proposal} voter={address} voteTx={voteTx} onRelayed={() => router.refresh()} />
      )}
      {state.data === ProposalState.Active && !address && <p>{t("actions.connectToVote")}</p>}
      {state.data === ProposalState.Pending && <p>{t("actions.notOpenYet")}</p>}
      {state.data === ProposalState.Succeeded && (
        <GuardedStep step="queue" tx={queueTx} account={address} operation={operation} />
      )}
      {state.data === ProposalState.Queued &&
        eta.data !== undefined &&
        (block.data && block.data.timestamp < eta.data ? (
          <p data-testid="execute-wait">
            {t("actions.executeAfter")} <DateTime seconds={eta.data} />
          </p>
        ) : (
          <GuardedStep step="execute" tx={executeTx} account={address} operation={operation} />
        ))}
      {state.data === ProposalState.Executed && <p data-testid="executed-note">{t("actions.executed")}</p>}
    </div>
  );
}

type Tx = ReturnType<typeof useTransaction>;
/** What the Timelock's queue and execute take: the proposal's calls and its description's hash. */
type Operation = readonly [Address[], bigint[], Hex[], Hex];
type GovernorCall =
  | { functionName: "queue" | "execute"; args: Operation }
  | { functionName: "castVoteWithReason"; args: readonly [bigint, number, string] };

/** Simulates the call first (a revert becomes a sentence and a next step), then sends it. */
function useGuardedSend(tx: Tx, account: Address | undefined) {
  const config = useConfig();
  const [refusal, setRefusal] = useState<DaoError | "unknown" | null>(null);
  async function send(call: GovernorCall) {
    setRefusal(null);
    if (!account) return;
    try {
      await simulateContract(config, {
        ...governor,
        ...call,
        account,
        chainId: manifest.chainId,
      } as Parameters<typeof simulateContract>[1]);
    } catch (error) {
      setRefusal(daoErrorOf(error));
      return;
    }
    tx.writeContract({ ...governor, ...call, chainId: manifest.chainId } as Parameters<
      Tx["writeContract"]
    >[0]);
  }
  return { send, refusal };
}

function Refusal({ refusal }: { refusal: DaoError | "unknown" | null }) {
  const t = useTranslations("dao");
  if (!refusal) return null;
  return (
    <p role="alert" className="error-text" data-testid="dao-refusal">
      {t(`errors.${refusal}`)} {t(`errors.${refusal}Next`)}
    </p>
  );
}

/** Queue or execute, the steps anyone may take once a vote has passed: why, then the button. */
function GuardedStep({
  step,
  tx,
  account,
  operation,
}: {
  step: "queue" | "execute";
  tx: Tx;
  account: Address | undefined;
  operation: Operation;
}) {
  const t = useTranslations("dao");
  const { send, refusal } = useGuardedSend(tx, account);
  if (!account) return <p>{t("actions.connectToAct")}</p>;
  return (
    <>
      <p>{t(`actions.${step}Why`)}</p>
      <TxButton
        data-testid={step}
        statusTestId={`${step}-status`}
        status={tx.status}
        onClick={() => void send({ functionName: step, args: operation })}
      >
        {t(`actions.${step}`)}
      </TxButton>
      <Refusal refusal={refusal} />
    </>
  );
}

const CHOICES = [
  ["for", VoteType.For],
  ["against", VoteType.Against],
  ["abstain", VoteType.Abstain],
] as const;

function VotePanel({
  proposal,
  voter,
  voteTx,
  onRelayed,
}: {
  proposal: ProposalForActions;
  voter: Address;
  voteTx: Tx;
  onRelayed: () => void;
}) {
  const t = useTranslations("dao");
  const id = BigInt(proposal.id);
  const [support, setSupport] = useState<number>(VoteType.For);
  const [reason, setReason] = useState("");
  const power = useReadContract({
    ...governor,
    ...live,
    functionName: "getVotes",
    args: [voter, BigInt(proposal.voteStart)],
  });
  const voted = useReadContract({ ...governor, ...live, functionName: "hasVoted", args: [id, voter] });
  const nonce = useReadContract({ ...governor, ...live, functionName: "nonces", args: [voter] });
  const { signTypedDataAsync } = useSignTypedData();
  const { send, refusal } = useGuardedSend(voteTx, voter);
  const { relay, send: relayVote } = useRelay();

  async function voteFree() {
    if (nonce.data === undefined) return;
    const ballot = { proposalId: id, support, voter, nonce: nonce.data };
    const ended = await relayVote({
      sign: async () => ({
        signature: await signTypedDataAsync(ballotTypedData(manifest.chainId, governor.address, ballot)),
      }),
      url: "/api/relay/vote",
      body: ({ signature }) => ({ proposalId: proposal.id, support, voter, signature }),
    });
    if (ended.state !== "done") return;
    void voted.refetch();
    onRelayed();
  }

  if (voted.data) return <p data-testid="vote-done">{t("vote.counted")}</p>;
  if (power.data === 0n) return <p data-testid="no-power">{t("vote.noPower")}</p>;
  return (
    <form className="vote-form" onSubmit={(event) => event.preventDefault()}>
      <p>
        {t("vote.power")} {power.data !== undefined && <Amount value={power.data} />}
      </p>
      <fieldset>
        <legend>{t("vote.choice")}</legend>
        {CHOICES.map(([key, value]) => (
          <label key={key} className="choice">
            <input
              type="radio"
              name="support"
              value={key}
              checked={support === value}
              onChange={() => setSupport(value)}
            />{" "}
            {t(`tally.${key}`)}
          </label>
        ))}
      </fieldset>
      <RelayButton
        testId="vote-free"
        relay={relay}
        disabled={nonce.data === undefined}
        onClick={() => void voteFree()}
        words={{
          signing: t("vote.signing"),
          sending: t("vote.sending"),
          done: t("vote.relayed"),
          failed: (key) => t(`relay.${key}`),
        }}
      >
        {t("vote.free")}
      </RelayButton>
      <p className="muted">{t("vote.freeWhy")}</p>
      <TextArea
        id="vote-reason"
        label={t("vote.reason")}
        maxLength={1000}
        value={reason}
        onChange={setReason}
      />
      <TxButton
        data-testid="vote-tx"
        statusTestId="vote-tx-status"
        status={voteTx.status}
        onClick={() => void send({ functionName: "castVoteWithReason", args: [id, support, reason] })}
      >
        {t("vote.byTransaction")}
      </TxButton>
      <Refusal refusal={refusal} />
    </form>
  );
}
