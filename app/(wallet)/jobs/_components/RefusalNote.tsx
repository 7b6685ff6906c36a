"use client";
import { useTranslations } from "next-intl";
import { ErrorState } from "@/app/_components/ui";
import type { Refusal } from "../_lib/useEscrowAction";

/** A refused escrow action in one sentence, with what to do next (from the contract error's name). */
export function RefusalNote({ refusal }: { refusal: Refusal }) {
  const t = useTranslations("jobs");
  if (!refusal) return null;
  if (refusal.kind === "upload")
    return <ErrorState live title={t("refusal.upload")} next={<p>{t("refusal.uploadNext")}</p>} />;
  const key = `refusal.${refusal.name}` as const;
  const known = t.has(`${key}.title` as never);
  return (
    <div data-testid="refusal" data-error={refusal.name}>
      <ErrorState
        live
        title={known ? t(`${key}.title` as never) : t("refusal.unknown.title", { name: refusal.name })}
        next={<p>{known ? t(`${key}.next` as never) : t("refusal.unknown.next")}</p>}
      />
    </div>
  );
}
