import type { Tone } from "@/app/_components/ui";
import type { Verdict } from "../_lib/credential-chain";

/** The badge tone of each verdict (the words come from the catalog: credentials.verdict.*). */
export const VERDICT_TONE: Record<Verdict, Tone> = {
  valid: "ok",
  revoked: "bad",
  expired: "warn",
  burned: "neutral",
  none: "neutral",
};
