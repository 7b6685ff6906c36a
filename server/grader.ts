import { getAddress, hashTypedData, isAddressEqual, zeroAddress } from "viem";
import type { Address, Hex, LocalAccount, PublicClient } from "viem";
import { z } from "zod";
import { readAll } from "../content/dag";
import { ContentNotFoundError } from "../content/errors";
import { AnswerKeyError, ENCRYPTED_ANSWERS, decryptAnswerKey } from "../content/formats/answer-key";
import type { AnswerKey } from "../content/formats/answer-key";
import { parseJsonFormat } from "../content/formats/common";
import { courseSchema } from "../content/formats/course";
import type { Course } from "../content/formats/course";
import { RateLimiter, clientOf } from "../content/rate-limit";
import type { RateLimit } from "../content/rate-limit";
import type { ContentStore } from "../content/store";
import type { Contract } from "../protocol/manifest";
import { COMPLETION_TYPES, completionDomain, submissionTypedData } from "../protocol/eip712";
import type { Completion, Submission } from "../protocol/eip712";
import { ServiceError, addressField, jsonEndpoint, signatureField, tooMany, uintField } from "./http";
import type { StateFile } from "./state-file";
import { SUBMISSION_TTL_SECONDS } from "./submission";

export interface GraderLimits {
  /** Graded attempts per learner and course within `windowSeconds`. */
  attemptsPerLearner: number;
  /** Graded attempts per client (IP address) within `windowSeconds`, whoever signs. */
  attemptsPerClient: number;
  windowSeconds: number;
  /** How long a voucher can be claimed, from the chain's latest block time. */
  voucherTtlSeconds: number;
  /** Requests per client, signed or not, checked first (in memory). */
  requestsPerClient: RateLimit;
}

export const DEFAULT_GRADER_LIMITS: GraderLimits = {
  attemptsPerLearner: 5,
  attemptsPerClient: 30,
  windowSeconds: 3_600,
  voucherTtlSeconds: 3_600,
  requestsPerClient: { burst: 60, perMinute: 30 },
};

/** What survives a restart: recent attempts (ms timestamps) by key, and used submission signatures. */
export interface GraderState {
  attempts: Record<string, number[]>;
  /** Digest of a graded submission → when it expires (ms); a replay before then is refused. */
  submissions: Record<string, number>;
}

export const emptyGraderState = (): GraderState => ({ attempts: {}, submissions: {} });

export interface GraderOptions {
  publicClient: PublicClient;
  chainId: number;
  /** The verifier's key: decrypts answer keys and signs vouchers. */
  verifier: { account: LocalAccount; privateKey: Hex };
  proofOfKnowledge: Contract<"ProofOfKnowledge">;
  credential: Contract<"AzoraCredential">;
  store: () => Promise<ContentStore>;
  state: StateFile<GraderState>;
  limits?: Partial<GraderLimits>;
  /** The clock, in ms (tests move it). */
  now?: () => number;
}

export interface GradeResult {
  learner: Address;
  courseId: string;
  score: number;
  passingScore: number;
  passed: boolean;
  correct: number;
  total: number;
  /** Ids of the questions answered wrongly: only when the course shows them. */
  wrong?: string[];
  attemptsLeft: number;
  /** On a pass: the Completion voucher and the verifier's signature, for `claim` or `/api/relay/claim`. */
  voucher?: {
    completion: { learner: Address; courseId: string; score: number; deadline: string };
    signature: Hex;
  };
}

const gradeRequest = z
  .object({
    learner: addressField,
    courseId: uintField.refine((id) => id > 0n, "course ids start at 1"),
    answers: z.array(z.number().int().min(0).max(3, "expected an option index 0–3")).min(1).max(100),
    expires: uintField,
    signature: signatureField,
  })
  .strict();

interface LoadedCourse {
  course: Course;
  key: AnswerKey;
}

/**
 * The grader: `POST /api/grade` checks the learner's signed submission, limits attempts, grades
 * it against the course's encrypted answer key, and on a pass signs the `Completion` voucher.
 */
