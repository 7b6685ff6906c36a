import type { Metadata } from "next";
import "@/app/(public)/dao/_components/dao.css";
import { notFound } from "next/navigation";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { keccak256, toHex } from "viem";
import type { Address as Hex20, Hex } from "viem";
import { ReadFailure } from "@/app/_components/ReadFailure";
import { Address, Amount, Card, DataTable, DateTime, EmptyState, PageHeader } from "@/app/_components/ui";
import type { Column } from "@/app/_components/ui";
import { getRuntimeConfig } from "@/app/_lib/server-config";
import { indexerRead } from "@/app/_lib/server-data";
import { ProposalState } from "@/protocol/enums";
import { ProposalCalls } from "../_components/ProposalCalls";
import { ProposalStateBadge } from "../_components/ProposalStateBadge";
import { ProposalText } from "../_components/ProposalText";
import { VoteTally } from "../_components/VoteTally";
import { parseProposalId, proposalDetailParts, timelockOperationParts } from "../_lib/proposals";
import type { IndexedVote } from "../_lib/proposals";
import { governorView, proposalText } from "../_lib/server";
import { ProposalActionsIsland } from "./_components/ProposalActionsIsland";
import { column, numericColumn } from "@/app/_lib/columns";

interface ProposalPageProps {
  params: Promise<{ proposalId: string }>;
}

export async function generateMetadata({ params }: ProposalPageProps): Promise<Metadata> {
  const { proposalId } = await params;
  return { title: (await getTranslations("dao"))("detail.metaTitle", { id: proposalId.slice(0, 10) }) };
}

