import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";

/** Debian's Chromium (installed by `npm test` when missing), offline-safe flags. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface TestWallet {
  /** The account the wallet exposes. The local node holds its key (unlocked). */
  account: `0x${string}`;
  /** Chain the wallet starts on; it switches when the page asks. */
  chainId: number;
  /** Refuse every transaction as a user would (EIP-1193 error 4001). */
  rejectTransactions?: boolean;
}

/**
 * A real wallet path without an extension: an EIP-1193 provider injected as `window.ethereum`
 * before any page script runs. It answers the wallet methods itself (accounts, chain, switching,
 * events, user rejection) and forwards everything else, transactions included, to the local
 * node, whose accounts are unlocked. The app reaches it through RainbowKit's injected wallet.
 */
export async function withWallet(
  browser: Browser,
  rpcUrl: string,
  wallet: TestWallet,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.exposeFunction("__azoraNodeRpc", async (method: string, params: unknown[]) => {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    return (await response.json()) as {
      result?: unknown;
      error?: { code: number; message: string; data?: unknown };
    };
  });
  await context.addInitScript((options: TestWallet) => {
    type Listener = (value: unknown) => void;
    const listeners = new Map<string, Set<Listener>>();
    let chainId = options.chainId;
    const hexChain = () => `0x${chainId.toString(16)}`;
    const emit = (event: string, value: unknown) =>
      listeners.get(event)?.forEach((listener) => listener(value));
    const rpcError = (code: number, message: string) => Object.assign(new Error(message), { code });
    const node = (
      window as unknown as {
        __azoraNodeRpc: (
          m: string,
          p: unknown[],
        ) => Promise<{ result?: unknown; error?: { code: number; message: string; data?: unknown } }>;
      }
    ).__azoraNodeRpc;
    const provider = {
      isAzoraTestWallet: true,
      async request({ method, params = [] }: { method: string; params?: unknown[] }) {
        switch (method) {
          case "eth_requestAccounts":
          case "eth_accounts":
            return [options.account];
          case "eth_chainId":
            return hexChain();
          case "net_version":
            return String(chainId);
          case "wallet_switchEthereumChain": {
            chainId = parseInt((params[0] as { chainId: string }).chainId, 16);
            emit("chainChanged", hexChain());
            return null;
          }
          case "wallet_addEthereumChain":
            return null;
          case "wallet_requestPermissions":
          case "wallet_getPermissions":
            return [{ parentCapability: "eth_accounts" }];
          case "wallet_revokePermissions":
            return null;
          case "eth_sendTransaction":
            if (options.rejectTransactions) throw rpcError(4001, "User rejected the request.");
            break;
        }
        const { result, error } = await node(method, params);
        if (error) throw Object.assign(new Error(error.message), error);
        return result;
      },
      on(event: string, listener: Listener) {
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event)?.add(listener);
        return provider;
      },
      removeListener(event: string, listener: Listener) {
        listeners.get(event)?.delete(listener);
        return provider;
      },
    };
    (window as unknown as { ethereum: typeof provider }).ethereum = provider;
  }, wallet);
  return { context, page: await context.newPage() };
}
