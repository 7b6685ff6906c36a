"use client";
import { Suspense, useEffect, useState } from "react";
import type { ComponentProps, ComponentType, LazyExoticComponent } from "react";

/** wagmi's record of a previous connection in this browser. */
function connectedBefore(): boolean {
  try {
    return localStorage.getItem("wagmi.recentConnectorId") !== null;
  } catch {
    return false;
  }
}

/** The words shown before the wallet part loads (rendered on the server). */
export interface WalletIslandLabels {
  connect: string;
  connectWhy: string;
  needsJs: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any wallet part; its props are checked below
type WalletPart = LazyExoticComponent<ComponentType<any>>;

/**
 * A public page's wallet part, loaded on demand: a connect button first (no wagmi, RainbowKit or
 * next-intl client runtime in the page's first load), the part itself when the reader asks to
 * connect (its modal opened) or at once when this browser connected a wallet before (to reconnect
 * it). Each island passes its own `lazy(() => import(...))` part and that part's props.
 */
export function WalletIsland<Part extends WalletPart>({
  part,
  props,
  labels,
}: {
  part: Part;
  props: Omit<ComponentProps<Part>, "openModal">;
  labels: WalletIslandLabels;
}) {
  const [load, setLoad] = useState<"no" | "reconnect" | "connect">("no");
  useEffect(() => {
    if (connectedBefore()) setLoad("reconnect");
  }, []);
  const intro = (
    <>
      <div className="actions">
        <button
          type="button"
          className="wallet-button"
          onClick={() => setLoad("connect")}
          aria-busy={load !== "no"}
        >
          {labels.connect}
        </button>
      </div>
      <p>{labels.connectWhy}</p>
      <noscript>
        <p className="muted">{labels.needsJs}</p>
      </noscript>
    </>
  );
  if (load === "no") return intro;
  // The props were checked against the part's own at the call site.
  const Part = part as LazyExoticComponent<ComponentType<Record<string, unknown>>>;
  return (
    <Suspense fallback={intro}>
      <Part {...(props as Record<string, unknown>)} openModal={load === "connect"} />
    </Suspense>
  );
}
