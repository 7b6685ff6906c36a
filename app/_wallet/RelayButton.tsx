"use client";
import { useState } from "react";
import type { ReactNode } from "react";
import type { Hex } from "viem";
import { relayStateOf, signThenPost } from "./signThenPost";
import type { RelayFailure, RelayState, SignThenPost } from "./signThenPost";

/** A relayed action's state, and `send`, which signs, posts and returns how it ended. */
export function useRelay() {
  const [relay, setRelay] = useState<RelayState>({ state: "idle" });
  async function send<Signed extends { signature: Hex }>(
    request: Omit<SignThenPost<Signed>, "onSigned">,
  ): Promise<RelayState> {
    setRelay({ state: "signing" });
    const ended = relayStateOf(
      await signThenPost({ ...request, onSigned: () => setRelay({ state: "sending" }) }),
    );
    setRelay(ended);
    return ended;
  }
  return { relay, send };
}

interface RelayButtonProps {
  /** What the button does, as a verb: "Vote for free". */
  children: ReactNode;
  onClick: () => void;
  relay: RelayState;
  /** The status line's words for each step, from the page's catalog. */
  words: { signing: string; sending: string; done: string; failed: (key: RelayFailure) => string };
  disabled?: boolean;
  /** Test id of the button; its status line is `<testId>-status`. */
  testId: string;
}

/**
 * The button of a free (relayed) action and its status in words: sign in the wallet, the relayer
 * is sending, done, or why it failed. The TxButton of signatures sent through signThenPost.
 */
export function RelayButton({ children, onClick, relay, words, disabled = false, testId }: RelayButtonProps) {
  const busy = relay.state === "signing" || relay.state === "sending";
  return (
    <>
      <div className="actions">
        <button
          type="button"
          data-testid={testId}
          disabled={busy || disabled}
          aria-busy={busy}
          onClick={onClick}
        >
          {children}
        </button>
      </div>
      <p role="status" data-testid={`${testId}-status`}>
        {relay.state === "failed"
          ? words.failed(relay.key)
          : relay.state === "idle"
            ? ""
            : words[relay.state]}
      </p>
    </>
  );
}