/** One proposal: its text, what it will do, the votes, the timeline, and the viewer's actions. */
export default async function ProposalPage({ params }: ProposalPageProps) {
  const t = await getTranslations("dao");
  const id = parseProposalId((await params).proposalId);
  if (id === null) notFound();
  const read = await indexerRead(proposalDetailParts(id));
  if (!read.ok)
    return (
      <>
        <PageHeader title={t("detail.title")} />
        <ReadFailure source={read.source} kind={read.kind} />
      </>
    );
  const { proposal, votes, releases } = read.data;
  if (!proposal) notFound();
  const [chain, text, runtime] = await Promise.all([
    governorView([proposal]),
    proposalText(proposal.descriptionCid),
    getRuntimeConfig(),
  ]);
  if (!chain.ok)
    return (
      <>
        <PageHeader title={proposal.title ?? t("untitled")} />
        <ReadFailure source={chain.source} kind={chain.kind} />
      </>
    );
  const onChain = chain.data.byId.get(proposal.id);
  const state = onChain?.state ?? ProposalState.Pending;
  const descriptionHash = keccak256(toHex(proposal.description));
  // When it was queued and executed: the Timelock's operation (the proposal's own row has the ETA only).
  const operation =
    proposal.eta !== null && proposal.eta > 0n
      ? await indexerRead(
          timelockOperationParts({
            targets: proposal.targets as Hex20[],
            values: proposal.values.map(BigInt),
            calldatas: proposal.calldatas as Hex[],
            descriptionHash,
          }),
        )
      : null;
  const timelock = operation?.ok ? operation.data.operation : null;
  const outcome =
    state === ProposalState.Defeated
      ? "defeated"
      : state === ProposalState.Succeeded ||
          state === ProposalState.Queued ||
          state === ProposalState.Executed
        ? "passed"
        : null;
  return (
    <>
      <PageHeader
        title={proposal.title ?? t("untitled")}
        status={
          <span data-testid="proposal-state">
            <ProposalStateBadge state={state} />
          </span>
        }
        lead={
          <>
            {t("detail.proposedBy")} <Address address={proposal.proposer} copy={false} />
          </>
        }
        links={[{ href: "/dao", label: t("detail.back") }]}
      />

      <Card title={t("detail.does")} id="does-title">
        <ProposalCalls targets={proposal.targets} calldatas={proposal.calldatas} />
      </Card>

      <Card title={t("detail.votes")} id="votes-title">
        <VoteTally
          forVotes={proposal.forVotes}
          againstVotes={proposal.againstVotes}
          abstainVotes={proposal.abstainVotes}
          quorum={onChain?.quorum ?? null}
        />
        <ProposalActionsIsland
          runtime={runtime}
          locale={await getLocale()}
          messages={await islandMessages()}
          proposal={{
            id: proposal.id.toString(),
            targets: proposal.targets as Hex20[],
            values: proposal.values,
            calldatas: proposal.calldatas as Hex[],
            descriptionHash,
            voteStart: proposal.voteStart.toString(),
            shownTally: [
              proposal.againstVotes.toString(),
              proposal.forVotes.toString(),
              proposal.abstainVotes.toString(),
            ],
          }}
          labels={{
            connect: t("actions.connect"),
            connectWhy: t("actions.connectWhy"),
            needsJs: t("actions.needsJs"),
          }}
        />
        {votes.items.length === 0 ? (
          <EmptyState title={t("detail.noVotes")} />
        ) : (
          <VoteTable votes={votes.items} />
        )}
      </Card>

      <Card title={t("detail.timeline")} id="timeline-title">
        <ol className="timeline" data-testid="timeline">
          <li>
            {t("timeline.created")} <DateTime seconds={proposal.createdAt} />
          </li>
          <li>
            {t("timeline.opens")} <DateTime seconds={proposal.voteStart} />
          </li>
          <li>
            {t("timeline.closes")} <DateTime seconds={proposal.voteEnd} />
            {proposal.extended && <> {t("timeline.extended")}</>}
          </li>
          {outcome && (
            <li data-testid="timeline-outcome">
              {t(`timeline.${outcome}`)} <DateTime seconds={proposal.voteEnd} />
            </li>
          )}
          {proposal.eta !== null && proposal.eta > 0n && (
            <li data-testid="timeline-queued">
              {timelock ? (
                <>
                  {t("timeline.queuedAt")} <DateTime seconds={timelock.scheduledAt} />. {t("timeline.eta")}{" "}
                  <DateTime seconds={proposal.eta} />
                </>
              ) : (
                <>
                  {t("timeline.queued")} <DateTime seconds={proposal.eta} />
                </>
              )}
            </li>
          )}
          {state === ProposalState.Executed && (
            <li data-testid="timeline-executed">
              {t("timeline.executed")} <DateTime seconds={timelock?.executedAt ?? proposal.updatedAt} />
            </li>
          )}
        </ol>
        {releases.items.length > 0 && (
          <ul data-testid="proposal-releases">
            {releases.items.map((release) => (
              <li key={release.id}>
                {t("detail.paid")} <Amount value={release.amount} /> →{" "}
                <Address address={release.counterparty} copy={false} />
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t("detail.text")} id="text-title">
        {text ? (
          <ProposalText body={text.body} />
        ) : (
          <>
            <p>{t("detail.textMissing")}</p>
            <pre className="description">{proposal.description}</pre>
          </>
        )}
      </Card>
    </>
  );
}

async function islandMessages() {
  const { common, errors, dao, wallet } = await getMessages();
  return { common, errors, dao, wallet };
}

async function VoteTable({ votes }: { votes: IndexedVote[] }) {
  const t = await getTranslations("dao");
  const columns: Column<IndexedVote>[] = [
    column("voter", t("votes.voter"), (v) => <Address address={v.voter} copy={false} />),
    column("support", t("votes.support"), (v) => t(`tally.${v.support}`)),
    numericColumn("weight", t("votes.weight"), (v) => <Amount value={v.weight} />),
    column("reason", t("votes.reason"), (v) => (
      <>
        {v.reason || "—"}
        {v.relayed && <span className="cell-note">{t("votes.relayed")}</span>}
      </>
    )),
  ];
  return (
    <DataTable
      data-testid="votes"
      caption={t("votes.caption", { count: votes.length })}
      columns={columns}
      rows={votes}
      rowKey={(v) => v.id}
    />
  );
}
