import { expect } from "chai";
import { getAddress, parseEther, zeroAddress } from "viem";
import { CitadelSource } from "../../protocol/enums";
import { AZR, funded, deployed, networkHelpers, viem } from "../support/fixture";
import { replayable, rng, seedFromEnv } from "../support/random";
import { expectRevert } from "./helpers/revert";

const { loadFixture } = networkHelpers;

/** The deployment with alice holding 1,000 AZR and bob 500, plus a second ERC-20 ("any token"). */
async function withTokens() {
  const base = await funded();
  const other = await viem.deployContract("AzoraToken", [base.deployer.account.address, AZR(1_000_000)]);
  await other.write.grantRole([await other.read.MINTER_ROLE(), base.deployer.account.address]);
  await other.write.mint([base.alice.account.address, AZR(1_000)]);
  return { ...base, other };
}

describe("CitadelFund", () => {
  describe("deployment", () => {
    it("is owned by the deployer, with no pending owner", async () => {
      const { fund, deployer } = await loadFixture(deployed);
      expect(await fund.read.owner()).to.equal(getAddress(deployer.account.address));
      expect(await fund.read.pendingOwner()).to.equal(zeroAddress);
    });

    it("knows ProofOfKnowledge as its Mining source and nobody else", async () => {
      const { fund, pok, alice } = await loadFixture(deployed);
      expect(await fund.read.sourceOf([pok.address])).to.equal(CitadelSource.Mining);
      expect(await fund.read.sourceOf([alice.account.address])).to.equal(CitadelSource.None);
    });
  });

  describe("protocol inflows", () => {
    it("records an inflow tagged with the caller's registered source", async () => {
      const { fund, token, alice } = await loadFixture(deployed);
      await viem.assertions.emitWithArgs(
        fund.write.setSource([alice.account.address, CitadelSource.Escrow]),
        fund,
        "SourceSet",
        [getAddress(alice.account.address), CitadelSource.Escrow],
      );
      await viem.assertions.emitWithArgs(
        fund.write.recordInflow([token.address, AZR(7)], { account: alice.account }),
        fund,
        "InflowRecorded",
        [CitadelSource.Escrow, getAddress(token.address), getAddress(alice.account.address), AZR(7)],
      );
    });

    it("refuses an inflow record from an account that is not a source", async () => {
      const { fund, token, alice } = await loadFixture(deployed);
      await expectRevert(
        fund.write.recordInflow([token.address, 1n], { account: alice.account }),
        "CitadelFundUnknownSource",
        [getAddress(alice.account.address)],
      );
    });

    it("stops recording for a source the owner removed", async () => {
      const { fund, token, alice } = await loadFixture(deployed);
      await fund.write.setSource([alice.account.address, CitadelSource.Escrow]);
      await fund.write.setSource([alice.account.address, CitadelSource.None]);
      await expectRevert(
        fund.write.recordInflow([token.address, 1n], { account: alice.account }),
        "CitadelFundUnknownSource",
        [getAddress(alice.account.address)],
      );
    });

    it("refuses to register the zero account or a Donation source", async () => {
      const { fund, alice } = await loadFixture(deployed);
      await expectRevert(
        fund.write.setSource([zeroAddress, CitadelSource.Mining]),
        "CitadelFundInvalidSource",
        [zeroAddress, CitadelSource.Mining],
      );
      await expectRevert(
        fund.write.setSource([alice.account.address, CitadelSource.Donation]),
        "CitadelFundInvalidSource",
        [getAddress(alice.account.address), CitadelSource.Donation],
      );
    });

    it("lets only the owner register sources", async () => {
      const { fund, alice } = await loadFixture(deployed);
      await expectRevert(
        fund.write.setSource([alice.account.address, CitadelSource.Mining], { account: alice.account }),
        "OwnableUnauthorizedAccount",
        [getAddress(alice.account.address)],
      );
    });
  });

  describe("donations", () => {
    it("pulls an approved ERC-20 donation and records it as Donation", async () => {
      const { fund, token, alice } = await loadFixture(withTokens);
      await token.write.approve([fund.address, AZR(25)], { account: alice.account });
      await viem.assertions.emitWithArgs(
        fund.write.donate([token.address, AZR(25)], { account: alice.account }),
        fund,
        "InflowRecorded",
        [CitadelSource.Donation, getAddress(token.address), getAddress(alice.account.address), AZR(25)],
      );
      expect(await token.read.balanceOf([fund.address])).to.equal(AZR(25));
      expect(await token.read.balanceOf([alice.account.address])).to.equal(AZR(975));
    });

    it("records a plain ETH transfer as a Donation of token zero", async () => {
      const { fund, bob } = await loadFixture(deployed);
      await viem.assertions.emitWithArgs(
        bob.sendTransaction({ to: fund.address, value: parseEther("1.5") }),
        fund,
        "InflowRecorded",
        [CitadelSource.Donation, zeroAddress, getAddress(bob.account.address), parseEther("1.5")],
      );
    });

    it("refuses an empty donation, an ERC-20 donation of token zero and an ETH call without value", async () => {
      const { fund, token, alice } = await loadFixture(withTokens);
      await expectRevert(
        fund.write.donate([token.address, 0n], { account: alice.account }),
        "CitadelFundInvalidDonation",
        [getAddress(token.address), 0n],
      );
      await expectRevert(
        fund.write.donate([zeroAddress, 5n], { account: alice.account }),
        "CitadelFundInvalidDonation",
        [zeroAddress, 5n],
      );
      await expectRevert(
        alice.sendTransaction({ to: fund.address, value: 0n }),
        "CitadelFundInvalidDonation",
        [zeroAddress, 0n],
      );
    });

    it("fails a donation the donor did not approve with the token's own error", async () => {
      const { fund, token, alice } = await loadFixture(withTokens);
      await expectRevert(
        fund.write.donate([token.address, AZR(1)], { account: alice.account }),
        "ERC20InsufficientAllowance",
        [getAddress(fund.address), 0n, AZR(1)],
      );
    });
  });

  describe("release", () => {
    // The fund's own AZR and any other ERC-20 it was sent: 40 of 100 released, then all 10 of 10.
    for (const { title, which, held, released } of [
      { title: "lets the owner release AZR, emitting Released", which: "token", held: 100, released: 40 },
      { title: "releases any other ERC-20 the fund holds", which: "other", held: 10, released: 10 },
    ] as const) {
      it(title, async () => {
        const fixture = await loadFixture(withTokens);
        const { fund, alice, carol } = fixture;
        const token = fixture[which];
        await token.write.transfer([fund.address, AZR(held)], { account: alice.account });
        await viem.assertions.emitWithArgs(
          fund.write.release([token.address, carol.account.address, AZR(released)]),
          fund,
          "Released",
          [getAddress(token.address), getAddress(carol.account.address), AZR(released)],
        );
        expect(await token.read.balanceOf([carol.account.address])).to.equal(AZR(released));
        expect(await token.read.balanceOf([fund.address])).to.equal(AZR(held - released));
      });
    }

    it("releases ETH when the token is the zero address", async () => {
      const { fund, bob, carol } = await loadFixture(deployed);
      await bob.sendTransaction({ to: fund.address, value: parseEther("2") });
      const tx = fund.write.release([zeroAddress, carol.account.address, parseEther("0.5")]);
      await viem.assertions.balancesHaveChanged(tx, [
        { address: carol.account.address, amount: parseEther("0.5") },
        { address: fund.address, amount: -parseEther("0.5") },
      ]);
      await viem.assertions.emitWithArgs(
        fund.write.release([zeroAddress, carol.account.address, parseEther("1.5")]),
        fund,
        "Released",
        [zeroAddress, getAddress(carol.account.address), parseEther("1.5")],
      );
    });

    it("refuses a release by anyone but the owner", async () => {
      const { fund, token, alice } = await loadFixture(withTokens);
      await token.write.transfer([fund.address, AZR(1)], { account: alice.account });
      await expectRevert(
        fund.write.release([token.address, alice.account.address, AZR(1)], { account: alice.account }),
        "OwnableUnauthorizedAccount",
        [getAddress(alice.account.address)],
      );
    });

    it("refuses a release above the balance with CitadelFundInsufficientBalance(token, balance, needed)", async () => {
      const { fund, token, alice, carol } = await loadFixture(withTokens);
      await token.write.transfer([fund.address, AZR(3)], { account: alice.account });
      await expectRevert(
        fund.write.release([token.address, carol.account.address, AZR(4)]),
        "CitadelFundInsufficientBalance",
        [getAddress(token.address), AZR(3), AZR(4)],
      );
      await expectRevert(
        fund.write.release([zeroAddress, carol.account.address, 1n]),
        "CitadelFundInsufficientBalance",
        [zeroAddress, 0n, 1n],
      );
    });

    it("refuses a release to the zero address", async () => {
      const { fund, token } = await loadFixture(withTokens);
      await expectRevert(
        fund.write.release([token.address, zeroAddress, 0n]),
        "CitadelFundInvalidRecipient",
        [zeroAddress],
      );
    });

    it("fails an ETH release to a contract that refuses ETH with FailedCall", async () => {
      const { fund, token, bob } = await loadFixture(deployed);
      await bob.sendTransaction({ to: fund.address, value: 1n });
      await expectRevert(fund.write.release([zeroAddress, token.address, 1n]), "FailedCall", []);
    });

    it("moves the power to release to a new owner only once it accepts (two steps)", async () => {
      const { fund, token, deployer, alice, carol } = await loadFixture(withTokens);
      await token.write.transfer([fund.address, AZR(2)], { account: alice.account });
      await fund.write.transferOwnership([carol.account.address]);
      // Until carol accepts, the deployer still owns the fund.
      await fund.write.release([token.address, alice.account.address, AZR(1)]);
      await fund.write.acceptOwnership({ account: carol.account });
      await expectRevert(
        fund.write.release([token.address, alice.account.address, AZR(1)]),
        "OwnableUnauthorizedAccount",
        [getAddress(deployer.account.address)],
      );
      await fund.write.release([token.address, alice.account.address, AZR(1)], { account: carol.account });
      expect(await token.read.balanceOf([fund.address])).to.equal(0n);
    });
  });

  describe("invariants over random sequences", () => {
    it("the balance equals recorded inflows minus releases, and only the owner ever releases", async () => {
      const { fund, token, publicClient, deployer, alice, bob, carol } = await loadFixture(withTokens);
      await fund.write.setSource([carol.account.address, CitadelSource.Escrow]);
      await token.write.approve([fund.address, AZR(1_000)], { account: alice.account });
      const r = rng(seedFromEnv());
      const label = `SEED=${r.seed}`;
      const people = [deployer, alice, bob, carol];
      for (let step = 0; step < 60; step++) {
        const kind = r.int(3);
        const actor = r.pick(people);
        await replayable(r, `step ${step} (kind ${kind})`, async () => {
          if (kind === 0) {
            // a protocol payout: carol (an Escrow source) pays in and records it
            await token.write.mint([carol.account.address, AZR(r.int(50) + 1)]);
            const amount = await token.read.balanceOf([carol.account.address]);
            await token.write.transfer([fund.address, amount], { account: carol.account });
            await fund.write.recordInflow([token.address, amount], { account: carol.account });
          } else if (kind === 1) {
            await fund.write.donate([token.address, AZR(r.int(5) + 1)], { account: alice.account });
          } else {
            const balance = await token.read.balanceOf([fund.address]);
            const amount = (balance * BigInt(r.int(101))) / 100n;
            const release = fund.write.release([token.address, bob.account.address, amount], {
              account: actor.account,
            });
            if (actor === deployer) await release;
            else {
              await expectRevert(release, "OwnableUnauthorizedAccount", [getAddress(actor.account.address)]);
            }
          }
        });
      }
      const inflows = await publicClient.getContractEvents({
        address: fund.address,
        abi: fund.abi,
        eventName: "InflowRecorded",
        fromBlock: 0n,
      });
      const releases = await publicClient.getContractEvents({
        address: fund.address,
        abi: fund.abi,
        eventName: "Released",
        fromBlock: 0n,
      });
      const inflowSum = inflows.reduce((sum, log) => sum + (log.args.amount ?? 0n), 0n);
      const releaseSum = releases.reduce((sum, log) => sum + (log.args.amount ?? 0n), 0n);
      expect(await token.read.balanceOf([fund.address]), label).to.equal(inflowSum - releaseSum);
      for (const log of releases) {
        const tx = await publicClient.getTransaction({ hash: log.transactionHash });
        expect(getAddress(tx.from), label).to.equal(getAddress(deployer.account.address));
      }
    });
  });
});
