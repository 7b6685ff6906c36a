import { expect } from "chai";
import { globalOptions } from "hardhat";
import {
  encodeFunctionData,
  getAddress,
  hashTypedData,
  keccak256,
  parseEventLogs,
  toHex,
  zeroAddress,
} from "viem";
import type { Address } from "viem";
import { COMPLETION_TYPES, completionDomain, signCompletion } from "../../protocol/eip712";
import { CitadelSource } from "../../protocol/enums";
import type { CourseSettings } from "../../protocol/course";
import { CONTRACT_NAMES } from "../../protocol/manifest";
import { Roles } from "../../protocol/roles";
import { learnerAddress } from "../support/accounts";
import { revertName } from "../support/errors";
import {
  AZR,
  COURSE,
  MINING_TEST_CONFIG,
  credentialIdOf,
  mining,
  networkHelpers,
  registerCourse,
  viem,
} from "../support/fixture";
import { replayable, rng, seedFromEnv } from "../support/random";
import { expectRevert } from "./helpers/revert";

const { loadFixture, time } = networkHelpers;

const DAY = 24 * 60 * 60;
const ADMIN = `0x${"00".repeat(32)}` as const;

/** Settings for `registerCourse`/`updateCourse`: "A course" at "cid", 1 AZR, any score, never expiring, unless `settings` says otherwise. */
function courseSettings(
  settings: Pick<CourseSettings, "verifier"> & Partial<CourseSettings>,
): CourseSettings {
  return { title: "A course", contentCid: "cid", reward: AZR(1), minScore: 0, validity: 0, ...settings };
}

/** `mining`, plus course 2: 400 AZR, any score, credentials that never expire, same verifier. */
async function twoCourses() {
  const base = await mining();
  await base.pok.write.registerCourse([
    courseSettings({
      contentCid: "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4",
      reward: AZR(400),
      verifier: base.verifier.account.address,
    }),
  ]);
  return base;
}

/** `mining`, plus a course (id 2) whose verifier is a smart-contract wallet owned by carol. */
async function walletVerifier() {
  const base = await mining();
  const wallet = await viem.deployContract("MockERC1271Wallet", [base.carol.account.address]);
  await base.pok.write.setVerifierLimit([wallet.address, 5]);
  await base.pok.write.registerCourse([
    courseSettings({
      contentCid: "bafkreiwallet",
      reward: AZR(50),
      verifier: wallet.address,
      minScore: 5_000,
    }),
  ]);
  return { ...base, wallet };
}

