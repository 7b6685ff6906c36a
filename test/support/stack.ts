import { createPublicClient, http } from "viem";
import { freePort } from "../../scripts/lib/processes.js";
import { deployLocal, startChain, startIndexer } from "../../scripts/lib/stack.js";

/**
 * A real local chain and a real Ponder on free ports, deployed and seeded with the same code
 * as `npm run dev`. Stop them with `stopAllServices()` (by process group) in an `after` hook.
 */
export async function startIndexedChain() {
  const chain = await startChain(await freePort());
  const manifest = await deployLocal(chain.rpcUrl, { seed: true });
  const publicClient = createPublicClient({ transport: http(chain.rpcUrl) });
  const indexer = await startIndexer({ rpcUrl: chain.rpcUrl, port: await freePort() });
  return { chain, manifest, publicClient, indexer };
}

/** POSTs a GraphQL query to the indexer and returns `data`, throwing on GraphQL errors. */
export async function graphql<T>(indexerUrl: string, query: string, variables: object = {}): Promise<T> {
  const response = await fetch(`${indexerUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) {
    throw new Error(`GraphQL error: ${body.errors?.map((e) => e.message).join("; ") ?? response.status}`);
  }
  return body.data;
}

/**
 * Retries `check` until it stops throwing or `timeoutMs` passes, then rethrows its last error.
 * The indexer follows the chain asynchronously: assertions on it must wait for it to catch up.
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