export function createGrader(options: GraderOptions) {
  const limits = { ...DEFAULT_GRADER_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const { publicClient, chainId, verifier, proofOfKnowledge, credential } = options;
  const packages = new Map<string, Promise<LoadedCourse>>();
  const requests = new RateLimiter(limits.requestsPerClient);

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

  /** Counts one attempt for the learner's course and the client, refusing replays and excess. */
  async function countAttempt(
    learner: Address,
    courseId: bigint,
    client: string,
    digest: Hex,
    expires: bigint,
  ) {
    const at = now();
    const windowStart = at - limits.windowSeconds * 1000;
    return options.state.update((state) => {
      for (const [key, times] of Object.entries(state.attempts)) {
        const recent = times.filter((time) => time > windowStart);
        if (recent.length > 0) state.attempts[key] = recent;
        else delete state.attempts[key];
      }
      for (const [used, until] of Object.entries(state.submissions))
        if (until <= at) delete state.submissions[used];

      if (state.submissions[digest] !== undefined) {
        throw new ServiceError(409, "this submission was already graded: sign a new one");
      }
      const learnerKey = `learner:${learner}:${courseId}`;
      const clientKey = `client:${client}`;
      const retryAfter = (times: number[], limit: number) =>
        ((times[times.length - limit] ?? at) + limits.windowSeconds * 1000 - at) / 1000;
      const ofClient = state.attempts[clientKey] ?? [];
      if (ofClient.length >= limits.attemptsPerClient) {
        throw tooMany(`too many attempts from this client`, retryAfter(ofClient, limits.attemptsPerClient));
      }
      const ofLearner = state.attempts[learnerKey] ?? [];
      if (ofLearner.length >= limits.attemptsPerLearner) {
        throw tooMany(
          `${limits.attemptsPerLearner} attempts per ${limits.windowSeconds / 60} minutes at course ${courseId} used`,
          retryAfter(ofLearner, limits.attemptsPerLearner),
        );
      }
      state.attempts[learnerKey] = [...ofLearner, at];
      state.attempts[clientKey] = [...ofClient, at];
      state.submissions[digest] = Number(expires) * 1000;
      return limits.attemptsPerLearner - ofLearner.length - 1;
    });
  }

  async function grade(body: z.infer<typeof gradeRequest>, request: Request): Promise<GradeResult> {
    const wait = requests.take(clientOf(request), now());
    if (wait > 0) throw tooMany("too many requests from this client", wait);
    const learner = getAddress(body.learner);
    const { courseId, answers, expires } = body;
    const nowSeconds = Math.floor(now() / 1000);
    if (expires <= BigInt(nowSeconds)) throw new ServiceError(401, `the submission expired at ${expires}`);
    if (expires > BigInt(nowSeconds + SUBMISSION_TTL_SECONDS + 60)) {
      throw new ServiceError(401, `expires may be at most ${SUBMISSION_TTL_SECONDS} s ahead`);
    }
    const submission: Submission = { learner, courseId, answers, expires };
    const typedData = submissionTypedData(chainId, proofOfKnowledge.address, submission);
    const signature = body.signature as Hex;
    const valid = await publicClient
      .verifyTypedData({
        address: learner,
        signature,
        domain: typedData.domain,
        types: typedData.types,
        primaryType: typedData.primaryType,
        message: { ...submission },
      })
      .catch(() => false);
    if (!valid) throw new ServiceError(401, `the signature is not ${learner}'s signature of this submission`);

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
    const held = await publicClient.readContract({
      ...credential,
      functionName: "credentialOf",
      args: [learner, courseId],
    });
    if (held !== 0n) throw new ServiceError(409, `${learner} has already claimed course ${courseId}`);
    const { course, key } = await loadCourse(courseId, onChain.contentCid, onChain.verifier);
    const questions = course.quiz.questions;
    if (answers.length !== questions.length) {
      throw new ServiceError(
        400,
        `answers: expected ${questions.length} answers, one per question, in order`,
      );
    }

    const attemptsLeft = await countAttempt(
      learner,
      courseId,
      clientOf(request),
      hashTypedData(typedData),
      expires,
    );
    const wrong = questions.filter(({ id }, i) => key[id] !== answers[i]).map(({ id }) => id);
    const correct = questions.length - wrong.length;
    const score = Math.floor((correct * 10_000) / questions.length);
    const passingScore = Math.max(course.quiz.passingScore, onChain.minScore);
    const result: GradeResult = {
      learner,
      courseId: courseId.toString(),
      score,
      passingScore,
      passed: score >= passingScore,
      correct,
      total: questions.length,
      ...(course.quiz.showWrongAnswers ? { wrong } : {}),
      attemptsLeft,
    };
    if (!result.passed) return result;

    const { timestamp } = await publicClient.getBlock();
    const completion: Completion = {
      learner,
      courseId,
      score,
      deadline: timestamp + BigInt(limits.voucherTtlSeconds),
    };
    const voucherSignature = await verifier.account.signTypedData({
      domain: completionDomain(chainId, proofOfKnowledge.address),
      types: COMPLETION_TYPES,
      primaryType: "Completion",
      message: completion,
    });
    return {
      ...result,
      voucher: {
        completion: {
          learner,
          courseId: courseId.toString(),
          score,
          deadline: completion.deadline.toString(),
        },
        signature: voucherSignature,
      },
    };
  }

  return { handle: jsonEndpoint(gradeRequest, grade) };
}
