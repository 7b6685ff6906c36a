import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { privateKeyToAccount } from "viem/accounts";

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
  /**
   * The account's key, for an account the node does not hold (a brand-new key): typed-data
   * signatures are then made here with it. Never sent to the page.
   */
  privateKey?: `0x${string}`;
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
  const signer = wallet.privateKey ? privateKeyToAccount(wallet.privateKey) : undefined;
  await context.exposeFunction("__azoraNodeRpc", async (method: string, params: unknown[]) => {
    if (signer && method === "eth_signTypedData_v4") {
      const typedData = JSON.parse(String(params[1])) as Parameters<typeof signer.signTypedData>[0];
      return { result: await signer.signTypedData(typedData) };
    }
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
  // A string, not a function: the test runner's transpiler would inject helpers the page lacks.
  const pageOptions = { ...wallet, privateKey: undefined };
  await context.addInitScript(`(${WALLET_SCRIPT})(${JSON.stringify(pageOptions)});`);
  return { context, page: await context.newPage() };
}

/** Moves a connected test wallet to another chain, as a user would in their wallet. */
export async function switchWalletChain(page: Page, chainId: number): Promise<void> {
  await page.evaluate(
    (id) => (window as unknown as { ethereum: { switchTo(id: number): void } }).ethereum.switchTo(id),
    chainId,
  );
}

/**
 * The page side of the test wallet (plain JavaScript). Like a real wallet it reveals no account
 * until the site asks with eth_requestAccounts, and then remembers the site's permission (here for
 * the tab, in its sessionStorage) across reloads and navigations, until the site revokes it.
 */
const WALLET_SCRIPT = String.raw`function installTestWallet(options) {
  const listeners = new Map();
  let chainId = options.chainId;
  const PERMISSION = "azoraTestWallet.connected";
  const remembered = () => {
    try {
      return sessionStorage.getItem(PERMISSION) === "1";
    } catch {
      return false; // about:blank and opaque origins have no storage
    }
  };
  let connected = remembered();
  const setConnected = (value) => {
    connected = value;
    try {
      if (value) sessionStorage.setItem(PERMISSION, "1");
      else sessionStorage.removeItem(PERMISSION);
    } catch {}
  };
  const hexChain = () => "0x" + chainId.toString(16);
  const emit = (event, value) => (listeners.get(event) || new Set()).forEach((listener) => listener(value));
  const rpcError = (code, message) => Object.assign(new Error(message), { code });
  const provider = {
    isAzoraTestWallet: true,
    switchTo(id) {
      chainId = id;
      emit("chainChanged", hexChain());
    },
    async request({ method, params = [] }) {
      switch (method) {
        case "eth_requestAccounts":
          setConnected(true);
          emit("connect", { chainId: hexChain() });
          emit("accountsChanged", [options.account]);
          return [options.account];
        case "eth_accounts":
          return connected ? [options.account] : [];
        case "eth_chainId":
          return hexChain();
        case "net_version":
          return String(chainId);
        case "wallet_switchEthereumChain":
          provider.switchTo(parseInt(params[0].chainId, 16));
          return null;
        case "wallet_addEthereumChain":
          return null;
        case "wallet_requestPermissions":
          setConnected(true);
          return [{ parentCapability: "eth_accounts" }];
        case "wallet_getPermissions":
          return connected ? [{ parentCapability: "eth_accounts" }] : [];
        case "wallet_revokePermissions":
          setConnected(false);
          return null;
        case "eth_sendTransaction":
          if (options.rejectTransactions) throw rpcError(4001, "User rejected the request.");
          break;
      }
      const { result, error } = await window.__azoraNodeRpc(method, params);
      if (error) throw Object.assign(new Error(error.message), error);
      return result;
    },
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return provider;
    },
    removeListener(event, listener) {
      const set = listeners.get(event);
      if (set) set.delete(listener);
      return provider;
    },
  };
  window.ethereum = provider;
}`;
