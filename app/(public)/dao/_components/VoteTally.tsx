import { getTranslations } from "next-intl/server";
import { Amount } from "@/app/_components/ui";
import { AmountFact } from "@/app/_components/Fact";

interface VoteTallyProps {
  forVotes: bigint;
  againstVotes: bigint;
  abstainVotes: bigint;
  quorum: bigint | null;
}

/** For / Against / Abstain in AZR, and how far For + Abstain is from the quorum. */
export async function VoteTally({ forVotes, againstVotes, abstainVotes, quorum }: VoteTallyProps) {
  const t = await getTranslations("dao");
  const counted = forVotes + abstainVotes;
  const percent = quorum && quorum > 0n ? Number((counted * 100n) / quorum) : 100;
  return (
    <div className="vote-tally">
      <dl className="facts">
        <AmountFact term={t("tally.for")} value={forVotes} testId="tally-for" />
        <AmountFact term={t("tally.against")} value={againstVotes} testId="tally-against" />
        <AmountFact term={t("tally.abstain")} value={abstainVotes} />
      </dl>
      {quorum !== null && (
        <p>
          <meter min={0} max={100} value={Math.min(percent, 100)} aria-label={t("tally.quorumLabel")} />{" "}
          {counted >= quorum
            ? t("tally.quorumReached")
            : t("tally.quorumProgress", { percent: Math.min(percent, 99) })}{" "}
          <span className="muted">
            ({t("tally.quorumIs")} <Amount value={quorum} />)
          </span>
        </p>
      )}
    </div>
  );
}
