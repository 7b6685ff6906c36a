// Grading latency: POST /api/grade's handler, in this process, on the benchmark's node.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { openEmbeddedStore } from "../../content/embedded";
import { CLEAR_ANSWERS, parseAnswers } from "../../content/formats/answer-key";
import { packCourse } from "../../content/formats/course-package";
import { submissionTypedData } from "../../protocol/eip712";
import { localAccount, localPrivateKey, localVerifier } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import { createGrader, emptyGraderState } from "../../server/grader";
import { StateFile } from "../../server/state-file";
import { attemptUrl, gradeRequestBody } from "../../server/submission";
import type { AttemptView } from "../../server/submission";
import { publishCourse } from "../seed/courses";
import { registerCourse } from "../seed/learning";
import { REPO_ROOT } from "../stack/paths";
import { table } from "./report";
import type { Rows } from "./report";
import type { BenchNode, FigureGroup } from "./setup";
import { ms, percentile } from "./stats";

/**
 * Grading latency on the same node: `POST /api/grade`'s handler in this process, over a real
 * course package (encrypted for the local verifier) in a temporary embedded store, for fresh
 * learners, half failing, half passing (the pass also signs a voucher). Each grade checks the
 * learner's signature, reads the course and the learner's credential on chain and writes the
 * attempt file.
 */
async function gradingLatency({ manifest, evm, publicClient, wallet }: BenchNode, runs = 200): Promise<Rows> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "azora-bench-grader-"));
  const store = await openEmbeddedStore(path.join(dir, "content"));
  try {
    const walletClient = wallet(localAccount(0));
    const folder = path.join(REPO_ROOT, "courses", "wallets-and-safety");
    const course = await publishCourse(store, folder, localVerifier().publicKey);
    const { courseId } = await registerCourse(
      manifest,
      { publicClient, deployer: walletClient },
      course,
      localVerifier().address,
    );
    const { course: quiz } = await packCourse(folder);
    const key = parseAnswers(await readFile(path.join(folder, CLEAR_ANSWERS)));
    const pok = contractOf(manifest, "ProofOfKnowledge");
    const grader = createGrader({
      publicClient,
      chainId: evm.id,
      verifier: { account: privateKeyToAccount(localPrivateKey(8)), privateKey: localPrivateKey(8) },
      proofOfKnowledge: pok,
      credential: contractOf(manifest, "AzoraCredential"),
      store: async () => store,
      state: new StateFile(path.join(dir, "grader.json"), emptyGraderState),
      limits: {
        attemptsPerClient: runs * 2,
        requestsPerClient: { burst: runs * 4, perMinute: 60 },
        passesPerCoursePerDay: runs,
      },
    });
    const times: Record<"fail" | "pass", number[]> = { fail: [], pass: [] };
    for (let i = 0; i < runs; i++) {
      const learner = privateKeyToAccount(generatePrivateKey());
      const outcome = i % 2 === 0 ? "fail" : "pass";
      const view = (await (
        await grader.attempt(new Request(`http://bench${attemptUrl(learner.address, courseId)}`))
      ).json()) as AttemptView;
      const right = view.questions.map(({ id, options }) => {
        const question = quiz.quiz.questions.find((q) => q.id === id)!;
        return options.indexOf(question.options[key[id]!]!);
      });
      const answers = outcome === "pass" ? right : right.map((a) => (a + 1) % 4);
      const submission = {
        learner: learner.address,
        courseId,
        attempt: view.attempt,
        answers,
        expires: BigInt(Math.floor(Date.now() / 1000) + 120),
      };
      const signature = await learner.signTypedData(submissionTypedData(evm.id, pok.address, submission));
      const request = new Request("http://bench/api/grade", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(gradeRequestBody(submission, signature)),
      });
      const started = performance.now();
      const response = await grader.handle(request);
      const elapsed = performance.now() - started;
      if (response.status !== 200) throw new Error(`grading failed: ${await response.text()}`);
      // The first request also reads and decrypts the package; it counts among the fails.
      times[outcome].push(elapsed);
    }
    return (["fail", "pass"] as const).flatMap((outcome): Rows => [
      [`${outcome}: p50`, ms(percentile(times[outcome], 50))],
      [`${outcome}: p99`, ms(percentile(times[outcome], 99))],
    ]);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Registers a course as the deployer (the curator): before the handover to governance. */
export const gradingGroup: FigureGroup<BenchNode> = {
  name: "grading",
  async measure(node) {
    const rows = await gradingLatency(node);
    return () =>
      table("Grading latency, POST /api/grade's handler (local node, 100 fails and 100 passes)", rows);
  },
};
