import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { bytesToHex, createWalletClient, custom, getAddress, hexToBytes, parseEther } from "viem";
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
import { gradeRequestBody } from "../../server/submission";
import { publishCourse } from "../../scripts/seed/courses";
import { VoteType } from "../../protocol/enums";
import { signBallot, signDelegation, submissionTypedData } from "../../protocol/eip712";
import { abis } from "../../protocol/abis";
import { formatProposalDescription, proposalOf, proposeArgs } from "../../protocol/proposals";
import { REPO_ROOT } from "../../scripts/stack/paths";
import { tempDir } from "../content/support";
import { revertName } from "../support/errors";
import { AZR, credentialIdOf, deployed, networkHelpers, viem } from "../support/fixture";

const { loadFixture } = networkHelpers;
const FOLDER = path.join(REPO_ROOT, "courses", "wallets-and-safety");
const VERIFIER_KEY = generatePrivateKey();
const VERIFIER = privateKeyToAccount(VERIFIER_KEY);

/** The default deployment with the wallets course published (key for VERIFIER) and registered as course 1. */
async function graded() {
  const base = await deployed();
  const { pok, deployer } = base;
  const dir = await tempDir("azora-grader-");
  const store = await openEmbeddedStore(path.join(dir.dir, "content"));
  const { contentCid } = await publishCourse(store, FOLDER, VERIFIER.publicKey);
  await pok.write.setVerifierLimit([VERIFIER.address, 100]);
  await pok.write.registerCourse([contentCid, AZR(100), VERIFIER.address, 7_000, 0]);
  await base.token.write.grantRole([await base.token.read.MINTER_ROLE(), deployer.account.address]);
  const { course } = await packCourse(FOLDER);
  const key = parseAnswers(await readFile(path.join(FOLDER, CLEAR_ANSWERS)));
  const right = course.quiz.questions.map(({ id }) => key[id]!);
  return { ...base, dir, store, contentCid, course, right };
}

type Setup = Awaited<ReturnType<typeof graded>>;

