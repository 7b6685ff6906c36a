import { getAddress, hashTypedData, isAddressEqual, zeroAddress } from "viem";
import type { Address, Hex, LocalAccount } from "viem";
import { z } from "zod";
import { readAll } from "../content/dag";
import { ContentNotFoundError } from "../content/errors";
import { AnswerKeyError, ENCRYPTED_ANSWERS, decryptAnswerKey } from "../content/formats/answer-key";
import type { AnswerKey } from "../content/formats/answer-key";
import { parseJsonFormat } from "../content/formats/common";
import { courseSchema, questionsPerAttempt } from "../content/formats/course";
import type { Course } from "../content/formats/course";
import { RateLimiter, clientOf } from "../content/rate-limit";
import type { RateLimit } from "../content/rate-limit";
import type { ContentStore } from "../content/store";
import type { Contract } from "../protocol/manifest";
import { COMPLETION_TYPES, completionDomain, submissionTypedData } from "../protocol/eip712";
import type { Completion, Submission } from "../protocol/eip712";
import { selectAttempt, selectionSecret } from "./attempt";
import {
  ServiceError,
  addressField,
  jsonEndpoint,
  queryEndpoint,
  signatureField,
  tooMany,
  uintField,
} from "./http";
import type { ServiceOptions } from "./state-file";
import { SUBMISSION_TTL_SECONDS } from "./submission";
import type { AttemptView } from "./submission";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface GraderLimits {
  /** Failed attempts per learner and course before the feedback (which questions were wrong) is shown. */
  attemptsPerRound: number;
  /**
   * The wait after a failed attempt grows: none after the first, then `cooldownSeconds`, then
   * four times longer after each further failure, up to `maxCooldownSeconds`.
   */
  cooldownSeconds: number;
  maxCooldownSeconds: number;
  /** Graded attempts per client (IP address) within `windowSeconds`, whoever signs. */
  attemptsPerClient: number;
  windowSeconds: number;
  /** Vouchers this grader signs per course and UTC day: what a farm of fresh addresses can mine is bounded. */
  passesPerCoursePerDay: number;
  /** How long a voucher can be claimed, from the chain's latest block time. */
  voucherTtlSeconds: number;
  /** Requests per client, signed or not, checked first (in memory), before the body is read. */
  requestsPerClient: RateLimit;
}

export const DEFAULT_GRADER_LIMITS: GraderLimits = {
  attemptsPerRound: 3,
  cooldownSeconds: 120,
  maxCooldownSeconds: 7 * 24 * 3_600,
  attemptsPerClient: 30,
  windowSeconds: 3_600,
  passesPerCoursePerDay: 100,
  voucherTtlSeconds: 3_600,
  requestsPerClient: { burst: 60, perMinute: 30 },
};

type Voucher = NonNullable<GradeResult["voucher"]>;

/** A learner's record at one course: what the attempts and their waits are counted from. */
interface LearnerRecord {
  /** Failed attempts so far; the open attempt's number. */
  failed: number;
  /** When the last attempt was graded (ms). */
  lastAt: number;
  /** The voucher signed on the pass, kept so that it can be fetched again (`GET /api/grade`). */
  voucher?: Voucher;
}

/** What survives a restart. */
export interface GraderState {
  /** `"<learner> <courseId>"` → the learner's record. */
  learners: Record<string, LearnerRecord>;
  /** Graded attempts per client (ms timestamps) within the window. */
  clients: Record<string, number[]>;
  /**
   * Digest of a graded submission → its result, until the submission expires: a repeat (the
   * answer lost in a restart or on the network) gets the same result and counts no new attempt.
   */
  results: Record<string, { until: number; result: GradeResult }>;
  /** `"<yyyy-mm-dd> <courseId>"` → vouchers signed that day. */
  passes: Record<string, number>;
}

export const emptyGraderState = (): GraderState => ({ learners: {}, clients: {}, results: {}, passes: {} });

export interface GraderOptions extends ServiceOptions<GraderState, GraderLimits> {
  chainId: number;
  /** The verifier's key: decrypts answer keys, seeds the draws of questions, signs vouchers. */
  verifier: { account: LocalAccount; privateKey: Hex };
  proofOfKnowledge: Contract<"ProofOfKnowledge">;
  credential: Contract<"AzoraCredential">;
  store: () => Promise<ContentStore>;
}

