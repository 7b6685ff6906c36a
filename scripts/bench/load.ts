// Load figures of the servers: autocannon drives each route of the app's grader, relayer, upload
// and gateway, and the indexer's REST and GraphQL, on loopback, at 10 and then 100 concurrent
// clients for a bounded time, and prints throughput, p50, p99 and how many answers were 429s.
// Everything comes from 127.0.0.1, one client: the per-client limits show under load. Then it
// checks that the grader lost no attempt record: every submission it answered 200 to is recorded.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import type { AutocannonRequest } from "autocannon";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { signedUpload } from "../../content/upload-request";
import { submissionTypedData } from "../../protocol/eip712";
import { localAccount } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import { attemptUrl, gradeRequestBody } from "../../server/submission";
import type { AttemptView } from "../../server/submission";
import type { GraderState } from "../../server/grader";
import { onAppStack } from "./app";
import type { AppStack } from "./app";
import { table } from "./report";
import type { Rows } from "./report";
import type { FigureGroup } from "./setup";
import { ms } from "./stats";
import { createPublicClient, http } from "viem";

/** Seconds each route is driven at each concurrency. */
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const CLIENTS = [10, 100] as const;

interface Route {
  name: string;
  url: string;
  requests: AutocannonRequest[];
}

async function loadFigures(): Promise<{ rows: Rows; attempts: string }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "azora-bench-load-"));
  // The seed (in this process) and the app share the bench's own content store.
  const contentDir = path.join(dataDir, "content");
  const previousContentDir = process.env.CONTENT_DIR;
  process.env.CONTENT_DIR = contentDir;
  try {
    // 127.0.0.1 is a trusted proxy: the setup below gives each learner its own client address
    // (`X-Forwarded-For`); the load runs send none, so all of their requests are one client.
    const appEnv = { AZORA_DATA_DIR: dataDir, CONTENT_DIR: contentDir, AZORA_TRUSTED_PROXIES: "127.0.0.1" };
    return await onAppStack((stack) => loadOn(stack, dataDir), appEnv);
  } finally {
    if (previousContentDir === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = previousContentDir;
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function loadOn(
  { rpcUrl, manifest, indexerUrl, appUrl }: AppStack,
  dataDir: string,
): Promise<{ rows: Rows; attempts: string }> {
  const publicClient = createPublicClient({ transport: http(rpcUrl) });
  const pok = contractOf(manifest, "ProofOfKnowledge");
  const { contentCid } = await publicClient.readContract({ ...pok, functionName: "course", args: [1n] });

  // Signed submissions of fresh learners (all options 0), one per request until they run out,
  // each with the client address its learner viewed the attempt from.
  const submissions: { body: string; learner: string; client: string }[] = [];
  for (let i = 0; i < 300; i++) {
    const learner = privateKeyToAccount(generatePrivateKey());
    const client = `198.51.100.${i % 250}`;
    const viewed = await fetch(`${appUrl}${attemptUrl(learner.address, 1n)}`, {
      headers: { "x-forwarded-for": client },
    });
    if (!viewed.ok)
      throw new Error(`GET /api/grade for learner ${i}: ${viewed.status} ${await viewed.text()}`);
    const view = (await viewed.json()) as AttemptView;
    const submission = {
      learner: learner.address,
      courseId: 1n,
      attempt: view.attempt,
      answers: view.questions.map(() => 0),
      expires: BigInt(Math.floor(Date.now() / 1000) + 290),
    };
    const signature = await learner.signTypedData(
      submissionTypedData(manifest.chainId, pok.address, submission),
    );
    const body = JSON.stringify(gradeRequestBody(submission, signature));
    submissions.push({ body, learner: learner.address.toLowerCase(), client });
  }
  const json = { "content-type": "application/json" };
  /** Learners whose submission was answered 200 (graded) while autocannon was listening. */
  const answered = new Set<string>();
  let next = 0;
  const gradeRequest = (ownClient: boolean): AutocannonRequest => ({
    method: "POST",
    headers: json,
    setupRequest: (request, context) => {
      const submission = submissions[next++ % submissions.length]!;
      context.learner = submission.learner;
      const headers = ownClient ? { ...json, "x-forwarded-for": submission.client } : json;
      return { ...request, headers, body: submission.body };
    },
    onResponse: (status, _body, context) => {
      if (status === 200) answered.add(String(context.learner));
    },
  });
  const uploader = localAccount(2);
  const upload = await signedUpload(
    { bytes: new TextEncoder().encode("# Load\n"), type: "text/markdown" },
    { address: uploader.address, signMessage: (message) => uploader.signMessage({ message }) },
    Date.now() + 60_000,
  );
  const routes: Route[] = [
    {
      name: "GET /api/grade (attempt)",
      url: `${appUrl}${attemptUrl(localAccount(5).address, 1n)}`,
      requests: [{ method: "GET" }],
    },
    // One client: its request bucket (burst 60, 30 a minute) holds, whatever the load.
    { name: "POST /api/grade", url: `${appUrl}/api/grade`, requests: [gradeRequest(false)] },
    // Each learner from its own client address: the grading itself under load.
    {
      name: "POST /api/grade (a client per learner)",
      url: `${appUrl}/api/grade`,
      requests: [gradeRequest(true)],
    },
    {
      name: "POST /api/relay/vote (bad signature)",
      url: `${appUrl}/api/relay/vote`,
      requests: [
        {
          method: "POST",
          headers: json,
          body: JSON.stringify({
            proposalId: "1",
            support: 1,
            voter: localAccount(3).address,
            signature: `0x${"1b".repeat(65)}`,
          }),
        },
      ],
    },
    {
      name: "POST /api/content",
      url: `${appUrl}/api/content`,
      requests: [{ method: "POST", headers: upload.headers, body: Buffer.from(upload.body) }],
    },
    {
      name: "GET /ipfs/<course>/course.json",
      url: `${appUrl}/ipfs/${contentCid}/course.json`,
      requests: [{ method: "GET" }],
    },
    { name: "GET indexer /citadel", url: `${indexerUrl}/citadel`, requests: [{ method: "GET" }] },
    {
      name: "POST indexer /graphql",
      url: `${indexerUrl}/graphql`,
      requests: [
        {
          method: "POST",
          headers: json,
          body: JSON.stringify({ query: "{ accounts(limit: 10) { items { address balance } } }" }),
        },
      ],
    },
  ];

  const rows: Rows = [];
  for (const route of routes) {
    for (const connections of CLIENTS) {
      const result = await autocannon({
        url: route.url,
        connections,
        duration: SECONDS,
        requests: route.requests,
      });
      const count = (status: string) => result.statusCodeStats[status]?.count ?? 0;
      const fiveHundreds = Object.entries(result.statusCodeStats)
        .filter(([status]) => status.startsWith("5"))
        .reduce((sum, [, { count: n }]) => sum + n, 0);
      rows.push([
        `${route.name}, ${connections} clients`,
        `${Math.round(result.requests.average)} req/s  p50 ${ms(result.latency.p50)}  p99 ${ms(result.latency.p99)}  ` +
          `429s ${count("429")}/${result.requests.total}  5xx ${fiveHundreds}  errors ${result.errors + result.timeouts}`,
      ]);
      // Let the per-client buckets refill before the next run.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }

  // No attempt lost: every learner whose submission was answered 200 has its attempt recorded.
  // Submissions still in flight when a run ended may be recorded without an answer seen here.
  const state = JSON.parse(await readFile(path.join(dataDir, "grader.json"), "utf8")) as GraderState;
  const recorded = new Set(
    Object.entries(state.learners)
      .filter(([, record]) => record.failed > 0 || record.voucher)
      .map(([key]) => key.split(" ")[0]!.toLowerCase()),
  );
  const lost = [...answered].filter((learner) => !recorded.has(learner)).length;
  const attempts =
    `${answered.size} learners' submissions answered 200, ${recorded.size} attempts recorded: ` +
    (lost === 0 ? "none lost" : `${lost} LOST`);
  return { rows, attempts };
}

export const loadGroup: FigureGroup = {
  name: "load",
  async measure() {
    const { rows, attempts } = await loadFigures();
    return () => {
      table(`Server load (autocannon, loopback, ${SECONDS} s per run, one client address)`, rows);
      console.log(`  grader under load: ${attempts}`);
    };
  },
};