function post(body: unknown, client = "10.0.0.1"): Request {
  return new Request("http://grader.test/api", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": client },
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
  });
  after(async function () {
    for (const store of stores) await store.close().catch(() => undefined);
  });

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
    });
  }

  function relayer(limits: Partial<RelayerLimits> = {}) {
    return createRelayer({
      publicClient: setup.publicClient as unknown as PublicClient,
      wallet: setup.relayer,
      proofOfKnowledge: { address: setup.pok.address, abi: setup.pok.abi },
      token: { address: setup.token.address, abi: setup.token.abi },
      governor: { address: setup.governor.address, abi: setup.governor.abi },
      errorAbis: Object.values(abis),
      state: new StateFile(path.join(dataDir, "relayer.json"), emptyRelayerState),
      limits,
    });
  }

  /** A learner with a fresh key and no ETH. */
  const newLearner = () => privateKeyToAccount(generatePrivateKey());

  async function submit(
    handle: (request: Request) => Promise<Response>,
    learner: ReturnType<typeof newLearner>,
    answers: number[],
    options: { courseId?: bigint; as?: Address; client?: string } = {},
  ) {
    const submission = {
      learner: options.as ?? learner.address,
      courseId: options.courseId ?? 1n,
      answers,
      expires: BigInt(Math.floor(Date.now() / 1000) + 120),
    };
    const signature = await learner.signTypedData(
      submissionTypedData(setup.manifest.chainId, setup.pok.address, submission),
    );
    const request = gradeRequestBody(submission, signature);
    const result = await json<GradeResult & { error?: string }>(await handle(post(request, options.client)));
    return { ...result, request };
  }

  const wrongAnswers = (right: number[], wrong: number) => right.map((a, i) => (i < wrong ? (a + 1) % 4 : a));

  it("grades wrong answers as a fail with no voucher, and lists the wrong questions as the course allows", async function () {
    const { handle } = grader();
    const { status, body } = await submit(handle, newLearner(), wrongAnswers(setup.right, 5));
    expect(status).to.equal(200);
    expect(body).to.include({ passed: false, correct: 7, total: 12, score: 5_833, passingScore: 7_000 });
    expect(body.voucher).to.equal(undefined);
    expect(body.wrong).to.deep.equal(["q1", "q2", "q3", "q4", "q5"]);
    expect(body.attemptsLeft).to.equal(4);
  });

  it("does not say which questions were wrong when the course does not show them", async function () {
    const folder = path.join(setup.dir.dir, "hidden");
    await cp(FOLDER, folder, { recursive: true });
    const head = JSON.parse(await readFile(path.join(folder, "course.json"), "utf8")) as Course;
    head.quiz.showWrongAnswers = false;
    await writeFile(path.join(folder, "course.json"), JSON.stringify(head, null, 2));
    const { contentCid } = await publishCourse(setup.store, folder, VERIFIER.publicKey);
    await setup.pok.write.registerCourse([contentCid, AZR(100), VERIFIER.address, 7_000, 0]);
    const { status, body } = await submit(grader().handle, newLearner(), wrongAnswers(setup.right, 5), {
      courseId: 2n,
    });
    expect(status).to.equal(200);
    expect(body).to.include({ passed: false, correct: 7, total: 12 });
    expect(body).to.not.have.property("wrong");
  });

  it("signs, on a pass, a voucher the contract accepts: a learner with no ETH gets 90 AZR and a credential via the relayer", async function () {
    const learner = newLearner();
    const { status, body } = await submit(grader().handle, learner, wrongAnswers(setup.right, 1));
    expect(status).to.equal(200);
    expect(body).to.include({ passed: true, score: 9_166 });
    expect(body.voucher?.completion).to.include({ learner: learner.address, courseId: "1", score: 9_166 });

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
    const { body } = await submit(grader().handle, newLearner(), setup.right);
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

  it("refuses a submission signed by someone else than the learner, and a replayed one", async function () {
    const { handle } = grader();
    const learner = newLearner();
    const forged = await submit(handle, newLearner(), setup.right, { as: learner.address });
    expect(forged.status).to.equal(401);
    expect(forged.body.error).to.equal(
      `the signature is not ${learner.address}'s signature of this submission`,
    );

    const first = await submit(handle, learner, wrongAnswers(setup.right, 6));
    expect(first.status).to.equal(200);
    const replay = await json<{ error: string }>(await handle(post(first.request)));
    expect(replay.status).to.equal(409);
    expect(replay.body.error).to.match(/already graded/);
  });

  it("limits attempts per learner and course, and the limit holds across a restart", async function () {
    const learner = newLearner();
    const limits = { attemptsPerLearner: 2 };
    const before = grader(limits);
    for (const left of [1, 0]) {
      const { status, body } = await submit(before.handle, learner, wrongAnswers(setup.right, 5 + left));
      expect([status, body.attemptsLeft]).to.deep.equal([200, left]);
    }
    const third = await submit(before.handle, learner, setup.right);
    expect(third.status).to.equal(429);
    expect(third.body.error).to.match(/^2 attempts per 60 minutes at course 1 used: try again in \d+ s$/);

    // A new grader over the same data file, as after a restart: still refused, even with the right answers.
    const restarted = await submit(grader(limits).handle, learner, setup.right);
    expect(restarted.status).to.equal(429);
    expect(restarted.body.voucher).to.equal(undefined);
    // Another learner is not limited by this one's attempts.
    expect((await submit(grader(limits).handle, newLearner(), setup.right)).body.passed).to.equal(true);
  });

  it("limits attempts per client, whoever signs", async function () {
    const { handle } = grader({ attemptsPerClient: 2 });
    for (let i = 0; i < 2; i++)
      expect((await submit(handle, newLearner(), setup.right)).status).to.equal(200);
    const spam = await submit(handle, newLearner(), setup.right);
    expect(spam.status).to.equal(429);
    expect(spam.body.error).to.match(/^too many attempts from this client/);
    expect((await submit(handle, newLearner(), setup.right, { client: "10.0.0.2" })).status).to.equal(200);
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
      await setup.pok.write.registerCourse([cid, AZR(100), VERIFIER.address, 7_000, 0]);
    }
    const { handle } = grader();
    const broken = await submit(handle, newLearner(), setup.right, { courseId: 2n });
    expect(broken.status).to.equal(409);
    expect(broken.body.error).to.match(/^course 2: answers\.enc: the answer key does not decrypt/);
    const other = await submit(handle, newLearner(), setup.right, { courseId: 3n });
    expect(other.status).to.equal(409);
    expect(other.body.error).to.match(
      new RegExp(
        `^course 3: answers\\.enc: the answer key is encrypted for 0x[0-9a-fA-F]{40}, but the course's verifier is ${VERIFIER.address}`,
      ),
    );
  });

  describe("relayer", function () {
    async function passed(learner = newLearner()) {
      const { body } = await submit(grader().handle, learner, setup.right);
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

    it("answers 400 naming the field for a malformed request", async function () {
      const bad = await json<{ error: string }>(
        await relayer().claim(post({ completion: { learner: "0x12" }, signature: "x" })),
      );
      expect(bad.status).to.equal(400);
      expect(bad.body.error).to.include("completion.learner: expected an address");
    });
  });
});
