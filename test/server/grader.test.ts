import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { bytesToHex, createWalletClient, custom, getAddress, hexToBytes, parseEther } from "viem";
import type { Account, Chain, Transport, WalletClient } from "viem";
import type { Abi, Address, Hex, PublicClient } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { openEmbeddedStore } from "../../content/embedded";
import { CLEAR_ANSWERS, ENCRYPTED_ANSWERS, parseAnswers } from "../../content/formats/answer-key";
import { packCourse } from "../../content/formats/course-package";
import type { Course } from "../../content/formats/course";
import type { ContentStore } from "../../content/store";
import { createGrader, emptyGraderState } from "../../server/grader";
import type { GradeResult, GraderLimits } from "../../server/grader";
import { createRelayer, emptyRelayerState } from "../../server/relayer";
import type { RelayerLimits } from "../../server/relayer";
import { StateFile } from "../../server/state-file";
import { attemptUrl, gradeRequestBody } from "../../server/submission";
import type { AttemptView } from "../../server/submission";
import { CLIENT_ADDRESS_HEADER } from "../../content/rate-limit";
import { localAccount } from "../../protocol/chain";
import { publishCourse } from "../../scripts/seed/courses";
import { VoteType } from "../../protocol/enums";
import { signBallot, signDelegation, submissionTypedData } from "../../protocol/eip712";
import { abis } from "../../protocol/abis";
import type { CourseSettings } from "../../protocol/course";
import { formatProposalDescription, proposalOf, proposeArgs } from "../../protocol/proposals";
import { REPO_ROOT } from "../../scripts/stack/paths";
import { tempDir } from "../content/support";
import { revertName } from "../support/errors";
import { answersToAttempt } from "../support/quiz";
import { AZR, credentialIdOf, deployed, networkHelpers, viem } from "../support/fixture";

const { loadFixture } = networkHelpers;
const FOLDER = path.join(REPO_ROOT, "courses", "wallets-and-safety");
// A fixed verifier key: the draws of questions are then the same on every run (a test about
// them cannot pass or fail by chance).
const VERIFIER_KEY = "0x5a1c0e6f7d2b4a39e8c1f0a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6" as const;
const VERIFIER = privateKeyToAccount(VERIFIER_KEY);

/** A course of VERIFIER's at `contentCid`: 100 AZR, passing at 70%, never expiring. */
function gradedCourse(contentCid: string): CourseSettings {
  return {
    title: "A course",
    contentCid,
    reward: AZR(100),
    verifier: VERIFIER.address,
    minScore: 7_000,
    validity: 0,
  };
}

/** The default deployment with the wallets course published (key for VERIFIER) and registered as course 1. */
async function graded() {
  const base = await deployed();
  const { pok, deployer } = base;
  const dir = await tempDir("azora-grader-");
  const store = await openEmbeddedStore(path.join(dir.dir, "content"));
  const { contentCid } = await publishCourse(store, FOLDER, VERIFIER.publicKey);
  await pok.write.setVerifierLimit([VERIFIER.address, 100]);
  await pok.write.registerCourse([gradedCourse(contentCid)]);
  await base.token.write.grantRole([await base.token.read.MINTER_ROLE(), deployer.account.address]);
  const { course } = await packCourse(FOLDER);
  const key = parseAnswers(await readFile(path.join(FOLDER, CLEAR_ANSWERS)));
  return { ...base, dir, store, contentCid, course, key };
}

type Setup = Awaited<ReturnType<typeof graded>>;

/** A request as the Node server hands it on: stamped with the client's address (server/client-address.ts). */
function post(body: unknown, client = "10.0.0.1"): Request {
  return new Request("http://grader.test/api", {
    method: "POST",
    headers: { "content-type": "application/json", [CLIENT_ADDRESS_HEADER]: client },
    body: JSON.stringify(body),
  });
}

async function json<T>(response: Response): Promise<{ status: number; body: T }> {
  return { status: response.status, body: (await response.json()) as T };
}

