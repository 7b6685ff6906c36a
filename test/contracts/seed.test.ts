import { expect } from "chai";
import { getAddress } from "viem";
import { signCompletion } from "../../protocol/eip712";
import { localAccount, localRelayer, localVerifier } from "../../protocol/chain";
import {
  DEMO_COMPLETIONS,
  DEMO_COURSE_TERMS,
  DEMO_MIN_SCORE,
  LOCAL_VERIFIER_LIMIT,
  seedAzora,
  seedLearning,
} from "../../scripts/seed/learning";
import { AZR, deployed, networkHelpers, viem } from "../support/fixture";
import { courseCids, withDemoAzr } from "../support/seed";
import { expectRevert } from "./helpers/revert";

const { loadFixture } = networkHelpers;

/** The default deployment with the AZR part of the demo seed, as `npm run dev` makes it. */
async function seededAzr() {
  return { ...(await withDemoAzr(deployed)), courses: await courseCids() };
}

describe("demo seed: learning", () => {
  it("registers the courses with their titles, CIDs, per-course rewards, 70% to pass, verified by local account #8", async () => {
    const { manifest, publicClient, deployer, pok, courses } = await loadFixture(seededAzr);
    expect(courses[0]!.contentCid).to.match(/^bafkrei[a-z2-7]{52}$/);
    const result = await seedLearning(manifest, { publicClient, deployer }, courses);
    expect(result.courses.map((c) => c.courseId)).to.deep.equal([1n, 2n, 3n]);
    expect(await pok.read.courseCount()).to.equal(3n);
    for (const [i, { slug, title, contentCid }] of courses.entries()) {
      const terms = DEMO_COURSE_TERMS[slug]!;
      const course = await pok.read.course([BigInt(i + 1)]);
      expect(course).to.deep.equal({
        verifier: localVerifier().address,
        reward: AZR(terms.rewardAzr),
        minScore: DEMO_MIN_SCORE,
        validity: terms.validity,
        active: true,
        contentCid,
        title,
      });
    }
    expect(courses.map(({ slug }) => DEMO_COURSE_TERMS[slug]!.rewardAzr)).to.deep.equal([100, 150, 250]);
    const [limit, used, disabled] = await pok.read.verifierStatus([localVerifier().address]);
    expect([limit, used, disabled]).to.deep.equal([LOCAL_VERIFIER_LIMIT, DEMO_COMPLETIONS.length, false]);
  });

  it("pays each demo learner exactly 90% and the CitadelFund exactly 10%, through the relayer", async () => {
    const { manifest, publicClient, deployer, token, fund, courses } = await loadFixture(seededAzr);
    const learners = DEMO_COMPLETIONS.map(({ index }) => localAccount(index).address);
    const azrBefore = await Promise.all(learners.map((a) => token.read.balanceOf([a])));
    const ethBefore = await Promise.all(learners.map((address) => publicClient.getBalance({ address })));
    const fundBefore = await token.read.balanceOf([fund.address]);

    const { claims } = await seedLearning(manifest, { publicClient, deployer }, courses);

    expect(claims.map(({ name, slug }) => `${name}:${slug}`)).to.deep.equal([
      "Lindiwe:wallets-and-safety",
      "Kofi:budgeting-irregular-income",
      "Tendai:typescript-first-steps",
    ]);
    let fundShares = 0n;
    for (const [i, claim] of claims.entries()) {
      const reward = AZR(DEMO_COURSE_TERMS[claim.slug]!.rewardAzr);
      expect(claim.reward).to.equal(reward);
      expect(claim.learnerShare).to.equal((reward * 9n) / 10n);
      expect(claim.citadelShare).to.equal(reward / 10n);
      expect((await token.read.balanceOf([learners[i]!])) - azrBefore[i]!).to.equal((reward * 9n) / 10n);
      // Submitted by the relayer: the learner paid no gas.
      const tx = await publicClient.getTransaction({ hash: claim.hash });
      expect(getAddress(tx.from)).to.equal(localRelayer().address);
      expect(await publicClient.getBalance({ address: learners[i]! })).to.equal(ethBefore[i]);
      fundShares += reward / 10n;
    }
    expect(fundShares).to.equal(AZR(50));
    expect((await token.read.balanceOf([fund.address])) - fundBefore).to.equal(fundShares);
  });

  it("gives each a locked, valid credential that cannot be claimed again", async () => {
    const { manifest, publicClient, deployer, pok, credential, courses } = await loadFixture(seededAzr);
    const { claims } = await seedLearning(manifest, { publicClient, deployer }, courses);
    for (const claim of claims) {
      expect(await credential.read.credentialOf([claim.learner, claim.courseId])).to.equal(
        claim.credentialId,
      );
      expect(await credential.read.isValid([claim.credentialId])).to.equal(true);
      expect(await credential.read.locked([claim.credentialId])).to.equal(true);
      expect(await credential.read.issuerOf([claim.credentialId])).to.equal(localVerifier().address);
      expect(await credential.read.scoreOf([claim.credentialId])).to.equal(claim.score);
    }
    const [first] = claims;
    const { timestamp } = await publicClient.getBlock();
    const completion = {
      learner: first!.learner,
      courseId: first!.courseId,
      score: first!.score,
      deadline: timestamp + 3_600n,
    };
    const [, , , , , , , , verifier] = await viem.getWalletClients();
    expect(getAddress(verifier!.account.address)).to.equal(localVerifier().address);
    await expectRevert(
      pok.write.claim([completion, await signCompletion(verifier!, pok.address, completion)]),
      "AzoraCredentialAlreadyIssued",
      [first!.learner, first!.courseId],
    );
  });

  it("is run by seedAzora when it is given courses, and makes only the claims of the courses it got", async () => {
    const { manifest, publicClient, deployer, pok, courses } = await loadFixture(deployed).then(
      async (b) => ({
        ...b,
        courses: await courseCids(),
      }),
    );
    const only = courses.filter((c) => c.slug === "budgeting-irregular-income");
    const result = await seedAzora(manifest, { publicClient, deployer }, only);
    expect(result?.courses.map((c) => c.slug)).to.deep.equal(["budgeting-irregular-income"]);
    expect(result?.claims.map((c) => c.name)).to.deep.equal(["Kofi"]);
    expect(await pok.read.courseCount()).to.equal(1n);
  });
});
