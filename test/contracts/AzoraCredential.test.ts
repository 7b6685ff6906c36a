import { expect } from "chai";
import { getAddress, parseEventLogs, zeroAddress } from "viem";
import { Roles } from "../../protocol/roles";
import { learnerAddress } from "../support/accounts";
import { LOCAL_DEPLOY_CONFIG } from "../../scripts/deploy/contracts";
import { COURSE, credentialIdOf, localDeployment, mining, networkHelpers, viem } from "../support/fixture";
import { decodeImage, decodeTokenUri } from "../support/metadata";
import { shouldBehaveLikeSoulbound } from "./behaviours/soulbound";
import { expectRevert } from "./helpers/revert";

const { loadFixture, time } = networkHelpers;

/** Course 1 claimed by alice with a score of 92.50%, submitted by the relayer. */
async function claimed() {
  const base = await mining();
  const completion = await base.voucher(base.alice, { score: 9_250 });
  const mintHash = await base.claim(completion);
  const receipt = await base.publicClient.getTransactionReceipt({ hash: mintHash });
  const block = await base.publicClient.getBlock({ blockNumber: receipt.blockNumber });
  const id = credentialIdOf(base.alice.account.address, 1n);
  return { ...base, id, mintHash, issuedAt: Number(block.timestamp) };
}

/** `claimed`, with the deployer also holding the credential's MINTER_ROLE to mint directly. */
async function minter() {
  const base = await claimed();
  await base.credential.write.grantRole([Roles.MINTER, base.deployer.account.address]);
  return base;
}

