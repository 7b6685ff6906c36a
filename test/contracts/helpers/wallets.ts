import { createWalletClient, custom } from "viem";
import type { LocalAccount } from "viem";
import type { Signer } from "../../support/fixture";

/** A wallet of `account` on `node`'s chain: it signs locally and never needs ETH. */
export function walletOf(node: Signer, account: LocalAccount): Signer {
  return createWalletClient({ account, chain: node.chain, transport: custom({ request: node.request }) });
}