describe("ProofOfKnowledge", () => {
  describe("deployment and wiring", () => {
    it("holds AZR's MINTER_ROLE and the credential's MINTER_ROLE, and no power to revoke", async () => {
      const { pok, token, credential, deployer } = await loadFixture(mining);
      expect(await token.read.hasRole([Roles.MINTER, pok.address])).to.equal(true);
      expect(await token.read.hasRole([Roles.MINTER, deployer.account.address])).to.equal(false);
      expect(await credential.read.hasRole([Roles.MINTER, pok.address])).to.equal(true);
      expect(await credential.read.hasRole([Roles.REVOKER, pok.address])).to.equal(false);
    });

    it("is the CitadelFund's Mining source and knows its token, credential and fund", async () => {
      const { pok, token, credential, fund } = await loadFixture(mining);
      expect(await fund.read.sourceOf([pok.address])).to.equal(CitadelSource.Mining);
      expect(await pok.read.token()).to.equal(getAddress(token.address));
      expect(await pok.read.credential()).to.equal(getAddress(credential.address));
      expect(await pok.read.citadelFund()).to.equal(getAddress(fund.address));
    });

    it("leaves the admin and curator roles with the deployer, for good, and appoints no guardian", async () => {
      const { pok, deployer } = await loadFixture(mining);
      expect(await pok.read.CURATOR_ROLE()).to.equal(Roles.CURATOR);
      expect(await pok.read.GUARDIAN_ROLE()).to.equal(Roles.GUARDIAN);
      for (const role of [ADMIN, Roles.CURATOR]) {
        expect(await pok.read.hasRole([role, deployer.account.address]), role).to.equal(true);
        expect(await pok.read.roleTermOf([role, deployer.account.address]), role).to.equal(0);
      }
      expect(await pok.read.hasRole([Roles.GUARDIAN, deployer.account.address])).to.equal(false);
      expect(await pok.read.claimsPaused()).to.equal(false);
    });

    it("records every contract in the manifest, in deploy order", async () => {
      const { manifest, token, fund, credential, pok, escrow, timelock, governor } =
        await loadFixture(mining);
      // protocol/manifest's CONTRACT_NAMES, the deploy order the block numbers below confirm.
      const names = CONTRACT_NAMES;
      expect(Object.keys(manifest.contracts)).to.deep.equal([...names]);
      const addresses = names.map((name) => manifest.contracts[name].address);
      expect(addresses).to.deep.equal(
        [token, fund, credential, pok, escrow, timelock, governor].map(({ address }) => getAddress(address)),
      );
      const blocks = names.map((name) => manifest.contracts[name].blockNumber);
      expect([...blocks].sort((a, b) => a - b)).to.deep.equal(blocks);
    });

    it('signs in the EIP-712 domain "Azora ProofOfKnowledge" version "1" of this chain and contract', async () => {
      const { pok } = await loadFixture(mining);
      const [, name, version, chainId, verifyingContract] = await pok.read.eip712Domain();
      expect({ name, version, chainId, verifyingContract }).to.deep.equal({
        name: "Azora ProofOfKnowledge",
        version: "1",
        chainId: 31337n,
        verifyingContract: getAddress(pok.address),
      });
      expect(await pok.read.COMPLETION_TYPEHASH()).to.equal(
        keccak256(toHex("Completion(address learner,uint256 courseId,uint16 score,uint64 deadline)")),
      );
    });

    it("computes the same Completion digest as any EIP-712 library", async () => {
      const { pok, alice, voucher } = await loadFixture(mining);
      const completion = await voucher(alice, { score: 8_123 });
      const digest = hashTypedData({
        domain: completionDomain(31337, pok.address),
        types: COMPLETION_TYPES,
        primaryType: "Completion",
        message: completion,
      });
      expect(await pok.read.completionDigest([completion])).to.equal(digest);
    });
  });

  describe("course registry", () => {
    it("registers an active course with CourseRegistered and answers verifierOf, rewardOf, course", async () => {
      const { pok, carol } = await loadFixture(mining);
      const settings = {
        title: "Saving for School Fees",
        contentCid: "bafkreinew",
        reward: AZR(25),
        verifier: getAddress(carol.account.address),
        minScore: 6_000,
        validity: 30 * DAY,
      };
      const { result } = await pok.simulate.registerCourse([settings]);
      expect(result).to.equal(2n);
      await viem.assertions.emitWithArgs(pok.write.registerCourse([settings]), pok, "CourseRegistered", [
        2n,
        getAddress(carol.account.address),
        settings,
      ]);
      expect(await pok.read.courseCount()).to.equal(2n);
      expect(await pok.read.verifierOf([2n])).to.equal(getAddress(carol.account.address));
      expect(await pok.read.rewardOf([2n])).to.equal(AZR(25));
      expect(await pok.read.course([2n])).to.deep.equal({
        verifier: getAddress(carol.account.address),
        reward: AZR(25),
        minScore: 6_000,
        validity: 30 * DAY,
        active: true,
        contentCid: "bafkreinew",
        title: "Saving for School Fees",
      });
      expect(await pok.read.courseTitle([2n])).to.equal("Saving for School Fees");
    });

    it("answers zero for a course that does not exist", async () => {
      const { pok } = await loadFixture(mining);
      expect(await pok.read.verifierOf([7n])).to.equal(zeroAddress);
      expect(await pok.read.rewardOf([7n])).to.equal(0n);
      expect(await pok.read.courseTitle([7n])).to.equal("");
    });

    it("takes a title of 1 to 64 bytes, UTF-8 included, and refuses any other with ProofOfKnowledgeInvalidCourseTitle(title)", async () => {
      const { pok, verifier } = await loadFixture(mining);
      expect(await pok.read.MAX_TITLE_LENGTH()).to.equal(64n);
      const register = (title: string) =>
        pok.write.registerCourse([courseSettings({ title, verifier: verifier.account.address })]);
      const update = (title: string) =>
        pok.write.updateCourse([1n, courseSettings({ title, verifier: verifier.account.address })]);
      for (const title of [
        "x".repeat(64),
        "Akiba na Bajeti: élan, 💡",
        "Wallets (and safety) #1: 100% 'safe'",
      ]) {
        await register(title);
        expect(await pok.read.courseTitle([await pok.read.courseCount()])).to.equal(title);
      }
      const refused = [
        "",
        "x".repeat(65),
        "é".repeat(33),
        'The "best" course',
        "back\\slash",
        "<b>bold</b>",
        "Q&A",
        "tab\tin",
        "new\nline",
        "del\u007f",
      ];
      for (const title of refused) {
        await expectRevert(register(title), "ProofOfKnowledgeInvalidCourseTitle", [title]);
        await expectRevert(update(title), "ProofOfKnowledgeInvalidCourseTitle", [title]);
      }
    });

    it("refuses a zero or disabled verifier, a zero reward and a minimum score above 10000", async () => {
      const { pok, carol } = await loadFixture(mining);
      await expectRevert(
        pok.write.registerCourse([courseSettings({ verifier: zeroAddress })]),
        "ProofOfKnowledgeInvalidVerifier",
        [zeroAddress],
      );
      await pok.write.disableVerifier([carol.account.address]);
      await expectRevert(
        pok.write.registerCourse([courseSettings({ verifier: carol.account.address })]),
        "ProofOfKnowledgeInvalidVerifier",
        [getAddress(carol.account.address)],
      );
      await expectRevert(
        pok.write.registerCourse([courseSettings({ reward: 0n, verifier: getAddress(learnerAddress("v")) })]),
        "ProofOfKnowledgeInvalidReward",
        [0n],
      );
      await expectRevert(
        pok.write.registerCourse([
          courseSettings({ verifier: getAddress(learnerAddress("v")), minScore: 10_001 }),
        ]),
        "ProofOfKnowledgeInvalidScore",
        [10_001],
      );
    });

    it("updates a course with CourseUpdated: the former verifier's vouchers stop working", async () => {
      const { pok, carol, verifier, alice, voucher, claim, sign } = await loadFixture(mining);
      await viem.assertions.emitWithArgs(
        pok.write.updateCourse([
          1n,
          courseSettings({
            contentCid: "bafkreiv2",
            reward: AZR(80),
            verifier: carol.account.address,
            minScore: 8_000,
          }),
        ]),
        pok,
        "CourseUpdated",
        [
          1n,
          getAddress(carol.account.address),
          courseSettings({
            contentCid: "bafkreiv2",
            reward: AZR(80),
            verifier: getAddress(carol.account.address),
            minScore: 8_000,
          }),
        ],
      );
      expect(await pok.read.course([1n])).to.deep.include({
        title: "A course",
        contentCid: "bafkreiv2",
        reward: AZR(80),
        active: true,
      });
      const completion = await voucher(alice);
      await expectRevert(
        pok.write.claim([completion, await sign(completion, verifier)]),
        "ProofOfKnowledgeInvalidSignature",
        [1n, getAddress(carol.account.address)],
      );
      await pok.write.setVerifierLimit([carol.account.address, 1]);
      await claim(completion, carol);
    });

    it("opens and closes a course with CourseActivated and CourseDeactivated", async () => {
      const { pok, alice, voucher, claim } = await loadFixture(mining);
      await viem.assertions.emitWithArgs(pok.write.setCourseActive([1n, false]), pok, "CourseDeactivated", [
        1n,
      ]);
      expect((await pok.read.course([1n])).active).to.equal(false);
      await expectRevert(claim(await voucher(alice)), "ProofOfKnowledgeCourseInactive", [1n]);
      await viem.assertions.emitWithArgs(pok.write.setCourseActive([1n, true]), pok, "CourseActivated", [1n]);
      await claim(await voucher(alice));
    });

    it("refuses to update or toggle a course that does not exist with ProofOfKnowledgeCourseNotFound(id)", async () => {
      const { pok, carol } = await loadFixture(mining);
      await expectRevert(
        pok.write.updateCourse([9n, courseSettings({ verifier: carol.account.address })]),
        "ProofOfKnowledgeCourseNotFound",
        [9n],
      );
      await expectRevert(pok.write.setCourseActive([0n, true]), "ProofOfKnowledgeCourseNotFound", [0n]);
    });

    it("lets only curators manage courses and verifier limits", async () => {
      const { pok, alice } = await loadFixture(mining);
      const who = getAddress(alice.account.address);
      const calls = [
        pok.write.registerCourse([courseSettings({ verifier: who })], { account: alice.account }),
        pok.write.updateCourse([1n, courseSettings({ verifier: who })], { account: alice.account }),
        pok.write.setCourseActive([1n, false], { account: alice.account }),
        pok.write.setVerifierLimit([who, 100], { account: alice.account }),
      ];
      for (const call of calls) {
        await expectRevert(call, "AccessControlUnauthorizedAccount", [who, Roles.CURATOR]);
      }
    });
  });

  describe("claim", () => {
    it("pays a relayer-submitted claim exactly 90% to the learner and 10% to the CitadelFund", async () => {
      const { pok, token, fund, credential, relayer, alice, verifier, voucher, sign, publicClient } =
        await loadFixture(mining);
      const completion = await voucher(alice);
      const signature = await sign(completion);
      const { result: credentialId } = await pok.simulate.claim([completion, signature], {
        account: relayer.account.address,
      });
      const hash = await pok.write.claim([completion, signature], { account: relayer.account });

      expect(await token.read.balanceOf([alice.account.address])).to.equal(AZR(90));
      expect(await token.read.balanceOf([fund.address])).to.equal(AZR(10));
      expect(await token.read.balanceOf([relayer.account.address])).to.equal(0n);
      expect(await token.read.totalSupply()).to.equal(AZR(100));

      await viem.assertions.emitWithArgs(hash, pok, "Claimed", [
        getAddress(alice.account.address),
        1n,
        credentialId,
        getAddress(verifier.account.address),
        AZR(100),
        AZR(90),
        AZR(10),
        0n,
      ]);
      await viem.assertions.emitWithArgs(hash, fund, "InflowRecorded", [
        CitadelSource.Mining,
        getAddress(token.address),
        getAddress(pok.address),
        AZR(10),
      ]);

      const { blockNumber } = await publicClient.getTransactionReceipt({ hash });
      const { timestamp } = await publicClient.getBlock({ blockNumber });
      expect(credentialId).to.equal(credentialIdOf(alice.account.address, 1n));
      expect(await credential.read.ownerOf([credentialId])).to.equal(getAddress(alice.account.address));
      expect(await credential.read.locked([credentialId])).to.equal(true);
      expect(await credential.read.isValid([credentialId])).to.equal(true);
      expect(await credential.read.issuerOf([credentialId])).to.equal(getAddress(verifier.account.address));
      expect(await credential.read.scoreOf([credentialId])).to.equal(completion.score);
      expect(await credential.read.expiresAt([credentialId])).to.equal(Number(timestamp) + COURSE.validity);
    });

    it("emits Claimed once, the only event of ProofOfKnowledge in the transaction", async () => {
      const { pok, alice, voucher, claim, publicClient } = await loadFixture(mining);
      const hash = await claim(await voucher(alice));
      const { logs } = await publicClient.getTransactionReceipt({ hash });
      const events = parseEventLogs({ abi: pok.abi, logs }).filter(
        (log) => getAddress(log.address) === getAddress(pok.address),
      );
      expect(events.map((event) => event.eventName)).to.deep.equal(["Claimed"]);
    });

    it("rounds the CitadelFund's share down and gives the remainder to the learner", async () => {
      const { pok, token, fund, verifier, bob, voucher, claim } = await loadFixture(mining);
      const reward = AZR(100) + 7n;
      await pok.write.registerCourse([courseSettings({ reward, verifier: verifier.account.address })]);
      await viem.assertions.emitWithArgs(claim(await voucher(bob, { courseId: 2n })), pok, "Claimed", [
        getAddress(bob.account.address),
        2n,
        credentialIdOf(bob.account.address, 2n),
        getAddress(verifier.account.address),
        reward,
        AZR(90) + 7n,
        AZR(10),
        0n,
      ]);
      expect(await token.read.balanceOf([bob.account.address])).to.equal(AZR(90) + 7n);
      expect(await token.read.balanceOf([fund.address])).to.equal(AZR(10));
    });

    it("refuses a replayed voucher with the credential's AzoraCredentialAlreadyIssued(learner, course)", async () => {
      const { pok, relayer, alice, voucher, sign } = await loadFixture(mining);
      const completion = await voucher(alice);
      const signature = await sign(completion);
      await pok.write.claim([completion, signature], { account: relayer.account });
      await expectRevert(
        pok.write.claim([completion, signature], { account: alice.account }),
        "AzoraCredentialAlreadyIssued",
        [getAddress(alice.account.address), 1n],
      );
    });

    it("refuses a second, different voucher for the same learner and course", async () => {
      const { alice, voucher, claim } = await loadFixture(mining);
      await claim(await voucher(alice, { score: 7_500 }));
      await expectRevert(claim(await voucher(alice, { score: 10_000 })), "AzoraCredentialAlreadyIssued", [
        getAddress(alice.account.address),
        1n,
      ]);
    });

    it("refuses a voucher signed for another chain id", async () => {
      const { pok, alice, verifier, voucher } = await loadFixture(mining);
      const completion = await voucher(alice);
      const signature = await signCompletion(verifier, pok.address, completion, 1);
      await expectRevert(pok.write.claim([completion, signature]), "ProofOfKnowledgeInvalidSignature", [
        1n,
        getAddress(verifier.account.address),
      ]);
    });

    it("refuses a voucher signed for another ProofOfKnowledge, both ways", async () => {
      const { pok, token, credential, fund, deployer, alice, verifier, voucher, sign } =
        await loadFixture(mining);
      const other = await viem.deployContract("ProofOfKnowledge", [
        deployer.account.address,
        token.address,
        credential.address,
        fund.address,
        MINING_TEST_CONFIG.epochLengthSeconds,
        AZR(MINING_TEST_CONFIG.epochBudgetAzr),
        MINING_TEST_CONFIG.halvingIntervalEpochs,
      ]);
      await registerCourse({ pok: other, verifier }, { verifierLimit: 5, validity: 0 });
      const completion = await voucher(alice);
      await expectRevert(
        other.write.claim([completion, await sign(completion)]),
        "ProofOfKnowledgeInvalidSignature",
        [1n, getAddress(verifier.account.address)],
      );
      await expectRevert(
        pok.write.claim([completion, await signCompletion(verifier, other.address, completion)]),
        "ProofOfKnowledgeInvalidSignature",
        [1n, getAddress(verifier.account.address)],
      );
    });

    it("refuses a voucher signed by anyone but the course verifier, or altered after signing", async () => {
      const { pok, alice, bob, verifier, voucher, sign } = await loadFixture(mining);
      const completion = await voucher(alice);
      const expected: [bigint, Address] = [1n, getAddress(verifier.account.address)];
      await expectRevert(
        pok.write.claim([completion, await sign(completion, alice)]),
        "ProofOfKnowledgeInvalidSignature",
        expected,
      );
      const signature = await sign(completion);
      for (const altered of [
        { ...completion, learner: bob.account.address },
        { ...completion, score: 9_999 },
        { ...completion, deadline: completion.deadline + 1n },
      ]) {
        await expectRevert(
          pok.write.claim([altered, signature]),
          "ProofOfKnowledgeInvalidSignature",
          expected,
        );
      }
      await expectRevert(
        pok.write.claim([completion, signature.slice(0, 130) as `0x${string}`]),
        "ProofOfKnowledgeInvalidSignature",
        expected,
      );
    });

    it("accepts a voucher up to its deadline second and refuses it after with ProofOfKnowledgeVoucherExpired", async () => {
      const { pok, alice, bob, voucher, sign } = await loadFixture(mining);
      const deadline = BigInt(await time.latest()) + 100n;
      const onTime = await voucher(alice, { deadline });
      const signedOnTime = await sign(onTime);
      await time.setNextBlockTimestamp(deadline);
      await pok.write.claim([onTime, signedOnTime]);

      const late = await voucher(bob, { deadline });
      await expectRevert(pok.write.claim([late, await sign(late)]), "ProofOfKnowledgeVoucherExpired", [
        deadline,
        (timestamp: bigint) => timestamp > deadline,
      ]);
    });

    it("refuses a score below the course minimum, and accepts exactly the minimum", async () => {
      const { pok, alice, bob, voucher, sign, claim } = await loadFixture(mining);
      const low = await voucher(alice, { score: COURSE.minScore - 1 });
      await expectRevert(pok.write.claim([low, await sign(low)]), "ProofOfKnowledgeScoreTooLow", [
        1n,
        COURSE.minScore - 1,
        COURSE.minScore,
      ]);
      await claim(await voucher(bob, { score: COURSE.minScore }));
    });

    it("refuses a score above 10000 basis points", async () => {
      const { pok, alice, voucher, sign } = await loadFixture(mining);
      const completion = await voucher(alice, { score: 10_001 });
      await expectRevert(
        pok.write.claim([completion, await sign(completion)]),
        "ProofOfKnowledgeInvalidScore",
        [10_001],
      );
    });

    it("refuses a course that does not exist with ProofOfKnowledgeCourseInactive(id)", async () => {
      const { pok, alice, voucher, sign } = await loadFixture(mining);
      const completion = await voucher(alice, { courseId: 42n });
      await expectRevert(
        pok.write.claim([completion, await sign(completion)]),
        "ProofOfKnowledgeCourseInactive",
        [42n],
      );
    });

    it("lets a course's credential expire after its validity; validity 0 never expires", async () => {
      const { credential, alice, bob, voucher, claim } = await loadFixture(twoCourses);
      await claim(await voucher(alice));
      await claim(await voucher(bob, { courseId: 2n }));
      const expiring = credentialIdOf(alice.account.address, 1n);
      const forever = credentialIdOf(bob.account.address, 2n);
      expect(await credential.read.expiresAt([forever])).to.equal(0);
      await time.increaseTo(await credential.read.expiresAt([expiring]));
      expect(await credential.read.isValid([expiring])).to.equal(false);
      expect(await credential.read.isValid([forever])).to.equal(true);
    });

    it("stops at AZR's cap with the token's ERC20ExceededCap(supply, cap)", async () => {
      const { token, deployer, dave, alice, bob, voucher, claim } = await loadFixture(mining);
      const cap = await token.read.cap();
      await token.write.grantRole([Roles.MINTER, deployer.account.address]);
      await token.write.mint([dave.account.address, cap - AZR(150)]);
      await claim(await voucher(alice));
      // 50 AZR of room left: bob's 90 AZR share alone would pass the cap.
      await expectRevert(claim(await voucher(bob)), "ERC20ExceededCap", [cap + AZR(40), cap]);
      expect(await token.read.totalSupply()).to.equal(cap - AZR(50));
    });

    it("mints a reward that reaches the cap exactly", async () => {
      const { token, deployer, dave, alice, voucher, claim } = await loadFixture(mining);
      const cap = await token.read.cap();
      await token.write.grantRole([Roles.MINTER, deployer.account.address]);
      await token.write.mint([dave.account.address, cap - COURSE.reward]);
      await claim(await voucher(alice));
      expect(await token.read.totalSupply()).to.equal(cap);
    });
  });

  describe("ERC-1271 verifiers", () => {
    it("accepts a voucher signed by the key behind a smart-contract wallet", async () => {
      const { credential, wallet, carol, alice, voucher, claim } = await loadFixture(walletVerifier);
      await claim(await voucher(alice, { courseId: 2n }), carol);
      const id = credentialIdOf(alice.account.address, 2n);
      expect(await credential.read.issuerOf([id])).to.equal(getAddress(wallet.address));
      expect(await credential.read.isValid([id])).to.equal(true);
    });

    it("refuses a voucher signed by a key the wallet does not accept", async () => {
      const { pok, wallet, dave, alice, voucher, sign } = await loadFixture(walletVerifier);
      const completion = await voucher(alice, { courseId: 2n });
      await expectRevert(
        pok.write.claim([completion, await sign(completion, dave)]),
        "ProofOfKnowledgeInvalidSignature",
        [2n, getAddress(wallet.address)],
      );
    });

    it("follows the wallet's key rotation: vouchers signed by the old key stop working", async () => {
      const { pok, wallet, carol, dave, alice, voucher, sign, claim } = await loadFixture(walletVerifier);
      const completion = await voucher(alice, { courseId: 2n });
      const byOldKey = await sign(completion, carol);
      await wallet.write.setOwner([dave.account.address], { account: carol.account });
      await expectRevert(pok.write.claim([completion, byOldKey]), "ProofOfKnowledgeInvalidSignature", [
        2n,
        getAddress(wallet.address),
      ]);
      await claim(completion, dave);
    });

    it("lets the wallet disable itself through a call it makes", async () => {
      const { pok, wallet, carol, alice, voucher, sign } = await loadFixture(walletVerifier);
      const data = encodeFunctionData({
        abi: pok.abi,
        functionName: "disableVerifier",
        args: [wallet.address],
      });
      await viem.assertions.emitWithArgs(
        wallet.write.execute([pok.address, 0n, data], { account: carol.account }),
        pok,
        "VerifierDisabled",
        [getAddress(wallet.address), getAddress(wallet.address)],
      );
      const completion = await voucher(alice, { courseId: 2n });
      await expectRevert(
        pok.write.claim([completion, await sign(completion, carol)]),
        "ProofOfKnowledgeVerifierDisabled",
        [getAddress(wallet.address)],
      );
    });
  });

  describe("emission budget", () => {
    it("starts epoch 0 at deployment with the full budget", async () => {
      const { pok, manifest, publicClient } = await loadFixture(mining);
      const deployBlock = await publicClient.getBlock({
        blockNumber: BigInt(manifest.contracts.ProofOfKnowledge!.blockNumber),
      });
      const startedAt = Number(deployBlock.timestamp);
      expect(await pok.read.emissionSchedule()).to.deep.equal({
        startedAt,
        epochLength: DAY,
        halvingInterval: 2,
        firstEpoch: 0n,
        initialBudget: AZR(1_000),
      });
      expect(await pok.read.epochStatus()).to.deep.equal([
        0n,
        AZR(1_000),
        0n,
        BigInt(startedAt),
        BigInt(startedAt + DAY),
      ]);
    });

    it("refuses a claim above what is left with ProofOfKnowledgeEpochBudgetExceeded(epoch, remaining, needed, next epoch start)", async () => {
      const { pok, voucher, claim } = await loadFixture(twoCourses);
      await claim(await voucher(learnerAddress(1), { courseId: 2n }));
      await claim(await voucher(learnerAddress(2), { courseId: 2n }));
      const [epoch, budget, minted, , endsAt] = await pok.read.epochStatus();
      expect([epoch, budget, minted]).to.deep.equal([0n, AZR(1_000), AZR(800)]);
      await expectRevert(
        claim(await voucher(learnerAddress(3), { courseId: 2n })),
        "ProofOfKnowledgeEpochBudgetExceeded",
        [0n, AZR(200), AZR(400), endsAt],
      );
      // A smaller reward still fits what is left.
      await claim(await voucher(learnerAddress(3), { courseId: 1n }));
      // The next epoch brings a fresh budget.
      await time.increaseTo(endsAt);
      await viem.assertions.emitWithArgs(
        claim(await voucher(learnerAddress(3), { courseId: 2n })),
        pok,
        "Claimed",
        [
          getAddress(learnerAddress(3)),
          2n,
          credentialIdOf(learnerAddress(3), 2n),
          (verifier: Address) => verifier !== zeroAddress,
          AZR(400),
          AZR(360),
          AZR(40),
          1n,
        ],
      );
    });

    it("spends the budget to the last wei", async () => {
      const { pok, verifier, voucher, claim } = await loadFixture(mining);
      await pok.write.registerCourse([
        courseSettings({ reward: AZR(500), verifier: verifier.account.address }),
      ]);
      await claim(await voucher(learnerAddress(1), { courseId: 2n }));
      await claim(await voucher(learnerAddress(2), { courseId: 2n }));
      const [epoch, budget, minted, , endsAt] = await pok.read.epochStatus();
      expect(minted).to.equal(budget);
      await expectRevert(claim(await voucher(learnerAddress(3))), "ProofOfKnowledgeEpochBudgetExceeded", [
        epoch,
        0n,
        AZR(100),
        endsAt,
      ]);
    });

    it("halves the budget every halvingInterval epochs", async () => {
      const { pok } = await loadFixture(mining);
      const { startedAt } = await pok.read.emissionSchedule();
      const budgets: bigint[] = [];
      for (let epoch = 0; epoch < 8; epoch++) {
        if (epoch > 0) await time.increaseTo(startedAt + epoch * DAY);
        const [current, budget, minted, startsAt, endsAt] = await pok.read.epochStatus();
        expect([current, minted, startsAt, endsAt]).to.deep.equal([
          BigInt(epoch),
          0n,
          BigInt(startedAt + epoch * DAY),
          BigInt(startedAt + (epoch + 1) * DAY),
        ]);
        budgets.push(budget);
      }
      expect(budgets).to.deep.equal(
        [1000n, 1000n, 500n, 500n, 250n, 250n, 125n, 125n].map((azr) => AZR(azr)),
      );
    });

    it("applies the halved budget to claims", async () => {
      const { pok, voucher, claim } = await loadFixture(twoCourses);
      const { startedAt } = await pok.read.emissionSchedule();
      await time.increaseTo(startedAt + 2 * DAY);
      await claim(await voucher(learnerAddress(1), { courseId: 2n }));
      await expectRevert(
        claim(await voucher(learnerAddress(2), { courseId: 2n })),
        "ProofOfKnowledgeEpochBudgetExceeded",
        [2n, AZR(100), AZR(400), BigInt(startedAt + 3 * DAY)],
      );
      await time.increaseTo(startedAt + 4 * DAY);
      await expectRevert(
        claim(await voucher(learnerAddress(2), { courseId: 2n })),
        "ProofOfKnowledgeEpochBudgetExceeded",
        [4n, AZR(250), AZR(400), BigInt(startedAt + 5 * DAY)],
      );
    });

    it("lets governance start a new schedule: the next epoch starts at once with the new budget", async () => {
      const { pok, publicClient, alice, voucher, claim } = await loadFixture(mining);
      const hash = await pok.write.setEmissionSchedule([3_600, AZR(50), 1]);
      const { blockNumber } = await publicClient.getTransactionReceipt({ hash });
      const now = Number((await publicClient.getBlock({ blockNumber })).timestamp);
      await viem.assertions.emitWithArgs(hash, pok, "EmissionScheduleSet", [1n, now, 3_600, AZR(50), 1]);
      expect(await pok.read.epochStatus()).to.deep.equal([1n, AZR(50), 0n, BigInt(now), BigInt(now + 3_600)]);
      await expectRevert(claim(await voucher(alice)), "ProofOfKnowledgeEpochBudgetExceeded", [
        1n,
        AZR(50),
        AZR(100),
        BigInt(now + 3_600),
      ]);
      await time.increaseTo(now + 3_600);
      expect((await pok.read.epochStatus()).slice(0, 2)).to.deep.equal([2n, AZR(25)]);
    });

    it("pauses mining with a zero budget", async () => {
      const { pok, alice, voucher, claim } = await loadFixture(mining);
      await pok.write.setEmissionSchedule([DAY, 0n, 1]);
      const [, , , , endsAt] = await pok.read.epochStatus();
      await expectRevert(claim(await voucher(alice)), "ProofOfKnowledgeEpochBudgetExceeded", [
        1n,
        0n,
        AZR(100),
        endsAt,
      ]);
    });

    it("refuses an empty epoch or halving interval, and anyone but the admin", async () => {
      const { pok, alice } = await loadFixture(mining);
      await expectRevert(
        pok.write.setEmissionSchedule([0, AZR(1), 2]),
        "ProofOfKnowledgeInvalidSchedule",
        [0, 2],
      );
      await expectRevert(
        pok.write.setEmissionSchedule([3_600, AZR(1), 0]),
        "ProofOfKnowledgeInvalidSchedule",
        [3_600, 0],
      );
      await expectRevert(
        pok.write.setEmissionSchedule([3_600, AZR(1), 1], { account: alice.account }),
        "AccessControlUnauthorizedAccount",
        [getAddress(alice.account.address), ADMIN],
      );
    });
  });

  describe("verifier limits", () => {
    it("stops a verifier at its claim limit per epoch, across its courses, until the next epoch", async () => {
      const { pok, verifier, voucher, claim } = await loadFixture(twoCourses);
      for (let i = 0; i < COURSE.verifierLimit; i++)
        await claim(await voucher(learnerAddress(i), { courseId: i === 0 ? 2n : 1n }));
      expect(await pok.read.verifierStatus([verifier.account.address])).to.deep.equal([
        COURSE.verifierLimit,
        COURSE.verifierLimit,
        false,
      ]);
      await expectRevert(claim(await voucher(learnerAddress(99))), "ProofOfKnowledgeVerifierLimitReached", [
        getAddress(verifier.account.address),
        0n,
        COURSE.verifierLimit,
      ]);
      const [, , , , endsAt] = await pok.read.epochStatus();
      await time.increaseTo(endsAt);
      expect(await pok.read.verifierStatus([verifier.account.address])).to.deep.equal([
        COURSE.verifierLimit,
        0,
        false,
      ]);
      await claim(await voucher(learnerAddress(99)));
      expect(await pok.read.verifierStatus([verifier.account.address])).to.deep.equal([
        COURSE.verifierLimit,
        1,
        false,
      ]);
    });

    it("allows no claim to a verifier without a limit", async () => {
      const { pok, carol, alice, voucher, claim } = await loadFixture(mining);
      await pok.write.registerCourse([courseSettings({ verifier: carol.account.address })]);
      await expectRevert(
        claim(await voucher(alice, { courseId: 2n }), carol),
        "ProofOfKnowledgeVerifierLimitReached",
        [getAddress(carol.account.address), 0n, 0],
      );
    });

    it("applies a lowered limit at once, with VerifierLimitSet", async () => {
      const { pok, verifier, voucher, claim } = await loadFixture(mining);
      await claim(await voucher(learnerAddress(1)));
      await claim(await voucher(learnerAddress(2)));
      await viem.assertions.emitWithArgs(
        pok.write.setVerifierLimit([verifier.account.address, 2]),
        pok,
        "VerifierLimitSet",
        [getAddress(verifier.account.address), 2],
      );
      await expectRevert(claim(await voucher(learnerAddress(3))), "ProofOfKnowledgeVerifierLimitReached", [
        getAddress(verifier.account.address),
        0n,
        2,
      ]);
    });
  });

  describe("disabling a verifier", () => {
    it("takes one guardian transaction, after which its vouchers are refused", async () => {
      const { pok, deployer, verifier, alice, voucher, claim } = await loadFixture(mining);
      const completion = await voucher(alice);
      await viem.assertions.emitWithArgs(
        pok.write.disableVerifier([verifier.account.address]),
        pok,
        "VerifierDisabled",
        [getAddress(verifier.account.address), getAddress(deployer.account.address)],
      );
      expect((await pok.read.verifierStatus([verifier.account.address]))[2]).to.equal(true);
      expect(await pok.read.isVerifierDisabled([verifier.account.address])).to.equal(true);
      await expectRevert(claim(completion), "ProofOfKnowledgeVerifierDisabled", [
        getAddress(verifier.account.address),
      ]);
    });

    it("can be done by the verifier itself", async () => {
      const { pok, verifier } = await loadFixture(mining);
      await viem.assertions.emitWithArgs(
        pok.write.disableVerifier([verifier.account.address], { account: verifier.account }),
        pok,
        "VerifierDisabled",
        [getAddress(verifier.account.address), getAddress(verifier.account.address)],
      );
    });

    it("cannot be done twice: a disabled verifier's key gets ProofOfKnowledgeVerifierDisabled(verifier) even for that", async () => {
      const { pok, verifier } = await loadFixture(mining);
      expect(await pok.read.isVerifierDisabled([verifier.account.address])).to.equal(false);
      await pok.write.disableVerifier([verifier.account.address]);
      for (const account of [verifier.account, undefined]) {
        await expectRevert(
          pok.write.disableVerifier([verifier.account.address], { account }),
          "ProofOfKnowledgeVerifierDisabled",
          [getAddress(verifier.account.address)],
        );
      }
    });

    it("cannot be done by anyone else", async () => {
      const { pok, verifier, alice } = await loadFixture(mining);
      await expectRevert(
        pok.write.disableVerifier([verifier.account.address], { account: alice.account }),
        "ProofOfKnowledgeUnauthorizedDisable",
        [getAddress(alice.account.address), getAddress(verifier.account.address)],
      );
    });

    it("is undone only by governance, with VerifierEnabled", async () => {
      const { pok, verifier, alice, voucher, claim } = await loadFixture(mining);
      await expectRevert(
        pok.write.enableVerifier([verifier.account.address]),
        "ProofOfKnowledgeVerifierNotDisabled",
        [getAddress(verifier.account.address)],
      );
      await pok.write.disableVerifier([verifier.account.address]);
      await expectRevert(
        pok.write.enableVerifier([verifier.account.address], { account: verifier.account }),
        "AccessControlUnauthorizedAccount",
        [getAddress(verifier.account.address), ADMIN],
      );
      await viem.assertions.emitWithArgs(
        pok.write.enableVerifier([verifier.account.address]),
        pok,
        "VerifierEnabled",
        [getAddress(verifier.account.address)],
      );
      await claim(await voucher(alice));
    });

    it("leaves a disabled verifier's credentials to governance, which revokes them in one batch", async () => {
      const { pok, credential, publicClient, deployer, verifier, voucher, claim } = await loadFixture(mining);
      const learners = [1, 2, 3].map(learnerAddress);
      for (const learner of learners) await claim(await voucher(learner));
      const ids = learners.map((learner) => credentialIdOf(learner, 1n));
      await pok.write.disableVerifier([verifier.account.address]);
      // The deployer holds REVOKER_ROLE until the handover gives it to the Timelock.
      const hash = await credential.write.revokeBatch([verifier.account.address, ids, "verifier key stolen"]);
      const { logs } = await publicClient.getTransactionReceipt({ hash });
      const revoked = parseEventLogs({ abi: credential.abi, logs, eventName: "Revoked" });
      expect(revoked.map((log) => log.args)).to.deep.equal(
        ids.map((id) => ({
          id,
          revoker: getAddress(deployer.account.address),
          reason: "verifier key stolen",
        })),
      );
      for (const id of ids) expect(await credential.read.isValid([id])).to.equal(false);
    });

    it("refuses, in governance's batch, a credential another verifier issued", async () => {
      const { pok, credential, verifier, wallet, carol, alice, bob, voucher, claim } =
        await loadFixture(walletVerifier);
      await claim(await voucher(alice));
      await claim(await voucher(bob, { courseId: 2n }), carol);
      await pok.write.disableVerifier([verifier.account.address]);
      const foreign = credentialIdOf(bob.account.address, 2n);
      await expectRevert(
        credential.write.revokeBatch([
          verifier.account.address,
          [credentialIdOf(alice.account.address, 1n), foreign],
          "x",
        ]),
        "AzoraCredentialIssuerMismatch",
        [foreign, getAddress(verifier.account.address), getAddress(wallet.address)],
      );
    });
  });

  describe("gas", () => {
    it("keeps a first claim by a new learner (AZR to both, the credential) under 180,000 gas", async function () {
      // Coverage instruments the bytecode: its gas says nothing about the contracts'.
      if (globalOptions.coverage) this.skip();
      const { publicClient, alice, bob, voucher, claim } = await loadFixture(twoCourses);
      // The first claim ever also pays for the fund's first AZR balance: measure the next ones.
      await claim(await voucher(learnerAddress("warm-up")));
      const first = await publicClient.getTransactionReceipt({ hash: await claim(await voucher(alice)) });
      expect(Number(first.gasUsed)).to.be.at.most(180_000);
      // A learner who already holds AZR and a credential pays for no new balance slots.
      await claim(await voucher(bob, { courseId: 2n }));
      const again = await publicClient.getTransactionReceipt({ hash: await claim(await voucher(bob)) });
      expect(Number(again.gasUsed)).to.be.below(Number(first.gasUsed) - 30_000);
    });
  });

  describe("invariants over random sequences", () => {
    const ISSUER_REVOKE_ERRORS = new Set(["AzoraCredentialIssuerDisabled"]);
    const CLAIM_ERRORS = new Set([
      "ProofOfKnowledgeCourseInactive",
      "ProofOfKnowledgeVoucherExpired",
      "ProofOfKnowledgeScoreTooLow",
      "ProofOfKnowledgeInvalidSignature",
      "ProofOfKnowledgeVerifierDisabled",
      "ProofOfKnowledgeVerifierLimitReached",
      "ProofOfKnowledgeEpochBudgetExceeded",
      "AzoraCredentialAlreadyIssued",
    ]);
    const LIMIT = 4;

    it("shares add up to rewards, supply stays under the cap, one claim per learner and course, revoked or expired is never valid", async () => {
      const base = await loadFixture(walletVerifier);
      const {
        pok,
        token,
        credential,
        fund,
        publicClient,
        deployer,
        verifier,
        carol,
        alice,
        relayer,
        wallet,
      } = base;
      const wallets = await viem.getWalletClients();
      const learners = wallets.slice(7, 13);
      // Who signs (and revokes) for each verifier address: carol holds the wallet's key too.
      const signers = new Map<Address, typeof verifier>([
        [getAddress(verifier.account.address), verifier],
        [getAddress(carol.account.address), carol],
        [getAddress(wallet.address), carol],
      ]);
      const verifiers = [...signers.keys()];
      for (const address of verifiers) await pok.write.setVerifierLimit([address, LIMIT]);

      interface Issued {
        id: bigint;
        holder: (typeof learners)[number];
        issuer: Address;
        revoked: boolean;
        burned: boolean;
      }
      const issued: Issued[] = [];
      const claimedPairs = new Set<string>();
      const abis = [pok.abi, credential.abi, token.abi];
      const r = rng(seedFromEnv());
      const label = `SEED=${r.seed}`;

      const revokeAs = async (issuer: Address, ids: bigint[], reason: string) => {
        if (issuer === getAddress(wallet.address)) {
          const data = encodeFunctionData({
            abi: credential.abi,
            functionName: "revokeBatch",
            args: [issuer, ids, reason],
          });
          await wallet.write.execute([credential.address, 0n, data], { account: carol.account });
        } else {
          await credential.write.revokeBatch([issuer, ids, reason], {
            account: signers.get(issuer)!.account,
          });
        }
      };

      for (let step = 0; step < 200; step++) {
        const roll = r.int(100);
        await replayable(r, `step ${step} (roll ${roll})`, async () => {
          if (roll < 8) {
            // register a course
            const reward = AZR(1 + r.int(300)) + BigInt(r.int(10));
            const verifierAddress = r.pick(verifiers);
            const [, , disabled] = await pok.read.verifierStatus([verifierAddress]);
            if (!disabled) {
              await pok.write.registerCourse([
                {
                  title: "A course",
                  contentCid: `cid-${step}`,
                  reward,
                  verifier: verifierAddress,
                  minScore: r.pick([0, 3_000, 6_000]),
                  validity: r.pick([0, DAY, 3 * DAY]),
                },
              ]);
            }
          } else if (roll < 62) {
            // claim, sometimes with a stale, low, misdirected or replayed voucher
            const holder = r.pick(learners);
            const courseCount = await pok.read.courseCount();
            const courseId = BigInt(1 + r.int(Number(courseCount) + 1));
            const course = await pok.read.course([courseId]);
            const now = BigInt(await time.latest());
            const completion = {
              learner: holder.account.address,
              courseId,
              score: r.int(4) === 0 ? r.int(10_001) : 7_000 + r.int(3_001),
              deadline: r.int(10) === 0 ? now - 1n : now + 3_600n,
            };
            const signer =
              r.int(10) === 0
                ? alice
                : (signers.get(
                    getAddress(course.verifier === zeroAddress ? verifier.account.address : course.verifier),
                  ) ?? alice);
            const signature = await signCompletion(signer, pok.address, completion);
            const pair = `${getAddress(holder.account.address)}/${courseId}`;
            const before = await Promise.all([
              token.read.balanceOf([holder.account.address]),
              token.read.balanceOf([fund.address]),
            ]);
            let hash: `0x${string}` | undefined;
            try {
              hash = await pok.write.claim([completion, signature], { account: relayer.account });
            } catch (error) {
              const name = revertName(error, abis);
              expect(CLAIM_ERRORS.has(name), `${label}: unexpected ${name}`).to.equal(true);
            }
            if (hash) {
              expect(claimedPairs.has(pair), `${label}: ${pair} claimed twice`).to.equal(false);
              claimedPairs.add(pair);
              const { logs } = await publicClient.getTransactionReceipt({ hash });
              const [claimed] = parseEventLogs({ abi: pok.abi, logs, eventName: "Claimed" });
              const { reward, learnerShare, citadelShare, credentialId } = claimed!.args;
              expect(reward, label).to.equal(course.reward);
              expect(citadelShare, label).to.equal(reward / 10n);
              expect(learnerShare + citadelShare, label).to.equal(reward);
              const after = await Promise.all([
                token.read.balanceOf([holder.account.address]),
                token.read.balanceOf([fund.address]),
              ]);
              expect([after[0] - before[0], after[1] - before[1]], label).to.deep.equal([
                learnerShare,
                citadelShare,
              ]);
              issued.push({
                id: credentialId,
                holder,
                issuer: getAddress(course.verifier),
                revoked: false,
                burned: false,
              });
            }
          } else if (roll < 70) {
            // revoke, by the issuer or by governance
            const live = issued.filter((c) => !c.revoked && !c.burned);
            if (live.length > 0) {
              const target = r.pick(live);
              if (r.int(2) === 0) {
                await credential.write.revoke([target.id, "governance"], { account: deployer.account });
                target.revoked = true;
              } else {
                // A disabled issuer (a stolen key) is always refused; an enabled one never.
                const [, , disabled] = await pok.read.verifierStatus([target.issuer]);
                try {
                  await revokeAs(target.issuer, [target.id], "issuer");
                  target.revoked = true;
                } catch (error) {
                  if (!disabled) throw error;
                  const name = revertName(error, abis);
                  expect(ISSUER_REVOKE_ERRORS.has(name), `${label}: unexpected ${name}`).to.equal(true);
                }
                expect(target.revoked, `${label}: issuer disabled=${disabled}`).to.equal(!disabled);
              }
            }
          } else if (roll < 76) {
            // the holder burns
            const live = issued.filter((c) => !c.burned);
            if (live.length > 0) {
              const target = r.pick(live);
              await credential.write.burn([target.id], { account: target.holder.account });
              target.burned = true;
            }
          } else if (roll < 94) {
            // time passes: epochs change, credentials expire
            await time.increase(1 + (r.int(4) === 0 ? r.int(2 * DAY) : r.int(DAY / 4)));
          } else if (roll < 98) {
            // a verifier is disabled and governance revokes its credentials in a batch, or it is enabled again
            const target = r.pick(verifiers);
            const [, , disabled] = await pok.read.verifierStatus([target]);
            if (disabled) await pok.write.enableVerifier([target]);
            else {
              await pok.write.disableVerifier([target]);
              const victims = issued.filter(
                (c) => c.issuer === target && !c.revoked && !c.burned && r.int(2) === 0,
              );
              await credential.write.revokeBatch([target, victims.map((c) => c.id), "verifier disabled"], {
                account: deployer.account,
              });
              for (const victim of victims) victim.revoked = true;
            }
          } else {
            // governance changes the schedule
            await pok.write.setEmissionSchedule([
              DAY / 2 + r.int(DAY),
              AZR(200 + r.int(1_800)),
              1 + r.int(4),
            ]);
          }
          const [, budget, minted] = await pok.read.epochStatus();
          expect(minted <= budget, `${label}: minted ${minted} > budget ${budget}`).to.equal(true);
        });
      }

      // Sums over every claim, from events alone.
      const claims = await publicClient.getContractEvents({
        address: pok.address,
        abi: pok.abi,
        eventName: "Claimed",
        fromBlock: 0n,
      });
      const sum = (values: (bigint | undefined)[]) =>
        values.reduce<bigint>((total, value) => total + (value ?? 0n), 0n);
      const rewards = sum(claims.map((log) => log.args.reward));
      const learnerShares = sum(claims.map((log) => log.args.learnerShare));
      const citadelShares = sum(claims.map((log) => log.args.citadelShare));
      expect(learnerShares + citadelShares, label).to.equal(rewards);
      // Only mining minted: the supply is the rewards, the fund holds the 10% shares, the learners the rest.
      const supply = await token.read.totalSupply();
      expect(supply, label).to.equal(rewards);
      expect(supply <= (await token.read.cap()), label).to.equal(true);
      expect(await token.read.balanceOf([fund.address]), label).to.equal(citadelShares);
      const learnerBalances = await Promise.all(
        learners.map((l) => token.read.balanceOf([l.account.address])),
      );
      expect(sum(learnerBalances), label).to.equal(learnerShares);
      const inflows = await publicClient.getContractEvents({
        address: fund.address,
        abi: fund.abi,
        eventName: "InflowRecorded",
        args: { source: CitadelSource.Mining },
        fromBlock: 0n,
      });
      expect(sum(inflows.map((log) => log.args.amount)), label).to.equal(citadelShares);

      // Never two claims for one learner and course; no verifier above its limit in any epoch.
      const pairs = claims.map((log) => `${log.args.learner}/${log.args.courseId}`);
      expect(new Set(pairs).size, label).to.equal(pairs.length);
      const perVerifierEpoch = new Map<string, number>();
      for (const log of claims) {
        const key = `${log.args.verifier}/${log.args.epoch}`;
        perVerifierEpoch.set(key, (perVerifierEpoch.get(key) ?? 0) + 1);
      }
      for (const [key, count] of perVerifierEpoch)
        expect(count <= LIMIT, `${label}: ${key} has ${count} claims`).to.equal(true);

      // A revoked, burned or expired credential is never valid; every other one is.
      const now = await time.latest();
      for (const c of issued) {
        const expiresAt = c.burned ? 0 : await credential.read.expiresAt([c.id]);
        const expired = expiresAt !== 0 && now >= expiresAt;
        const valid = await credential.read.isValid([c.id]);
        expect(
          valid,
          `${label}: credential ${c.id} revoked=${c.revoked} burned=${c.burned} expired=${expired}`,
        ).to.equal(!c.revoked && !c.burned && !expired);
      }
      expect(claims.length, `${label}: the sequence made no claim`).to.be.above(0);
    });
  });
});