describe("AzoraCredential", () => {
  shouldBehaveLikeSoulbound(async () => {
    const { credential, alice, bob, id, mintHash } = await loadFixture(claimed);
    return { credential, holder: alice, other: bob, id, mintHash };
  });

  describe("deployment", () => {
    it('is "Azora Credential" / "AZC"', async () => {
      const { credential } = await loadFixture(mining);
      expect(await credential.read.name()).to.equal("Azora Credential");
      expect(await credential.read.symbol()).to.equal("AZC");
    });

    it("lets only ProofOfKnowledge mint, and gives the deployer (then governance) the admin and revoker roles", async () => {
      const { credential, pok, deployer } = await loadFixture(mining);
      expect(await credential.read.MINTER_ROLE()).to.equal(Roles.MINTER);
      expect(await credential.read.REVOKER_ROLE()).to.equal(Roles.REVOKER);
      expect(await credential.read.hasRole([Roles.MINTER, pok.address])).to.equal(true);
      expect(await credential.read.hasRole([Roles.MINTER, deployer.account.address])).to.equal(false);
      expect(await credential.read.hasRole([Roles.REVOKER, pok.address])).to.equal(false);
      expect(await credential.read.hasRole([Roles.REVOKER, deployer.account.address])).to.equal(true);
      expect(
        await credential.read.hasRole([await credential.read.DEFAULT_ADMIN_ROLE(), deployer.account.address]),
      ).to.equal(true);
    });

    it("links credentials to the app the deploy config names: none in production's defaults, the local app locally", async () => {
      const { credential } = await loadFixture(mining);
      expect(await credential.read.baseUrl()).to.equal("");
      const local = await loadFixture(localDeployment);
      expect(await local.credential.read.baseUrl()).to.equal(LOCAL_DEPLOY_CONFIG.publicAppUrl);
      expect(LOCAL_DEPLOY_CONFIG.publicAppUrl).to.equal("http://127.0.0.1:3000");
    });

    it("asks ProofOfKnowledge, fixed at deploy, whether an issuer is disabled", async () => {
      const { credential, pok } = await loadFixture(mining);
      expect(await credential.read.verifierRegistry()).to.equal(getAddress(pok.address));
    });
  });

  describe("issuing", () => {
    it("emits Transfer, Locked and Issued with the learner, course, issuer, expiry and score", async () => {
      const { credential, publicClient, alice, verifier, id, mintHash, issuedAt } =
        await loadFixture(claimed);
      const { logs } = await publicClient.getTransactionReceipt({ hash: mintHash });
      const events = parseEventLogs({ abi: credential.abi, logs });
      expect(events.map((event) => event.eventName)).to.deep.equal(["Transfer", "Locked", "Issued"]);
      const [transfer, , issued] = events;
      expect(transfer?.args).to.deep.equal({
        from: zeroAddress,
        to: getAddress(alice.account.address),
        tokenId: id,
      });
      expect(issued?.args).to.deep.equal({
        id,
        learner: getAddress(alice.account.address),
        courseId: 1n,
        issuer: getAddress(verifier.account.address),
        expiresAt: issuedAt + COURSE.validity,
        score: 9_250,
      });
    });

    it("stores course, issuer, dates and score, answered by one view each", async () => {
      const { credential, alice, verifier, id, issuedAt } = await loadFixture(claimed);
      expect(await credential.read.ownerOf([id])).to.equal(getAddress(alice.account.address));
      expect(await credential.read.balanceOf([alice.account.address])).to.equal(1n);
      expect(await credential.read.courseOf([id])).to.equal(1n);
      expect(await credential.read.issuerOf([id])).to.equal(getAddress(verifier.account.address));
      expect(await credential.read.issuedAt([id])).to.equal(issuedAt);
      expect(await credential.read.expiresAt([id])).to.equal(issuedAt + COURSE.validity);
      expect(await credential.read.scoreOf([id])).to.equal(9_250);
      expect(await credential.read.isRevoked([id])).to.equal(false);
      expect(await credential.read.isValid([id])).to.equal(true);
    });

    it("finds a learner's credential by course with credentialOf, and 0 when there is none", async () => {
      const { credential, alice, bob, id } = await loadFixture(claimed);
      expect(await credential.read.credentialOf([alice.account.address, 1n])).to.equal(id);
      expect(await credential.read.credentialOf([alice.account.address, 2n])).to.equal(0n);
      expect(await credential.read.credentialOf([bob.account.address, 1n])).to.equal(0n);
      expect(await credential.read.credentialOf([alice.account.address, 1n << 96n])).to.equal(0n);
    });

    it("numbers a credential by its learner (high 160 bits) and course (low 96 bits)", async () => {
      const { alice, id } = await loadFixture(claimed);
      expect(id >> 96n).to.equal(BigInt(alice.account.address));
      expect(id & ((1n << 96n) - 1n)).to.equal(1n);
    });

    it("refuses a mint from an account without MINTER_ROLE", async () => {
      const { credential, alice, verifier } = await loadFixture(claimed);
      await expectRevert(
        credential.write.mint([alice.account.address, 9n, verifier.account.address, 9_000, 0], {
          account: alice.account,
        }),
        "AccessControlUnauthorizedAccount",
        [getAddress(alice.account.address), Roles.MINTER],
      );
    });

    it("refuses a second credential for the same learner and course with AzoraCredentialAlreadyIssued", async () => {
      const { credential, alice, verifier } = await loadFixture(minter);
      await expectRevert(
        credential.write.mint([alice.account.address, 1n, verifier.account.address, 10_000, 0]),
        "AzoraCredentialAlreadyIssued",
        [getAddress(alice.account.address), 1n],
      );
    });

    it("refuses the zero learner with ERC721InvalidReceiver and the zero issuer with AzoraCredentialInvalidIssuer", async () => {
      const { credential, bob, verifier } = await loadFixture(minter);
      await expectRevert(
        credential.write.mint([zeroAddress, 1n, verifier.account.address, 9_000, 0]),
        "ERC721InvalidReceiver",
        [zeroAddress],
      );
      await expectRevert(
        credential.write.mint([bob.account.address, 1n, zeroAddress, 9_000, 0]),
        "AzoraCredentialInvalidIssuer",
        [zeroAddress],
      );
    });

    it("counts one balance per credential held", async () => {
      const { credential, alice, verifier } = await loadFixture(minter);
      await credential.write.mint([alice.account.address, 2n, verifier.account.address, 8_000, 0]);
      await credential.write.mint([alice.account.address, 3n, verifier.account.address, 8_000, 0]);
      expect(await credential.read.balanceOf([alice.account.address])).to.equal(3n);
    });
  });

  describe("ids that do not exist", () => {
    it("make every per-token view revert with ERC721NonexistentToken(id)", async () => {
      const { credential, bob } = await loadFixture(claimed);
      const id = credentialIdOf(bob.account.address, 1n);
      const views = [
        credential.read.ownerOf([id]),
        credential.read.courseOf([id]),
        credential.read.issuerOf([id]),
        credential.read.issuedAt([id]),
        credential.read.expiresAt([id]),
        credential.read.scoreOf([id]),
        credential.read.isRevoked([id]),
        credential.read.getApproved([id]),
        credential.read.tokenURI([id]),
      ];
      for (const view of views) {
        await expectRevert(view, "ERC721NonexistentToken", [id]);
      }
    });

    it("are simply not valid", async () => {
      const { credential, bob } = await loadFixture(claimed);
      expect(await credential.read.isValid([credentialIdOf(bob.account.address, 1n)])).to.equal(false);
      expect(await credential.read.isValid([0n])).to.equal(false);
    });

    it("balanceOf(0) reverts with ERC721InvalidOwner(0)", async () => {
      const { credential } = await loadFixture(claimed);
      await expectRevert(credential.read.balanceOf([zeroAddress]), "ERC721InvalidOwner", [zeroAddress]);
    });
  });

  describe("expiry", () => {
    it("is valid until the second before expiresAt and not from expiresAt on", async () => {
      const { credential, id } = await loadFixture(claimed);
      const expiresAt = await credential.read.expiresAt([id]);
      await time.increaseTo(expiresAt - 1);
      expect(await credential.read.isValid([id])).to.equal(true);
      await time.increaseTo(expiresAt);
      expect(await credential.read.isValid([id])).to.equal(false);
      expect(decodeTokenUri(await credential.read.tokenURI([id])).status).to.equal("Expired");
      // An expired credential still exists and stays the learner's.
      expect(await credential.read.locked([id])).to.equal(true);
    });

    it("never comes for a credential minted without an expiry", async () => {
      const { credential, bob, verifier } = await loadFixture(minter);
      await credential.write.mint([bob.account.address, 7n, verifier.account.address, 9_000, 0]);
      const id = credentialIdOf(bob.account.address, 7n);
      await time.increase(100 * 365 * 24 * 60 * 60);
      expect(await credential.read.isValid([id])).to.equal(true);
      expect(await credential.read.expiresAt([id])).to.equal(0);
    });
  });

  describe("revoke", () => {
    it("lets the issuing verifier revoke with a reason: Revoked and MetadataUpdate, then never valid", async () => {
      const { credential, verifier, alice, id } = await loadFixture(claimed);
      const tx = credential.write.revoke([id, "answers leaked"], { account: verifier.account });
      await viem.assertions.emitWithArgs(tx, credential, "Revoked", [
        id,
        getAddress(verifier.account.address),
        "answers leaked",
      ]);
      await viem.assertions.emitWithArgs(tx, credential, "MetadataUpdate", [id]);
      expect(await credential.read.isValid([id])).to.equal(false);
      expect(await credential.read.isRevoked([id])).to.equal(true);
      // The token stays visible, marked revoked.
      expect(await credential.read.ownerOf([id])).to.equal(getAddress(alice.account.address));
      expect(decodeTokenUri(await credential.read.tokenURI([id])).status).to.equal("Revoked");
      await time.increase(10);
      expect(await credential.read.isValid([id])).to.equal(false);
    });

    it("lets governance (REVOKER_ROLE) revoke any credential", async () => {
      const { credential, deployer, id } = await loadFixture(claimed);
      await viem.assertions.emitWithArgs(credential.write.revoke([id, "fraud"]), credential, "Revoked", [
        id,
        getAddress(deployer.account.address),
        "fraud",
      ]);
      expect(await credential.read.isValid([id])).to.equal(false);
    });

    it("refuses anyone else, the holder included, with AzoraCredentialUnauthorizedRevoker(account, issuer)", async () => {
      const { credential, alice, verifier, id } = await loadFixture(claimed);
      await expectRevert(
        credential.write.revoke([id, "mine"], { account: alice.account }),
        "AzoraCredentialUnauthorizedRevoker",
        [getAddress(alice.account.address), getAddress(verifier.account.address)],
      );
    });

    it("refuses the issuer once ProofOfKnowledge disabled it (a stolen key), with AzoraCredentialIssuerDisabled(issuer)", async () => {
      const { credential, pok, verifier, id } = await loadFixture(claimed);
      await pok.write.disableVerifier([verifier.account.address]);
      await expectRevert(
        credential.write.revoke([id, "stolen key griefing"], { account: verifier.account }),
        "AzoraCredentialIssuerDisabled",
        [getAddress(verifier.account.address)],
      );
      expect(await credential.read.isValid([id])).to.equal(true);
      // Governance still revokes; and once governance enables the verifier again, so does it.
      await pok.write.enableVerifier([verifier.account.address]);
      await credential.write.revoke([id, "answers leaked"], { account: verifier.account });
      expect(await credential.read.isRevoked([id])).to.equal(true);
    });

    it("still lets governance revoke a disabled issuer's credential", async () => {
      const { credential, pok, verifier, deployer, id } = await loadFixture(claimed);
      await pok.write.disableVerifier([verifier.account.address], { account: verifier.account });
      await viem.assertions.emitWithArgs(credential.write.revoke([id, "fraud"]), credential, "Revoked", [
        id,
        getAddress(deployer.account.address),
        "fraud",
      ]);
    });

    it("refuses to revoke twice with AzoraCredentialAlreadyRevoked(id)", async () => {
      const { credential, id } = await loadFixture(claimed);
      await credential.write.revoke([id, "first"]);
      await expectRevert(credential.write.revoke([id, "second"]), "AzoraCredentialAlreadyRevoked", [id]);
    });

    it("refuses to revoke a credential that does not exist", async () => {
      const { credential, bob } = await loadFixture(claimed);
      const id = credentialIdOf(bob.account.address, 1n);
      await expectRevert(credential.write.revoke([id, "none"]), "ERC721NonexistentToken", [id]);
    });
  });

  describe("revokeBatch", () => {
    async function threeIssued() {
      const base = await minter();
      const { credential, verifier, carol } = base;
      for (const course of [2n, 3n]) {
        await credential.write.mint([base.bob.account.address, course, verifier.account.address, 9_000, 0]);
      }
      // one credential from another issuer
      await credential.write.mint([base.bob.account.address, 4n, carol.account.address, 9_000, 0]);
      const ids = [
        base.id,
        credentialIdOf(base.bob.account.address, 2n),
        credentialIdOf(base.bob.account.address, 3n),
      ];
      return { ...base, ids, othersId: credentialIdOf(base.bob.account.address, 4n) };
    }

    it("lets the issuer revoke many of its credentials in one transaction", async () => {
      const { credential, publicClient, verifier, ids } = await loadFixture(threeIssued);
      const hash = await credential.write.revokeBatch([verifier.account.address, ids, "key rotated"], {
        account: verifier.account,
      });
      const { logs } = await publicClient.getTransactionReceipt({ hash });
      const revoked = parseEventLogs({ abi: credential.abi, logs, eventName: "Revoked" });
      expect(revoked.map((log) => log.args)).to.deep.equal(
        ids.map((id) => ({ id, revoker: getAddress(verifier.account.address), reason: "key rotated" })),
      );
      const updates = parseEventLogs({ abi: credential.abi, logs, eventName: "MetadataUpdate" });
      expect(updates.map((log) => log.args._tokenId)).to.deep.equal(ids);
      for (const id of ids) expect(await credential.read.isValid([id])).to.equal(false);
    });

    it("refuses, atomically, an id from another issuer with AzoraCredentialIssuerMismatch(id, expected, issuer)", async () => {
      const { credential, verifier, carol, ids, othersId } = await loadFixture(threeIssued);
      await expectRevert(
        credential.write.revokeBatch([verifier.account.address, [...ids, othersId], "oops"]),
        "AzoraCredentialIssuerMismatch",
        [othersId, getAddress(verifier.account.address), getAddress(carol.account.address)],
      );
      expect(await credential.read.isValid([ids[0]!])).to.equal(true);
    });

    it("refuses a batch of another issuer's credentials from a non-revoker", async () => {
      const { credential, verifier, carol, othersId } = await loadFixture(threeIssued);
      await expectRevert(
        credential.write.revokeBatch([carol.account.address, [othersId], "not mine"], {
          account: verifier.account,
        }),
        "AzoraCredentialUnauthorizedRevoker",
        [getAddress(verifier.account.address), getAddress(carol.account.address)],
      );
    });

    it("refuses a disabled issuer's batch with AzoraCredentialIssuerDisabled(issuer), atomically", async () => {
      const { credential, pok, verifier, ids } = await loadFixture(threeIssued);
      await pok.write.disableVerifier([verifier.account.address]);
      await expectRevert(
        credential.write.revokeBatch([verifier.account.address, ids, "stolen key griefing"], {
          account: verifier.account,
        }),
        "AzoraCredentialIssuerDisabled",
        [getAddress(verifier.account.address)],
      );
      for (const id of ids) expect(await credential.read.isValid([id])).to.equal(true);
    });

    it("refuses an id that does not exist with ERC721NonexistentToken(id)", async () => {
      const { credential, verifier, ids } = await loadFixture(threeIssued);
      const missing = credentialIdOf(learnerAddress("nobody"), 1n);
      await expectRevert(
        credential.write.revokeBatch([verifier.account.address, [...ids, missing], "none"]),
        "ERC721NonexistentToken",
        [missing],
      );
    });
  });

  describe("burn", () => {
    it("lets the holder burn: Transfer to zero, balance down, gone from every view", async () => {
      const { credential, alice, id } = await loadFixture(claimed);
      await viem.assertions.emitWithArgs(
        credential.write.burn([id], { account: alice.account }),
        credential,
        "Transfer",
        [getAddress(alice.account.address), zeroAddress, id],
      );
      expect(await credential.read.balanceOf([alice.account.address])).to.equal(0n);
      expect(await credential.read.isValid([id])).to.equal(false);
      expect(await credential.read.credentialOf([alice.account.address, 1n])).to.equal(0n);
      await expectRevert(credential.read.ownerOf([id]), "ERC721NonexistentToken", [id]);
    });

    it("refuses a burn by anyone but the holder with AzoraCredentialNotHolder(id, account)", async () => {
      const { credential, verifier, deployer, id } = await loadFixture(claimed);
      for (const account of [verifier, deployer]) {
        await expectRevert(
          credential.write.burn([id], { account: account.account }),
          "AzoraCredentialNotHolder",
          [id, getAddress(account.account.address)],
        );
      }
    });

    it("refuses to burn a credential twice with ERC721NonexistentToken(id)", async () => {
      const { credential, alice, id } = await loadFixture(claimed);
      await credential.write.burn([id], { account: alice.account });
      await expectRevert(credential.write.burn([id], { account: alice.account }), "ERC721NonexistentToken", [
        id,
      ]);
    });

    it("lets the holder burn a revoked credential", async () => {
      const { credential, alice, id } = await loadFixture(claimed);
      await credential.write.revoke([id, "fraud"]);
      await credential.write.burn([id], { account: alice.account });
      expect(await credential.read.balanceOf([alice.account.address])).to.equal(0n);
    });

    it("never lets the same learner be issued the course again, not even by a new claim", async () => {
      const { credential, alice, id, voucher, claim } = await loadFixture(claimed);
      await credential.write.burn([id], { account: alice.account });
      await expectRevert(claim(await voucher(alice)), "AzoraCredentialAlreadyIssued", [
        getAddress(alice.account.address),
        1n,
      ]);
    });
  });

  describe("tokenURI", () => {
    it("is on-chain JSON with name, description, image, course, score, dates, issuer, status, chain and contract", async () => {
      const { credential, alice, verifier, id, issuedAt } = await loadFixture(claimed);
      const metadata = decodeTokenUri(await credential.read.tokenURI([id]));
      expect(metadata.name).to.equal(`Azora Credential: ${COURSE.title}`);
      expect(metadata.description).to.contain(`passed the course ${COURSE.title} `).and.contain("92.50%");
      expect(metadata).to.not.have.property("external_url");
      expect(metadata).to.include({
        learner: getAddress(alice.account.address),
        course_id: 1,
        score_bps: 9_250,
        issued_at: issuedAt,
        expires_at: issuedAt + COURSE.validity,
        issuer: getAddress(verifier.account.address),
        status: "Valid",
        chain_id: 31337,
        contract: getAddress(credential.address),
      });
      expect(metadata.attributes).to.deep.equal([
        { trait_type: "Course", value: COURSE.title },
        { trait_type: "Score", value: "92.50%" },
        { trait_type: "Issued", display_type: "date", value: issuedAt },
        { trait_type: "Expires", display_type: "date", value: issuedAt + COURSE.validity },
        { trait_type: "Issuer", value: getAddress(verifier.account.address) },
        { trait_type: "Status", value: "Valid" },
      ]);
      const svg = decodeImage(metadata.image);
      expect(svg).to.match(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg).to.contain(`>${COURSE.title}</text>`).and.contain("Score 92.50%").and.contain("Valid");
    });

    it("names the course by its current title, and by its id where the registry has none", async () => {
      const { credential, pok, bob, verifier, id } = await loadFixture(minter);
      const longest = "Budgeting and Saving on an Irregular Income: a course, 64 bytes.";
      await pok.write.updateCourse([
        1n,
        {
          title: longest,
          contentCid: COURSE.contentCid,
          reward: COURSE.reward,
          verifier: verifier.account.address,
          minScore: COURSE.minScore,
          validity: COURSE.validity,
        },
      ]);
      const renamed = decodeTokenUri(await credential.read.tokenURI([id]));
      expect(renamed.name).to.equal(`Azora Credential: ${longest}`);
      expect(renamed.attributes[0]).to.deep.equal({ trait_type: "Course", value: longest });
      // The longest title still fits the badge's line: a smaller font.
      expect(decodeImage(renamed.image)).to.contain(`font-size="8" fill="#ffffff">${longest}</text>`);

      await credential.write.mint([bob.account.address, 42n, verifier.account.address, 8_000, 0]);
      const unknown = decodeTokenUri(
        await credential.read.tokenURI([credentialIdOf(bob.account.address, 42n)]),
      );
      expect(unknown.name).to.equal("Azora Credential: Course #42");
      expect(unknown.attributes[0]).to.deep.equal({ trait_type: "Course", value: "Course #42" });
      expect(decodeImage(unknown.image)).to.contain(">Course #42</text>");
    });

    it("links the credential's public page (external_url) under the base URL governance sets", async () => {
      const { credential, publicClient, alice, id } = await loadFixture(claimed);
      const hash = await credential.write.setBaseUrl(["https://azora.example"]);
      const { logs } = await publicClient.getTransactionReceipt({ hash });
      const events = parseEventLogs({ abi: credential.abi, logs });
      expect(events.map(({ eventName, args }) => ({ eventName, args }))).to.deep.equal([
        { eventName: "BaseUrlSet", args: { baseUrl: "https://azora.example" } },
        { eventName: "BatchMetadataUpdate", args: { _fromTokenId: 0n, _toTokenId: 2n ** 256n - 1n } },
      ]);
      expect(await credential.read.baseUrl()).to.equal("https://azora.example");
      // The id in decimal, as the app's /credentials/[id] route takes it.
      expect(decodeTokenUri(await credential.read.tokenURI([id])).external_url).to.equal(
        `https://azora.example/credentials/${id.toString()}`,
      );
      expect(id.toString()).to.match(/^[0-9]{1,78}$/);

      await credential.write.setBaseUrl(["http://127.0.0.1:3000/azora"]);
      expect(decodeTokenUri(await credential.read.tokenURI([id])).external_url).to.equal(
        `http://127.0.0.1:3000/azora/credentials/${id.toString()}`,
      );
      await viem.assertions.emitWithArgs(credential.write.setBaseUrl([""]), credential, "BaseUrlSet", [""]);
      expect(decodeTokenUri(await credential.read.tokenURI([id]))).to.not.have.property("external_url");

      await expectRevert(
        credential.write.setBaseUrl(["https://evil.example"], { account: alice.account }),
        "AccessControlUnauthorizedAccount",
        [getAddress(alice.account.address), Roles.DEFAULT_ADMIN],
      );
    });

    it("refuses a base URL the metadata cannot hold as it is with AzoraCredentialInvalidBaseUrl(url)", async () => {
      const { credential } = await loadFixture(claimed);
      expect(await credential.read.MAX_BASE_URL_LENGTH()).to.equal(128n);
      await credential.write.setBaseUrl([`https://${"a".repeat(120)}`]);
      const refused = [
        "azora.example",
        "ftp://azora.example",
        "https://",
        "http://",
        `https://${"a".repeat(121)}`,
        "https://azora.example/",
        'https://azora.example/"onload',
        "https://azora.example/a\\b",
        "https://azora.example/<script>",
        "https://azora.example/a>b",
        "https://azora.example/?a=1",
        "https://azora.example/a&b",
        "https://azora.example#top",
        "https://azora example",
        "https://azora.example/\n",
        "https://azora.example/é",
      ];
      for (const url of refused) {
        await expectRevert(credential.write.setBaseUrl([url]), "AzoraCredentialInvalidBaseUrl", [url]);
      }
    });

    it('writes scores with two decimals and a credential without expiry as "Never"', async () => {
      const { credential, bob, verifier } = await loadFixture(minter);
      const cases = [
        [10_000, "100.00%"],
        [7_005, "70.05%"],
        [9_010, "90.10%"],
        [0, "0.00%"],
      ] as const;
      for (const [index, [score, text]] of cases.entries()) {
        const course = BigInt(index + 10);
        await credential.write.mint([bob.account.address, course, verifier.account.address, score, 0]);
        const metadata = decodeTokenUri(
          await credential.read.tokenURI([credentialIdOf(bob.account.address, course)]),
        );
        expect(metadata.attributes[1], `score ${score}`).to.deep.equal({ trait_type: "Score", value: text });
        expect(metadata.attributes[3]).to.deep.equal({ trait_type: "Expires", value: "Never" });
        expect(metadata.expires_at).to.equal(0);
      }
    });
  });
});