export interface GradeResult {
  learner: Address;
  courseId: string;
  attempt: number;
  score: number;
  passingScore: number;
  passed: boolean;
  correct: number;
  total: number;
  /** Ids of the questions answered wrongly: only after a pass or the last attempt of a round, when the course shows them. */
  wrong?: string[];
  /** Attempts left before the feedback and the next longer wait. */
  attemptsLeft: number;
  /** Unix seconds: when the next attempt opens (after a fail). */
  nextAttemptAt?: number;
  /** On a pass: the Completion voucher and the verifier's signature, for `claim` or `/api/relay/claim`. */
  voucher?: {
    completion: { learner: Address; courseId: string; score: number; deadline: string };
    signature: Hex;
  };
}

const courseIdField = uintField.refine((id) => id > 0n, "course ids start at 1");

const gradeRequest = z
  .object({
    learner: addressField,
    courseId: courseIdField,
    attempt: z.number().int().min(0).max(1_000_000),
    answers: z.array(z.number().int().min(0).max(3, "expected an option index 0–3")).min(1).max(100),
    expires: uintField,
    signature: signatureField,
  })
  .strict();

const attemptQuery = z.object({ learner: addressField, courseId: courseIdField }).strict();

interface LoadedCourse {
  course: Course;
  key: AnswerKey;
}

/**
 * The grader. `GET /api/grade?learner=&courseId=` shows the learner's open attempt: questions
 * drawn from the course's bank and their options shuffled, per learner and attempt.
 * `POST /api/grade` checks the learner's signed answers to that attempt, grades them against
 * the course's encrypted answer key and, on a pass, signs the `Completion` voucher. Waits after
 * failed attempts grow; which questions were wrong is told only after a pass or after the last
 * attempt of a round; each course gets a bounded number of vouchers a day. Cheap limits (the
 * client's request rate) come before any reading of the body, the chain or the store.
 */
