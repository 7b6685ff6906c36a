import type { Metadata } from "next";
import "@/app/(public)/dao/_components/dao.css";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ReadFailure } from "@/app/_components/ReadFailure";
import { Address, Card, DateTime, EmptyState, PageHeader } from "@/app/_components/ui";
import { indexerRead } from "@/app/_lib/server-data";
import { ProposalState } from "@/protocol/enums";
import { proposalListParts } from "./_lib/proposals";
import type { IndexedProposal } from "./_lib/proposals";
import { governorView } from "./_lib/server";
import type { ChainProposal } from "./_lib/server";
import { ProposalStateBadge } from "./_components/ProposalStateBadge";
import { VoteTally } from "./_components/VoteTally";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dao"))("title") };
}

interface DaoPageProps {
  searchParams: Promise<{ after?: string }>;
}

/** Every proposal, open ones first: state, time left, the tally against the quorum, the proposer. */
export default async function DaoPage({ searchParams }: DaoPageProps) {
  const t = await getTranslations("dao");
  const { after } = await searchParams;
  const list = await indexerRead(proposalListParts(typeof after === "string" ? after : null));
  const header = (
    <PageHeader
      title={t("title")}
      lead={t("lead")}
      links={[
        { href: "/dao/new", label: t("list.propose"), primary: true },
        { href: "/citadel", label: t("list.treasury") },
      ]}
    />
  );
  if (!list.ok)
    return (
      <>
        {header}
        <ReadFailure source={list.source} kind={list.kind} />
      </>
    );
  const proposals = list.data.proposals.items;
  const chain = await governorView(proposals);
  if (!chain.ok)
    return (
      <>
        {header}
        <ReadFailure source={chain.source} kind={chain.kind} />
      </>
    );
  const { now, byId } = chain.data;
  const rank = (p: IndexedProposal) => {
    const state = byId.get(p.id)?.state;
    return state === ProposalState.Active
      ? 0
      : state === ProposalState.Pending
        ? 1
        : state === ProposalState.Succeeded || state === ProposalState.Queued
          ? 2
          : 3;
  };
  const sorted = [...proposals].sort((a, b) => rank(a) - rank(b));
  return (
    <>
      {header}
      {sorted.length === 0 ? (
        <EmptyState title={t("list.none")}>
          <p>{t("list.noneNext")}</p>
        </EmptyState>
      ) : (
        <div data-testid="proposals">
          {sorted.map((proposal) => (
            <ProposalSummary
              key={proposal.id.toString()}
              proposal={proposal}
              chain={byId.get(proposal.id)}
              now={now}
            />
          ))}
        </div>
      )}
      {list.data.proposals.hasNextPage && list.data.proposals.endCursor && (
        <p>
          <Link href={`/dao?after=${encodeURIComponent(list.data.proposals.endCursor)}`}>
            {t("list.older")}
          </Link>
        </p>
      )}
    </>
  );
}

async function ProposalSummary({
  proposal,
  chain,
  now,
}: {
  proposal: IndexedProposal;
  chain: ChainProposal | undefined;
  now: bigint;
}) {
  const t = await getTranslations("dao");
  const state = chain?.state ?? ProposalState.Pending;
  const id = proposal.id.toString();
  return (
    <Card
      title={<Link href={`/dao/${id}`}>{proposal.title ?? t("untitled")}</Link>}
      id={`proposal-${id.slice(0, 12)}`}
    >
      <p>
        <ProposalStateBadge state={state} />{" "}
        {state === ProposalState.Pending ? (
          <>
            {t("list.opens")} <DateTime seconds={proposal.voteStart} />
          </>
        ) : state === ProposalState.Active ? (
          <>
            {t("list.closes", { hours: Math.max(0, Math.ceil(Number(proposal.voteEnd - now) / 3600)) })}{" "}
            <DateTime seconds={proposal.voteEnd} />
          </>
        ) : null}
      </p>
      <VoteTally
        forVotes={proposal.forVotes}
        againstVotes={proposal.againstVotes}
        abstainVotes={proposal.abstainVotes}
        quorum={chain?.quorum ?? null}
      />
      <p>
        {t("list.proposer")} <Address address={proposal.proposer} copy={false} />
      </p>
    </Card>
  );
}