describe("grader › grading and relaying against a local chain", function () {
  let setup: Setup;
  let dataDir: string;
  const stores: ContentStore[] = [];

  beforeEach(async function () {
    setup = await loadFixture(graded);
    stores.push(setup.store);
    dataDir = path.join(setup.dir.dir, `data-${Math.random().toString(36).slice(2)}`);
    clock = Date.now();
  });
  after(async function () {
    for (const store of stores) await store.close().catch(() => undefined);
  });

  let clock: number;
  function grader(limits: Partial<GraderLimits> = {}, file = path.join(dataDir, "grader.json")) {
    return createGrader({
      publicClient: setup.publicClient as unknown as PublicClient,
      chainId: setup.manifest.chainId,
      verifier: { account: VERIFIER, privateKey: VERIFIER_KEY },
      proofOfKnowledge: { address: setup.pok.address, abi: setup.pok.abi },
      credential: { address: setup.credential.address, abi: setup.credential.abi },
      store: async () => setup.store,
      state: new StateFile(file, emptyGraderState),
      limits,
      now: () => clock,
    });
  }

  /** The relayer's wallet as the server has it: a local key (it signs before it broadcasts). */
  const relayerWallet = (): WalletClient<Transport, Chain, Account> =>
    createWalletClient({
      account: localAccount(6),
      chain: setup.relayer.chain,
      transport: custom(setup.relayer),
    });

  function relayer(limits: Partial<RelayerLimits> = {}, file = path.join(dataDir, "relayer.json")) {
    return createRelayer({
      publicClient: setup.publicClient as unknown as PublicClient,
      wallet: relayerWallet(),
      proofOfKnowledge: { address: setup.pok.address, abi: setup.pok.abi },
      token: { address: setup.token.address, abi: setup.token.abi },
      governor: { address: setup.governor.address, abi: setup.governor.abi },
      errorAbis: Object.values(abis),
      state: new StateFile(file, emptyRelayerState),
      limits,
    });
  }

  /** A learner with a fresh key and no ETH. */
  const newLearner = () => privateKeyToAccount(generatePrivateKey());

  type Grader = ReturnType<typeof grader>;

  /** `GET /api/grade` for the learner's open attempt. */
  async function openAttempt(g: Grader, learner: Address, courseId = 1n, client = "10.0.0.1") {
    const request = new Request(`http://grader.test${attemptUrl(learner, courseId)}`, {
      headers: { [CLIENT_ADDRESS_HEADER]: client },
    });
    return json<AttemptView & { error?: string }>(await g.attempt(request));
  }

  /** The displayed option index of the right answer to each question of an attempt. */
  const rightOf = (view: AttemptView) => answersToAttempt(setup.course, setup.key, view);
  /** The first `wrong` answers one option off, the rest right. */
  const withWrong = (view: AttemptView, wrong: number) =>
    answersToAttempt(setup.course, setup.key, view, wrong);

  /** Signs and posts answers to the learner's open attempt (`answers` from its view). */
  async function submit(
    g: Grader,
    learner: ReturnType<typeof newLearner>,
    answers: number[] | ((view: AttemptView) => number[]),
    options: { courseId?: bigint; as?: Address; client?: string; attempt?: number } = {},
  ) {
    const courseId = options.courseId ?? 1n;
    const view = (await openAttempt(g, options.as ?? learner.address, courseId)).body;
    const submission = {
      learner: options.as ?? learner.address,
      courseId,
      attempt: options.attempt ?? view.attempt ?? 0,
      answers: typeof answers === "function" ? answers(view) : answers,
      expires: BigInt(Math.floor(clock / 1000) + 120),
    };
    const signature = await learner.signTypedData(
      submissionTypedData(setup.manifest.chainId, setup.pok.address, submission),
    );
    const request = gradeRequestBody(submission, signature);
    const result = await json<GradeResult & { error?: string }>(
      await g.handle(post(request, options.client)),
    );
    return { ...result, request, view };
  }

  it("asks each attempt its own draw from the bank: 10 of 20 questions, options shuffled, the same on a reload", async function () {
    const g = grader();
    const learner = newLearner();
    const first = await openAttempt(g, learner.address);
    expect(first.status).to.equal(200);
    expect(setup.course.quiz.questions.length).to.equal(20);
    expect(first.body).to.include({ attempt: 0, attemptsLeft: 3, passingScore: 7_000 });
    expect(first.body.questions).to.have.length(10);
    expect((await openAttempt(g, learner.address)).body.questions).to.deep.equal(first.body.questions);
    // Each question's options are the course's, in the attempt's order.
    for (const { id, options } of first.body.questions) {
      const original = setup.course.quiz.questions.find((q) => q.id === id)!;
      expect([...options].sort()).to.deep.equal([...original.options].sort());
    }
    // Another learner, or the next attempt, draws again.
    const other = await openAttempt(g, newLearner().address);
    expect(other.body.questions.map(({ id }) => id)).to.not.deep.equal(
      first.body.questions.map(({ id }) => id),
    );
    await submit(g, learner, (view) => withWrong(view, 10));
    const second = await openAttempt(g, learner.address);
    expect(second.body.attempt).to.equal(1);
    expect(second.body.questions).to.not.deep.equal(first.body.questions);
  });

  it("grades a fail with its score only: no voucher, no list of wrong questions before the last attempt of a round", async function () {
    const { status, body } = await submit(grader(), newLearner(), (view) => withWrong(view, 4));
    expect(status, body.error).to.equal(200);
    expect(body).to.include({
      attempt: 0,
      passed: false,
      correct: 6,
      total: 10,
      score: 6_000,
      passingScore: 7_000,
    });
    expect(body.voucher).to.equal(undefined);
    expect(body).to.not.have.property("wrong");
    expect(body.attemptsLeft).to.equal(2);
  });

  it("never says which questions were wrong when the course does not show them, even on a pass", async function () {
    const folder = path.join(setup.dir.dir, "hidden");
    await cp(FOLDER, folder, { recursive: true });
    const head = JSON.parse(await readFile(path.join(folder, "course.json"), "utf8")) as Course;
    head.quiz.showWrongAnswers = false;
    await writeFile(path.join(folder, "course.json"), JSON.stringify(head, null, 2));
    const { contentCid } = await publishCourse(setup.store, folder, VERIFIER.publicKey);
    await setup.pok.write.registerCourse([gradedCourse(contentCid)]);
    const { status, body } = await submit(grader(), newLearner(), (view) => withWrong(view, 1), {
      courseId: 2n,
    });
    expect(status, body.error).to.equal(200);
    expect(body).to.include({ passed: true, correct: 9, total: 10 });
    expect(body).to.not.have.property("wrong");
  });

  it("finding 1: the review's attack (move every wrong answer one option on) passes no quiz, and the waits grow", async function () {
    // The attacker answers the first option everywhere, then moves each answer it is told is
    // wrong one option on, as the review did: today's grader listed the wrong questions after
    // every attempt, 5 an hour, and 4 tries passed any quiz. A fixed learner key: the same draws
    // on every run.
    const g = grader();
    const attacker = privateKeyToAccount(
      "0x4b1d000000000000000000000000000000000000000000000000000000000019",
    );
    const shift = new Map<string, number>();
    const waits: number[] = [];
    const told: boolean[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const { status, body } = await submit(g, attacker, (view) =>
        view.questions.map(({ id }) => (shift.get(id) ?? 0) % 4),
      );
      expect(status, body.error).to.equal(200);
      expect(body.passed, `passed at attempt ${attempt}`).to.equal(false);
      told.push(body.wrong !== undefined);
      for (const id of body.wrong ?? []) shift.set(id, (shift.get(id) ?? 0) + 1);
      waits.push(body.nextAttemptAt! - Math.ceil(clock / 1000));
      clock = body.nextAttemptAt! * 1000;
    }
    // Told which were wrong only after the last attempt of each round of 3.
    expect(told).to.deep.equal([false, false, true, false, false, true]);
    expect(waits).to.deep.equal([0, 120, 480, 1_920, 7_680, 30_720]);
  });

  it("refuses an attempt before its wait is over, with when it opens", async function () {
    const g = grader();
    const learner = newLearner();
    for (let i = 0; i < 2; i++) await submit(g, learner, (view) => withWrong(view, 10));
    const early = await submit(g, learner, rightOf);
    expect(early.status).to.equal(429);
    expect(early.body.error).to.match(
      /^after 2 failed attempts at course 1 the next one opens at .*: try again in 120 s$/,
    );
    expect(early.view.nextAttemptAt).to.equal(Math.ceil(clock / 1000) + 120);
    clock += 120_000;
    const later = await submit(g, learner, rightOf);
    expect(later.body).to.include({ passed: true, attempt: 2 });
  });

  it("finding 1: a course signs at most its daily passes, so a farm of fresh addresses mines a bounded amount", async function () {
    const g = grader({ passesPerCoursePerDay: 2 });
    for (let i = 0; i < 2; i++) expect((await submit(g, newLearner(), rightOf)).body.passed).to.equal(true);
    const farm = newLearner();
    const third = await submit(g, farm, rightOf);
    expect(third.status).to.equal(429);
    expect(third.body.error).to.match(
      /^course 1 has had its 2 passes for today: answer after midnight UTC: try again in \d+ s$/,
    );
    // Not counted as an attempt: the same attempt passes the next day.
    clock += 24 * 3_600_000;
    expect((await submit(g, farm, rightOf)).body).to.include({ passed: true, attempt: 0 });
  });

  it("signs, on a pass, a voucher the contract accepts: a learner with no ETH gets 90 AZR and a credential via the relayer", async function () {
    const learner = newLearner();
    const { status, body } = await submit(grader(), learner, (view) => withWrong(view, 1));
    expect(status, body.error).to.equal(200);
    expect(body).to.include({ passed: true, score: 9_000 });
    expect(body.wrong).to.have.length(1);
    expect(body.voucher?.completion).to.include({ learner: learner.address, courseId: "1", score: 9_000 });

    const relayed = await json<{ hash: Hex; credentialId: string; error?: string }>(
      await relayer().claim(post(body.voucher)),
    );
    expect(relayed.status, relayed.body.error).to.equal(200);
    expect(await setup.token.read.balanceOf([learner.address])).to.equal(AZR(90));
    expect(relayed.body.credentialId).to.equal(credentialIdOf(learner.address, 1n).toString());
    expect(await setup.credential.read.isValid([credentialIdOf(learner.address, 1n)])).to.equal(true);
    expect(await setup.publicClient.getBalance({ address: learner.address })).to.equal(0n);
  });

  it("gives a voucher that fails on chain for any other learner", async function () {
    const { body } = await submit(grader(), newLearner(), rightOf);
    const other = newLearner().address;
    const stolen = { ...body.voucher!, completion: { ...body.voucher!.completion, learner: other } };
    const relayed = await json<{ error: string }>(await relayer().claim(post(stolen)));
    expect(relayed.status).to.equal(401);
    expect(relayed.body.error).to.match(/^bad signature: the voucher is not signed by course 1's verifier/);
    const { completion, signature } = stolen;
    const onChain = {
      learner: other,
      courseId: BigInt(completion.courseId),
      score: completion.score,
      deadline: BigInt(completion.deadline),
    };
    const error = await setup.pok.write.claim([onChain, signature]).catch((e: unknown) => e);
    expect(revertName(error, [setup.pok.abi as Abi])).to.equal("ProofOfKnowledgeInvalidSignature");
  });

  it("refuses a submission signed by someone else, or for another attempt; answers a repeat with the same result, counted once", async function () {
    const g = grader();
    const learner = newLearner();
    const forged = await submit(g, newLearner(), rightOf, { as: learner.address });
    expect(forged.status).to.equal(401);
    expect(forged.body.error).to.equal(
      `the signature is not ${learner.address}'s signature of this submission`,
    );
    const stale = await submit(g, learner, rightOf, { attempt: 3 });
    expect([stale.status, stale.body.error]).to.deep.equal([
      409,
      "this submission answers attempt 3, but the open attempt is 0: fetch it with GET /api/grade",
    ]);

    const first = await submit(g, learner, (view) => withWrong(view, 6));
    expect(first.status).to.equal(200);
    const repeat = await json<GradeResult>(await g.handle(post(first.request)));
    expect(repeat).to.deep.equal({ status: 200, body: first.body });
    expect((await openAttempt(g, learner.address)).body.attempt).to.equal(1);
  });

  it("keeps the pass: the learner fetches the same voucher again, and is not graded again", async function () {
    const g = grader();
    const learner = newLearner();
    const passed = await submit(g, learner, rightOf);
    const view = await openAttempt(grader(), learner.address);
    expect(view.body).to.include({ passed: true });
    expect(view.body.voucher).to.deep.equal(passed.body.voucher);
    const again = await submit(g, learner, [0], { attempt: 0 });
    expect([again.status, again.body.error]).to.deep.equal([
      409,
      `${learner.address} has passed course 1 already: fetch the voucher again with GET /api/grade`,
    ]);
  });

  it("limits attempts per client, whoever signs", async function () {
    const g = grader({ attemptsPerClient: 2 });
    for (let i = 0; i < 2; i++) expect((await submit(g, newLearner(), rightOf)).status).to.equal(200);
    const spam = await submit(g, newLearner(), rightOf);
    expect(spam.status).to.equal(429);
    expect(spam.body.error).to.match(/^too many attempts from this client/);
    expect((await submit(g, newLearner(), rightOf, { client: "10.0.0.2" })).status).to.equal(200);
  });

  it("findings 3 and 4: checks the client's rate before reading anything, and refuses a large body unread (413)", async function () {
    const g = grader({ requestsPerClient: { burst: 2, perMinute: 1 } });
    const junk = { learner: "0x00", answers: "x" };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await g.handle(post(junk, "10.9.9.9"))).status);
    expect(statuses).to.deep.equal([400, 400, 429]);
    // 32 MiB, streamed with no length: refused after the first 8 KiB, the rest never pulled.
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 512) controller.close();
        else controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const big = await json<{ error: string }>(
      await grader().handle(
        new Request("http://grader.test/api", {
          method: "POST",
          body: stream,
          headers: { "content-type": "application/json" },
          duplex: "half",
        } as RequestInit),
      ),
    );
    expect(big).to.deep.equal({
      status: 413,
      body: { error: "the body is larger than the limit of 8192 bytes" },
    });
    expect(pulled).to.be.below(4);
    const long = await submit(grader(), newLearner(), rightOf);
    const padded = { ...long.request, signature: `0x${"ab".repeat(2_000)}` };
    const bad = await json<{ error: string }>(await grader().handle(post(padded, "10.0.0.3")));
    expect([bad.status, bad.body.error]).to.deep.equal([
      400,
      "signature: expected a signature of at most 1024 bytes",
    ]);
  });

  it("refuses with a message a course whose package is tampered with or encrypted for another verifier", async function () {
    const { files } = await packCourse(FOLDER, { encryptFor: VERIFIER.publicKey });
    const tampered = files.map((file) => {
      if (file.path !== ENCRYPTED_ANSWERS) return file;
      const envelope = JSON.parse(new TextDecoder().decode(file.content)) as Record<string, Hex>;
      const bytes = hexToBytes(envelope.ciphertext!);
      bytes[3]! ^= 0xff;
      const content = new TextEncoder().encode(
        JSON.stringify({ ...envelope, ciphertext: bytesToHex(bytes) }),
      );
      return { path: file.path, content };
    });
    const forOther = await publishCourse(
      setup.store,
      FOLDER,
      privateKeyToAccount(generatePrivateKey()).publicKey,
    );
    for (const cid of [String(await setup.store.addTree(tampered)), forOther.contentCid]) {
      await setup.pok.write.registerCourse([gradedCourse(cid)]);
    }
    const g = grader();
    const broken = await submit(g, newLearner(), [0], { courseId: 2n, attempt: 0 });
    expect(broken.status).to.equal(409);
    expect(broken.body.error).to.match(/^course 2: answers\.enc: the answer key does not decrypt/);
    const other = await submit(g, newLearner(), [0], { courseId: 3n, attempt: 0 });
    expect(other.status).to.equal(409);
    expect(other.body.error).to.match(
      new RegExp(
        `^course 3: answers\\.enc: the answer key is encrypted for 0x[0-9a-fA-F]{40}, but the course's verifier is ${VERIFIER.address}`,
      ),
    );
  });

  describe("relayer", function () {
    async function passed(learner = newLearner()) {
      const { body } = await submit(grader(), learner, rightOf);
      return { learner, voucher: body.voucher! };
    }

    async function expectNothingSent<T>(run: () => Promise<T>): Promise<T> {
      const nonce = await setup.publicClient.getTransactionCount({ address: setup.relayer.account.address });
      const result = await run();
      expect(
        await setup.publicClient.getTransactionCount({ address: setup.relayer.account.address }),
      ).to.equal(nonce);
      return result;
    }

    it("refuses, without sending, a claim that would revert: already claimed, course inactive", async function () {
      const { voucher } = await passed();
      expect((await relayer().claim(post(voucher))).status).to.equal(200);
      const again = await expectNothingSent(async () =>
        json<{ error: string }>(await relayer().claim(post(voucher))),
      );
      expect(again.status).to.equal(409);
      expect(again.body.error).to.equal(
        `already claimed: ${voucher.completion.learner} has claimed course 1`,
      );

      const { voucher: late } = await passed();
      await setup.pok.write.setCourseActive([1n, false]);
      const inactive = await expectNothingSent(async () =>
        json<{ error: string }>(await relayer().claim(post(late))),
      );
      expect([inactive.status, inactive.body.error]).to.deep.equal([
        409,
        "course 1 is inactive: it takes no claims",
      ]);
    });

    it("refuses, without sending, a claim over the address's daily gas budget", async function () {
      const { voucher } = await passed();
      const over = await expectNothingSent(async () =>
        json<{ error: string }>(await relayer({ gasPerAddressPerDay: 100_000n }).claim(post(voucher))),
      );
      expect(over.status).to.equal(429);
      expect(over.body.error).to.match(
        /^the relay budget of 0x[0-9a-fA-F]{40} is spent for today \(0 of 100000 gas used/,
      );
      expect((await relayer().claim(post(voucher))).status).to.equal(200);
    });

    it("refuses everything while its balance is below the minimum", async function () {
      const { voucher } = await passed();
      await networkHelpers.setBalance(setup.relayer.account.address, parseEther("0.001"));
      const low = await expectNothingSent(async () =>
        json<{ error: string }>(await relayer().claim(post(voucher))),
      );
      expect(low.status).to.equal(503);
      expect(low.body.error).to.match(/^the relayer is low on funds \(0\.001 ETH\)/);
    });

    it("relays a signed delegation, and refuses someone else's signature and a used nonce", async function () {
      const [, alice, bob] = await viem.getWalletClients();
      await setup.token.write.mint([alice!.account.address, AZR(10)]);
      const delegation = {
        delegatee: bob!.account.address,
        nonce: await setup.token.read.nonces([alice!.account.address]),
        // The chain's clock, which the contract judges by (tests may have moved it ahead).
        expiry: BigInt(await networkHelpers.time.latest()) + 600n,
      };
      const { signature } = await signDelegation(alice!, setup.token.address, delegation);
      const body = {
        delegator: alice!.account.address,
        delegatee: delegation.delegatee,
        nonce: delegation.nonce.toString(),
        expiry: delegation.expiry.toString(),
        signature,
      };
      const forged = await json<{ error: string }>(
        await relayer().delegate(post({ ...body, delegator: bob!.account.address })),
      );
      expect([forged.status, forged.body.error]).to.deep.equal([
        401,
        `bad signature: it is not ${getAddress(bob!.account.address)}'s signature of this delegation`,
      ]);
      expect((await relayer().delegate(post(body))).status).to.equal(200);
      expect(await setup.token.read.delegates([alice!.account.address])).to.equal(
        getAddress(bob!.account.address),
      );
      expect(await setup.token.read.getVotes([bob!.account.address])).to.equal(AZR(10));
      const reused = await json<{ error: string }>(await relayer().delegate(post(body)));
      expect(reused.status).to.equal(409);
      expect(reused.body.error).to.match(
        new RegExp(`nonce is not .* current nonce ${delegation.nonce + 1n}: it was used already`),
      );
    });

    it("relays a signed vote for a voter with no ETH; refuses a forged ballot, a closed proposal and a second vote", async function () {
      const { governor, token, fund, deployer } = setup;
      const [, alice] = await viem.getWalletClients();
      const voter = newLearner();
      // alice can propose; the voter holds AZR and delegates to itself, by signature, through the relayer.
      await token.write.mint([alice!.account.address, (await governor.read.proposalThreshold()) + AZR(1)]);
      await token.write.delegate([alice!.account.address], { account: alice!.account });
      await token.write.mint([voter.address, AZR(50)]);
      const expiry = BigInt(await networkHelpers.time.latest()) + 600n;
      const delegation = await signDelegation(
        createWalletClient({ account: voter, chain: deployer.chain, transport: custom(deployer) }),
        token.address,
        { delegatee: voter.address, nonce: 0n, expiry },
      );
      const delegated = await relayer().delegate(
        post({
          delegator: voter.address,
          delegatee: voter.address,
          nonce: "0",
          expiry: expiry.toString(),
          signature: delegation.signature,
        }),
      );
      expect(delegated.status).to.equal(200);

      const proposal = proposalOf(
        [
          {
            ...fund,
            target: fund.address,
            functionName: "release",
            args: [token.address, voter.address, 1n],
          },
        ],
        formatProposalDescription({ title: "A test grant", cid: setup.contentCid }),
      );
      await governor.write.propose(proposeArgs(proposal), { account: alice!.account });
      const ballot = async (support: number, signer = voter) =>
        signBallot(
          createWalletClient({ account: signer, chain: deployer.chain, transport: custom(deployer) }),
          governor.address,
          {
            proposalId: proposal.id,
            support,
            voter: voter.address,
            nonce: await governor.read.nonces([voter.address]),
          },
        );
      const body = async (support: number = VoteType.For, signer = voter) => ({
        proposalId: proposal.id.toString(),
        support,
        voter: voter.address,
        signature: await ballot(support, signer),
      });

      // Still pending: refused with the proposal's state, nothing sent.
      const early = await json<{ error: string }>(await relayer().vote(post(await body())));
      expect([early.status, early.body.error]).to.deep.equal([
        409,
        `proposal ${proposal.id} is not open for voting (it is pending)`,
      ]);
      await networkHelpers.time.increaseTo((await governor.read.proposalSnapshot([proposal.id])) + 1n);
      const forged = await json<{ error: string }>(
        await relayer().vote(post(await body(VoteType.For, newLearner()))),
      );
      expect(forged.status).to.equal(401);
      expect(forged.body.error).to.match(/^bad signature: it is not 0x[0-9a-fA-F]{40}'s ballot/);

      // Finding 2: a ballot from a key with no votes would count nothing: refused, nothing sent.
      const nobody = newLearner();
      const empty = await expectNothingSent(async () =>
        json<{ error: string }>(
          await relayer().vote(
            post({
              proposalId: proposal.id.toString(),
              support: VoteType.For,
              voter: nobody.address,
              signature: await signBallot(
                createWalletClient({ account: nobody, chain: deployer.chain, transport: custom(deployer) }),
                governor.address,
                { proposalId: proposal.id, support: VoteType.For, voter: nobody.address, nonce: 0n },
              ),
            }),
          ),
        ),
      );
      expect([empty.status, empty.body.error]).to.deep.equal([
        409,
        `${nobody.address} had no votes at proposal ${proposal.id}'s snapshot: a ballot would count nothing, so the relayer does not pay for it`,
      ]);

      const cast = await json<{ hash: string }>(await relayer().vote(post(await body())));
      expect(cast.status).to.equal(200);
      expect(await governor.read.hasVoted([proposal.id, voter.address])).to.equal(true);
      const [, forVotes] = await governor.read.proposalVotes([proposal.id]);
      expect(forVotes).to.equal(AZR(50));
      expect(await setup.publicClient.getBalance({ address: voter.address })).to.equal(0n);

      const again = await json<{ error: string }>(await relayer().vote(post(await body(VoteType.Against))));
      expect([again.status, again.body.error]).to.deep.equal([
        409,
        `${voter.address} has already voted on this proposal`,
      ]);
    });

    it("finding 2: pays for no delegation from a key with no AZR, nor for a delegation that changes nothing", async function () {
      const empty = newLearner();
      const [, , bob] = await viem.getWalletClients();
      const delegationBody = async (signer: ReturnType<typeof newLearner>, delegatee: Address) => {
        const expiry = BigInt(await networkHelpers.time.latest()) + 600n;
        const nonce = await setup.token.read.nonces([signer.address]);
        const { signature } = await signDelegation(
          createWalletClient({
            account: signer,
            chain: setup.deployer.chain,
            transport: custom(setup.deployer),
          }),
          setup.token.address,
          { delegatee, nonce, expiry },
        );
        return {
          delegator: signer.address,
          delegatee,
          nonce: nonce.toString(),
          expiry: expiry.toString(),
          signature,
        };
      };
      const none = await expectNothingSent(async () =>
        json<{ error: string }>(
          await relayer().delegate(post(await delegationBody(empty, bob!.account.address))),
        ),
      );
      expect([none.status, none.body.error]).to.deep.equal([
        409,
        `${empty.address} holds no AZR: a delegation would move no votes, so the relayer does not pay for it`,
      ]);
      const holder = newLearner();
      await setup.token.write.mint([holder.address, AZR(5)]);
      expect((await relayer().delegate(post(await delegationBody(holder, holder.address)))).status).to.equal(
        200,
      );
      const same = await expectNothingSent(async () =>
        json<{ error: string }>(await relayer().delegate(post(await delegationBody(holder, holder.address)))),
      );
      expect([same.status, same.body.error]).to.deep.equal([
        409,
        `${holder.address} already delegates to ${holder.address}: nothing to relay`,
      ]);
    });

    it("finding 2: a global daily budget bounds what a farm of fresh addresses costs, with a clear refusal", async function () {
      const { voucher: first } = await passed();
      const paid = await json<{ gasUsed: string }>(await relayer().claim(post(first)));
      expect(paid.status).to.equal(200);
      // Everyone's budget: what the first claim used, and a little: the next learner's claim does not fit.
      const limits = { gasPerDay: BigInt(paid.body.gasUsed) + 10_000n };
      const { voucher: second } = await passed();
      const spent = await expectNothingSent(async () =>
        json<{ error: string }>(await relayer(limits).claim(post(second, "10.0.0.2"))),
      );
      expect(spent.status).to.equal(503);
      expect(spent.body.error).to.match(
        /^the relayer's budget for today is spent \(\d+ of \d+ gas used, this needs \d+\): submit the transaction from your own wallet, or ask again after midnight UTC: try again in \d+ s$/,
      );
    });

    it("finding 3: throttles bad signatures like any request, before reading the chain", async function () {
      const limits = { perClient: { burst: 3, perMinute: 1 } };
      const r = relayer(limits);
      const ballot = {
        proposalId: "1",
        support: 1,
        voter: newLearner().address,
        signature: `0x${"11".repeat(65)}`,
      };
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await r.vote(post(ballot, "10.7.7.7"))).status);
      expect(statuses).to.deep.equal([401, 401, 401, 429]);
    });

    it("answers 400 naming the field for a malformed request", async function () {
      const bad = await json<{ error: string }>(
        await relayer().claim(post({ completion: { learner: "0x12" }, signature: "x" })),
      );
      expect(bad.status).to.equal(400);
      expect(bad.body.error).to.include("completion.learner: expected an address");
    });

    describe("a restart in the middle of grading or relaying", function () {
      it("loses no attempt: a grade whose answer was lost is answered again, counted once", async function () {
        const learner = newLearner();
        const file = path.join(dataDir, "grader.json");
        const first = await submit(grader({}, file), learner, (view) => withWrong(view, 5));
        expect(first.status).to.equal(200);
        // The answer never reached the learner; the server restarts; the browser sends it again.
        const again = await json<GradeResult>(await grader({}, file).handle(post(first.request)));
        expect(again).to.deep.equal({ status: 200, body: first.body });
        expect((await openAttempt(grader({}, file), learner.address)).body.attempt).to.equal(1);
      });

      it("loses no attempt: a grade that crashed before it was recorded is graded on the next try", async function () {
        const learner = newLearner();
        const blocked = path.join(dataDir, "blocked");
        await mkdir(dataDir, { recursive: true });
        // The state file cannot be read or written (its folder is a file): the grader fails, records nothing.
        await writeFile(blocked, "not a folder");
        const file = path.join(blocked, "grader.json");
        const view = (await openAttempt(grader(), learner.address)).body;
        const submission = {
          learner: learner.address,
          courseId: 1n,
          attempt: view.attempt,
          answers: rightOf(view),
          expires: BigInt(Math.floor(clock / 1000) + 120),
        };
        const signature = await learner.signTypedData(
          submissionTypedData(setup.manifest.chainId, setup.pok.address, submission),
        );
        const body = gradeRequestBody(submission, signature);
        const crashed = await json<{ error: string; reference: string }>(
          await grader({}, file).handle(post(body)),
        );
        expect(crashed.status).to.equal(502);
        expect(crashed.body.error).to.equal(
          `the service failed: try again later (reference ${crashed.body.reference})`,
        );
        await rm(blocked);
        const graded = await json<GradeResult>(await grader({}, file).handle(post(body)));
        expect(graded.status).to.equal(200);
        expect(graded.body).to.include({ passed: true, attempt: 0 });
      });

      it("pays no voucher twice: a claim sent before a restart is awaited, not sent again", async function () {
        const { voucher } = await passed();
        const file = path.join(dataDir, "relayer.json");
        const relayerAddress = localAccount(6).address;
        const nonce = await setup.publicClient.getTransactionCount({ address: relayerAddress });
        const automine = (on: boolean) =>
          setup.publicClient.request({ method: "evm_setAutomine" as never, params: [on] as never });
        await automine(false);
        try {
          const beforeRestart = relayer({}, file).claim(post(voucher));
          // The transaction is signed, recorded and broadcast; the server dies before it is mined.
          for (let i = 0; i < 100; i++) {
            const state = JSON.parse(await readFile(file, "utf8").catch(() => "{}")) as {
              pending?: Record<string, unknown>;
            };
            if (Object.keys(state.pending ?? {}).length > 0) break;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          const afterRestart = relayer({}, file).claim(post(voucher));
          await new Promise((resolve) => setTimeout(resolve, 300));
          await networkHelpers.mine();
          const [a, b] = await Promise.all(
            [beforeRestart, afterRestart].map(async (r) => json<{ hash: Hex }>(await r)),
          );
          expect([a!.status, b!.status]).to.deep.equal([200, 200]);
          expect(b!.body.hash).to.equal(a!.body.hash);
        } finally {
          await automine(true);
        }
        expect(await setup.publicClient.getTransactionCount({ address: relayerAddress })).to.equal(nonce + 1);
        expect(await setup.token.read.balanceOf([voucher.completion.learner])).to.equal(AZR(90));
      });
    });
  });
});
