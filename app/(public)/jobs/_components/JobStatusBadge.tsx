import { useTranslations } from "next-intl";
import { StatusBadge } from "@/app/_components/ui";
import type { Tone } from "@/app/_components/ui";
import type { JobStatusName } from "../_lib/jobs-data";

const TONES: Record<JobStatusName, Tone> = {
  open: "info",
  assigned: "warn",
  completed: "ok",
  cancelled: "neutral",
  refunded: "neutral",
};

/** A job's state in words. */
export function JobStatusBadge({ status }: { status: JobStatusName }) {
  const t = useTranslations("jobs");
  return <StatusBadge tone={TONES[status]}>{t(`status.${status}`)}</StatusBadge>;
}
