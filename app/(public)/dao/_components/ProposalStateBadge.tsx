import { useTranslations } from "next-intl";
import { StatusBadge } from "@/app/_components/ui";
import { stateName, stateTone } from "../_lib/proposals";

/** A proposal's state (a ProposalState value) in words. */
export function ProposalStateBadge({ state }: { state: number }) {
  const t = useTranslations("dao");
  return <StatusBadge tone={stateTone(state)}>{t(`state.${stateName(state)}`)}</StatusBadge>;
}