export function createGrader(options: GraderOptions) {
  const limits = { ...DEFAULT_GRADER_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const { publicClient, chainId, verifier, proofOfKnowledge, credential } = options;
  const packages = new Map<string, Promise<LoadedCourse>>();
  const requests = new RateLimiter(limits.requestsPerClient);
  const secret = selectionSecret(verifier.privateKey);

  /** The course's package and decrypted key, once per CID (a failed load is tried again next time). */
  function loadCourse(courseId: bigint, contentCid: string, courseVerifier: Address): Promise<LoadedCourse> {
    const cacheKey = `${contentCid}:${courseVerifier}`;
    let loaded = packages.get(cacheKey);
    if (!loaded) {
      loaded = readPackage(courseId, contentCid, courseVerifier);
      packages.set(cacheKey, loaded);
      loaded.catch(() => packages.delete(cacheKey));
    }
    return loaded;
  }

  async function readPackage(courseId: bigint, contentCid: string, courseVerifier: Address) {
    const store = await options.store();
    const read = async (file: string) => {
      try {
        return await readAll(store.cat(`${contentCid}/${file}`, { signal: AbortSignal.timeout(10_000) }));
      } catch (error) {
        if (error instanceof ContentNotFoundError) {
          throw new ServiceError(
            409,
            `course ${courseId}'s package ${contentCid} has no ${file} in the content store: it cannot be graded`,
          );
        }
        throw error;
      }
    };
    const head = await read("course.json");
    const course = parseJsonFormat(courseSchema, head, "course.json");
    try {
      const key = decryptAnswerKey(
        head,
        course,
        await read(ENCRYPTED_ANSWERS),
        verifier.privateKey,
        courseVerifier,
      );
      return { course, key };
    } catch (error) {
      if (error instanceof AnswerKeyError)
        throw new ServiceError(409, `course ${courseId}: ${error.message}`);
      throw error;
    }
  }

  /** The cheap limit of both methods, before anything is read: requests per client. */
  function limitClient(request: Request): void {
    const wait = requests.take(clientOf(request), now());
    if (wait > 0) throw tooMany("too many requests from this client", wait);
  }

  const learnerKey = (learner: Address, courseId: bigint) => `${learner} ${courseId}`;
  const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);
  const untilTomorrow = (at: number) => (DAY_MS - (at % DAY_MS)) / 1000;

  /** The wait (ms) after `failed` failed attempts: none after the first, then growing fourfold. */
  function cooldownAfter(failed: number): number {
    if (failed < 2) return 0;
    const seconds = limits.cooldownSeconds * 4 ** (failed - 2);
    return Math.min(seconds, limits.maxCooldownSeconds) * 1000;
  }

  const attemptsLeftAfter = (failed: number) => limits.attemptsPerRound - (failed % limits.attemptsPerRound);

  /** Drops what no longer counts: client attempts outside the window, expired results, past days. */
  function prune(state: GraderState, at: number) {
    const windowStart = at - limits.windowSeconds * 1000;
    for (const [key, times] of Object.entries(state.clients)) {
      const recent = times.filter((time) => time > windowStart);
      if (recent.length > 0) state.clients[key] = recent;
      else delete state.clients[key];
    }
    for (const [digest, { until }] of Object.entries(state.results))
      if (until <= at) delete state.results[digest];
    const today = dayOf(at);
    for (const key of Object.keys(state.passes)) if (!key.startsWith(today)) delete state.passes[key];
  }

  /**
   * Why the learner's attempt `attempt` cannot be graded now, as a `ServiceError`, or nothing:
   * passed already, another attempt open, cooling down, the client's attempts or the course's
   * passes for today used. Read from `state` (no change).
   */
  function refusal(
    state: GraderState,
    learner: Address,
    courseId: bigint,
    attempt: number,
    client: string,
    at: number,
  ): ServiceError | undefined {
    const record = state.learners[learnerKey(learner, courseId)] ?? { failed: 0, lastAt: 0 };
    if (record.voucher) {
      return new ServiceError(
        409,
        `${learner} has passed course ${courseId} already: fetch the voucher again with GET /api/grade`,
      );
    }
    if (attempt !== record.failed) {
      return new ServiceError(
        409,
        `this submission answers attempt ${attempt}, but the open attempt is ${record.failed}: fetch it with GET /api/grade`,
      );
    }
    const opensAt = record.lastAt + cooldownAfter(record.failed);
    if (at < opensAt) {
      return tooMany(
        `after ${record.failed} failed attempts at course ${courseId} the next one opens at ${new Date(opensAt).toISOString()}`,
        (opensAt - at) / 1000,
      );
    }
    const ofClient = state.clients[client] ?? [];
    if (ofClient.length >= limits.attemptsPerClient) {
      const oldest = ofClient[ofClient.length - limits.attemptsPerClient] ?? at;
      return tooMany(
        `too many attempts from this client`,
        (oldest + limits.windowSeconds * 1000 - at) / 1000,
      );
    }
    if ((state.passes[`${dayOf(at)} ${courseId}`] ?? 0) >= limits.passesPerCoursePerDay) {
      return tooMany(
        `course ${courseId} has had its ${limits.passesPerCoursePerDay} passes for today: answer after midnight UTC`,
        untilTomorrow(at),
      );
    }
    return undefined;
  }

  /** The course on chain, checked to be active and graded by this grader, and its package. */
  async function gradableCourse(courseId: bigint) {
    const onChain = await publicClient.readContract({
      ...proofOfKnowledge,
      functionName: "course",
      args: [courseId],
    });
    if (isAddressEqual(onChain.verifier, zeroAddress))
      throw new ServiceError(404, `there is no course ${courseId}`);
    if (!onChain.active) throw new ServiceError(409, `course ${courseId} is inactive: it takes no claims`);
    if (!isAddressEqual(onChain.verifier, verifier.account.address)) {
      throw new ServiceError(
        409,
        `course ${courseId} is verified by ${onChain.verifier}, not by this grader (${verifier.account.address})`,
      );
    }
    const loaded = await loadCourse(courseId, onChain.contentCid, onChain.verifier);
    return { ...loaded, passingScore: Math.max(loaded.course.quiz.passingScore, onChain.minScore) };
  }

  const asked = (course: Course, learner: Address, courseId: bigint, attempt: number) =>
    selectAttempt(secret, course.quiz.questions, questionsPerAttempt(course), {
      chainId,
      learner,
      courseId,
      attempt,
    });

  /** `GET /api/grade`: the open attempt's questions, its wait if any, or the pass already made. */
  async function openAttempt(query: z.infer<typeof attemptQuery>): Promise<AttemptView> {
    const learner = getAddress(query.learner);
    const { courseId } = query;
    const record = (await options.state.update((state) => state.learners[learnerKey(learner, courseId)])) ?? {
      failed: 0,
      lastAt: 0,
    };
    const { course, passingScore } = await gradableCourse(courseId);
    const base = { learner, courseId: courseId.toString(), attempt: record.failed, passingScore };
    if (record.voucher) {
      return { ...base, questions: [], attemptsLeft: 0, passed: true, voucher: record.voucher };
    }
    const byId = new Map(course.quiz.questions.map((question) => [question.id, question]));
    const questions = asked(course, learner, courseId, record.failed).map(({ id, order }) => {
      const question = byId.get(id)!;
      return { id, prompt: question.prompt, options: order.map((i) => question.options[i]!) };
    });
    const opensAt = record.lastAt + cooldownAfter(record.failed);
    return {
      ...base,
      questions,
      attemptsLeft: attemptsLeftAfter(record.failed),
      ...(opensAt > now() ? { nextAttemptAt: Math.ceil(opensAt / 1000) } : {}),
    };
  }

  async function grade(body: z.infer<typeof gradeRequest>, request: Request): Promise<GradeResult> {
    const client = clientOf(request);
    const learner = getAddress(body.learner);
    const { courseId, attempt, answers, expires } = body;
    const nowSeconds = Math.floor(now() / 1000);
    if (expires <= BigInt(nowSeconds)) throw new ServiceError(401, `the submission expired at ${expires}`);
    if (expires > BigInt(nowSeconds + SUBMISSION_TTL_SECONDS + 60)) {
      throw new ServiceError(401, `expires may be at most ${SUBMISSION_TTL_SECONDS} s ahead`);
    }
    const submission: Submission = { learner, courseId, attempt, answers, expires };
    const typedData = submissionTypedData(chainId, proofOfKnowledge.address, submission);
    const valid = await publicClient
      .verifyTypedData({
        address: learner,
        signature: body.signature as Hex,
        domain: typedData.domain,
        types: typedData.types,
        primaryType: typedData.primaryType,
        message: { ...submission },
      })
      .catch(() => false);
    if (!valid) throw new ServiceError(401, `the signature is not ${learner}'s signature of this submission`);
    const digest = hashTypedData(typedData);

    // A repeat of a graded submission gets its result again; else refuse early what would be refused.
    const before = await options.state.update((state) => {
      prune(state, now());
      return state.results[digest]?.result ?? refusal(state, learner, courseId, attempt, client, now());
    });
    if (before instanceof ServiceError) throw before;
    if (before) return before;

    const { course, key, passingScore } = await gradableCourse(courseId);
    const held = await publicClient.readContract({
      ...credential,
      functionName: "credentialOf",
      args: [learner, courseId],
    });
    if (held !== 0n) throw new ServiceError(409, `${learner} has already claimed course ${courseId}`);
    const questions = asked(course, learner, courseId, attempt);
    if (answers.length !== questions.length) {
      throw new ServiceError(
        400,
        `answers: expected ${questions.length} answers, one per question of attempt ${attempt}, in its order`,
      );
    }
    const wrong = questions.filter(({ id, order }, i) => key[id] !== order[answers[i]!]).map(({ id }) => id);
    const correct = questions.length - wrong.length;
    const score = Math.floor((correct * 10_000) / questions.length);
    const passed = score >= passingScore;
    const voucher = passed ? await signVoucher(learner, courseId, score) : undefined;

    return options.state.update((state) => {
      const at = now();
      prune(state, at);
      const earlier = state.results[digest]?.result;
      if (earlier) return earlier;
      const refused = refusal(state, learner, courseId, attempt, client, at);
      if (refused) throw refused;
      const key = learnerKey(learner, courseId);
      const failed = (state.learners[key]?.failed ?? 0) + (passed ? 0 : 1);
      state.learners[key] = { failed, lastAt: at, ...(voucher ? { voucher } : {}) };
      state.clients[client] = [...(state.clients[client] ?? []), at];
      if (passed) {
        const day = `${dayOf(at)} ${courseId}`;
        state.passes[day] = (state.passes[day] ?? 0) + 1;
      }
      const endOfRound = !passed && failed % limits.attemptsPerRound === 0;
      const opensAt = at + cooldownAfter(failed);
      const result: GradeResult = {
        learner,
        courseId: courseId.toString(),
        attempt,
        score,
        passingScore,
        passed,
        correct,
        total: questions.length,
        ...(course.quiz.showWrongAnswers && (passed || endOfRound) ? { wrong } : {}),
        attemptsLeft: passed ? 0 : attemptsLeftAfter(failed) % limits.attemptsPerRound,
        ...(!passed ? { nextAttemptAt: Math.ceil(opensAt / 1000) } : {}),
        ...(voucher ? { voucher } : {}),
      };
      state.results[digest] = { until: Number(expires) * 1000, result };
      return result;
    });
  }

  async function signVoucher(learner: Address, courseId: bigint, score: number): Promise<Voucher> {
    const { timestamp } = await publicClient.getBlock();
    const completion: Completion = {
      learner,
      courseId,
      score,
      deadline: timestamp + BigInt(limits.voucherTtlSeconds),
    };
    const signature = await verifier.account.signTypedData({
      domain: completionDomain(chainId, proofOfKnowledge.address),
      types: COMPLETION_TYPES,
      primaryType: "Completion",
      message: completion,
    });
    return {
      completion: { learner, courseId: courseId.toString(), score, deadline: completion.deadline.toString() },
      signature,
    };
  }

  return {
    handle: jsonEndpoint(gradeRequest, grade, { limit: limitClient }),
    attempt: queryEndpoint(attemptQuery, openAttempt, { limit: limitClient }),
  };
}
