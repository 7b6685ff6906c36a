import { useTranslations } from "next-intl";
import { ErrorState } from "./ui/ErrorState";

/** A failed chain or indexer read (from server-data's Result), in words, with what to do next. */
export function ReadFailure({ source, kind }: { source: "chain" | "indexer"; kind: string }) {
  const t = useTranslations("errors");
  const title =
    source === "chain"
      ? kind === "unreachable"
        ? t("chain.unreachable")
        : kind === "noContract"
          ? t("chain.noContract")
          : t("chain.other")
      : kind === "unreachable"
        ? t("indexer.unreachable")
        : t("indexer.other");
  return (
    <ErrorState title={title} next={<p>{source === "chain" ? t("chain.next") : t("indexer.next")}</p>} />
  );
}
