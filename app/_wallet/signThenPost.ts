import type { Hex } from "viem";
import { isUserRejection } from "@/app/_lib/errors";

/** How a signed request to the relayer or the grader ended, before the caller reads the answer. */
export type Posted =
  /** The person declined to sign: nothing was sent. */
  | { outcome: "rejected" }
  /** The wallet could not sign (or what the signature needs could not be read). */
  | { outcome: "unsigned" }
  /** The request got no answer (network down, server gone). */
  | { outcome: "unreachable" }
  /** An answer, ok or not, with its JSON body (`{}` when it has none). */
  | { outcome: "answered"; response: Response; body: unknown };

/** What to sign, where to send it, and the JSON body made of the signature. */
export interface SignThenPost<Signed extends { signature: Hex }> {
  /** Signs (reading first whatever the signature covers); returns the signature and those values. */
  sign: () => Promise<Signed>;
  url: string;
  body: (signed: Signed) => unknown;
  onSigned?: () => void;
}

/**
 * The gasless path shared by votes, delegations and quiz answers: the wallet signs typed data,
 * then the signature is POSTed as JSON to a server that sends (or grades) it. `onSigned` marks the
 * moment the wallet is done, so the page can say "sending" instead of "sign in your wallet".
 */
export async function signThenPost<Signed extends { signature: Hex }>({
  sign,
  url,
  body,
  onSigned,
}: SignThenPost<Signed>): Promise<Posted> {
  let signed: Signed;
  try {
    signed = await sign();
  } catch (error) {
    return { outcome: isUserRejection(error) ? "rejected" : "unsigned" };
  }
  onSigned?.();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body(signed)),
    });
    return { outcome: "answered", response, body: await response.json().catch(() => ({})) };
  } catch {
    return { outcome: "unreachable" };
  }
}

/** Why a relayed signature did not go through, as a catalog key. */
export type RelayFailure = "rejected" | "badSignature" | "refused" | "tooMany" | "unavailable" | "failed";

/** A relayed action's progress, shown by RelayButton. */
export type RelayState =
  | { state: "idle" }
  | { state: "signing" }
  | { state: "sending" }
  | { state: "done" }
  | { state: "failed"; key: RelayFailure };

/** The relayer's answer (server/relayer.ts statuses) as the state a RelayButton shows. */
export function relayStateOf(posted: Posted): RelayState {
  if (posted.outcome === "rejected") return { state: "failed", key: "rejected" };
  if (posted.outcome !== "answered") return { state: "failed", key: "failed" };
  const { status, ok } = posted.response;
  if (ok) return { state: "done" };
  if (status === 401) return { state: "failed", key: "badSignature" };
  // 404/409: the contract would refuse it now (already used, expired, voting closed).
  if (status === 404 || status === 409) return { state: "failed", key: "refused" };
  if (status === 429) return { state: "failed", key: "tooMany" };
  if (status === 503) return { state: "failed", key: "unavailable" };
  return { state: "failed", key: "failed" };
}
