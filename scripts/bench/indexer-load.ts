// The indexer's read path under load, for `npm run bench`: the app's real GraphQL queries and the
// REST routes, each at 1, 10 and 100 concurrent clients (autocannon), next to a trivial query in
// the same run — on 2 shared cores the ratio to that query is what compares honestly.
import autocannon from "autocannon";
import type { Address } from "viem";
import { accountActivityParts, holdersParts } from "../../app/_lib/indexer";
import { compose } from "../../app/_lib/indexer-query";
import type { Parts } from "../../app/_lib/indexer-query";
import { citadelParts } from "../../app/(public)/citadel/_components/citadel-data";
import type { Rows } from "./report";
import { ms } from "./stats";

/** One kind of request: its name, and the request to send for the `i`-th one. */
export interface LoadTarget {
  name: string;
  request: (i: number) => { method: "GET" | "POST"; path: string; body?: string };
}

const graphqlBody = (parts: Parts) => {
  const { query, variables } = compose(parts);
  return JSON.stringify({ query, variables });
};

/** A GraphQL query built by `parts(i)`: the app's own query builders, as its pages call them. */
function graphqlTarget(name: string, parts: (i: number) => Parts): LoadTarget {
  return { name, request: (i) => ({ method: "POST", path: "/graphql", body: graphqlBody(parts(i)) }) };
}

/**
 * The requests the benchmark sends: a trivial query (one account's balance by primary key), the
 * pages' queries (over several accounts, so no two neighbours ask the same), and the REST routes.
 */
export function loadTargets({ accounts, credentialIds }: { accounts: Address[]; credentialIds: bigint[] }) {
  const account = (i: number) => accounts[i % accounts.length]!;
  const trivial: LoadTarget = {
    name: "trivial: one account's balance",
    request: (i) => ({
      method: "POST",
      path: "/graphql",
      body: JSON.stringify({
        query: "query ($a: String!) { account(address: $a) { balance } }",
        variables: { a: account(i).toLowerCase() },
      }),
    }),
  };
  const targets: LoadTarget[] = [
    graphqlTarget("AccountActivity (account page)", (i) => accountActivityParts(account(i))),
    graphqlTarget("Holders (home page)", () => holdersParts()),
    graphqlTarget("Citadel (treasury page)", () => citadelParts("all", null)),
    {
      name: "GET /accounts/:address/credentials",
      request: (i) => ({ method: "GET", path: `/accounts/${account(i)}/credentials` }),
    },
    {
      name: "GET /credentials/:id",
      request: (i) => ({ method: "GET", path: `/credentials/${credentialIds[i % credentialIds.length]}` }),
    },
    { name: "GET /citadel", request: () => ({ method: "GET", path: "/citadel" }) },
  ];
  return { trivial, targets };
}

/** Sends one of each request and refuses any error: the load figures are only worth it on answers. */
export async function checkTarget(url: string, target: LoadTarget) {
  const { method, path, body } = target.request(0);
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body,
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"'))
    throw new Error(`${target.name} failed: ${response.status} ${text.slice(0, 300)}`);
}

interface Figure {
  p50: number;
  p99: number;
  requests: number;
  failed: number;
}

/** `clients` concurrent connections for `seconds`, spread over `urls` (the replicas). */
async function load(urls: string[], target: LoadTarget, clients: number, seconds: number): Promise<Figure> {
  let i = 0;
  const result = await autocannon({
    url: urls,
    connections: clients,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (request) => {
          const { method, path, body } = target.request(i++);
          return {
            ...request,
            method,
            path,
            headers: { "content-type": "application/json" },
            ...(body === undefined ? {} : { body }),
          };
        },
      },
    ],
    // GraphQL answers its errors with 200: an answer with errors is a failure too.
    verifyBody: (body) => !body.includes('"errors"'),
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failed: result.errors + result.timeouts + result.mismatches + result.non2xx,
  };
}

export const CLIENTS = [1, 10, 100] as const;

/**
 * p50/p99 of the trivial query and of every target at 1, 10 and 100 clients against `urls`, each
 * figure with its p99 as a multiple of the trivial query's at the same number of clients.
 */
export async function loadRows(
  label: string,
  urls: string[],
  { trivial, targets }: ReturnType<typeof loadTargets>,
  seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 3),
): Promise<Rows> {
  for (const target of [trivial, ...targets]) await checkTarget(urls[0]!, target);
  const rows: Rows = [];
  const base = new Map<number, number>();
  for (const target of [trivial, ...targets]) {
    for (const clients of CLIENTS) {
      const figure = await load(urls, target, clients, seconds);
      const row = `${label}: ${target.name}, ${clients} client${clients > 1 ? "s" : ""}`;
      if (figure.requests === 0) {
        // Nothing came back inside the window (autocannon counts no request still in flight).
        rows.push([row, `no answer within ${seconds} s`]);
        continue;
      }
      if (target === trivial) base.set(clients, figure.p99);
      const trivialP99 = base.get(clients);
      const ratio =
        target === trivial || trivialP99 === undefined
          ? ""
          : ` (${(figure.p99 / trivialP99).toFixed(1)}× trivial)`;
      const failed = figure.failed > 0 ? `, ${figure.failed} failed` : "";
      rows.push([
        row,
        `p50 ${ms(figure.p50)}, p99 ${ms(figure.p99)}${ratio}, ${figure.requests} req${failed}`,
      ]);
    }
  }
  return rows;
}
