import { expect } from "chai";
import { getAddress, zeroAddress } from "viem";
import { signDelegation, signPermit } from "../../protocol/eip712";
import { AZR, deployed, funded, networkHelpers, viem } from "../support/fixture";
import { replayable, rng, seedFromEnv } from "../support/random";
import { expectRevert } from "./helpers/revert";

const { loadFixture, time } = networkHelpers;

describe("AzoraToken", () => {
  describe("deployment", () => {
    it("is Azora / AZR with 18 decimals, a 1,000,000,000 AZR cap and no supply", async () => {
      const { token } = await loadFixture(deployed);
      expect(await token.read.name()).to.equal("Azora");
      expect(await token.read.symbol()).to.equal("AZR");
      expect(await token.read.decimals()).to.equal(18);
      expect(await token.read.cap()).to.equal(AZR(1_000_000_000));
      expect(await token.read.totalSupply()).to.equal(0n);
    });

    it("gives the admin role to the deployer and the minter role to no one", async () => {
      const { token, deployer } = await loadFixture(deployed);
      const admin = await token.read.DEFAULT_ADMIN_ROLE();
      expect(await token.read.hasRole([admin, deployer.account.address])).to.equal(true);
      expect(await token.read.hasRole([await token.read.MINTER_ROLE(), deployer.account.address])).to.equal(
        false,
      );
    });

    it("runs on a timestamp clock (ERC-6372)", async () => {
      const { token } = await loadFixture(deployed);
      expect(await token.read.CLOCK_MODE()).to.equal("mode=timestamp");
      expect(BigInt(await token.read.clock())).to.equal(BigInt(await time.latest()));
    });

    it("rejects a zero admin with AzoraTokenInvalidAdmin(0)", async () => {
      await expectRevert(viem.deployContract("AzoraToken", [zeroAddress, AZR(1)]), "AzoraTokenInvalidAdmin", [
        zeroAddress,
      ]);
    });

    it("rejects a zero cap with ERC20InvalidCap(0)", async () => {
      const { deployer } = await loadFixture(deployed);
      await expectRevert(
        viem.deployContract("AzoraToken", [deployer.account.address, 0n]),
        "ERC20InvalidCap",
        [0n],
      );
    });
  });

  describe("minting and roles", () => {
    it("lets a minter mint and emits Transfer from zero", async () => {
      const { token, deployer, alice } = await loadFixture(deployed);
      await token.write.grantRole([await token.read.MINTER_ROLE(), deployer.account.address]);
      await viem.assertions.emitWithArgs(
        token.write.mint([alice.account.address, AZR(5)]),
        token,
        "Transfer",
        [zeroAddress, alice.account.address, AZR(5)],
      );
      expect(await token.read.balanceOf([alice.account.address])).to.equal(AZR(5));
    });

    it("refuses a mint from an account without MINTER_ROLE", async () => {
      const { token, alice } = await loadFixture(deployed);
      const minter = await token.read.MINTER_ROLE();
      await expectRevert(
        token.write.mint([alice.account.address, 1n], { account: alice.account }),
        "AccessControlUnauthorizedAccount",
        [alice.account.address, minter],
      );
    });

    it("refuses role grants from a non-admin", async () => {
      const { token, alice } = await loadFixture(deployed);
      const [minter, admin] = [await token.read.MINTER_ROLE(), await token.read.DEFAULT_ADMIN_ROLE()];
      await expectRevert(
        token.write.grantRole([minter, alice.account.address], { account: alice.account }),
        "AccessControlUnauthorizedAccount",
        [alice.account.address, admin],
      );
    });

    it("stops a revoked minter from minting", async () => {
      const { token, deployer, alice } = await loadFixture(funded);
      const minter = await token.read.MINTER_ROLE();
      await token.write.revokeRole([minter, deployer.account.address]);
      await expectRevert(token.write.mint([alice.account.address, 1n]), "AccessControlUnauthorizedAccount", [
        deployer.account.address,
        minter,
      ]);
    });

    it("lets the admin hand its role over and renounce it", async () => {
      const { token, deployer, alice } = await loadFixture(deployed);
      const admin = await token.read.DEFAULT_ADMIN_ROLE();
      await token.write.grantRole([admin, alice.account.address]);
      await token.write.renounceRole([admin, deployer.account.address]);
      expect(await token.read.hasRole([admin, deployer.account.address])).to.equal(false);
      expect(await token.read.hasRole([admin, alice.account.address])).to.equal(true);
    });
  });

  describe("cap", () => {
    it("mints exactly up to the cap and not one wei more", async () => {
      const { token, deployer, alice } = await loadFixture(funded);
      const cap = await token.read.cap();
      const room = cap - (await token.read.totalSupply());
      await token.write.mint([alice.account.address, room]);
      expect(await token.read.totalSupply()).to.equal(cap);
      await expectRevert(token.write.mint([deployer.account.address, 1n]), "ERC20ExceededCap", [
        cap + 1n,
        cap,
      ]);
    });
  });

  describe("transfers", () => {
    it("moves balances and reports ERC20InsufficientBalance with the numbers", async () => {
      const { token, alice, bob } = await loadFixture(funded);
      await token.write.transfer([bob.account.address, AZR(100)], { account: alice.account });
      expect(await token.read.balanceOf([alice.account.address])).to.equal(AZR(900));
      expect(await token.read.balanceOf([bob.account.address])).to.equal(AZR(600));
      await expectRevert(
        token.write.transfer([bob.account.address, AZR(901)], { account: alice.account }),
        "ERC20InsufficientBalance",
        [alice.account.address, AZR(900), AZR(901)],
      );
    });
  });

  describe("permit (EIP-2612)", () => {
    type Funded = Awaited<ReturnType<typeof funded>>;
    /** The arguments of `permit` for `value` of alice's AZR to bob, nonce 0, signed by `signer` (alice by default). */
    async function alicePermitsBob(
      { token, alice, bob }: Funded,
      { value, deadline, signer = alice }: { value: bigint; deadline: bigint; signer?: Funded["alice"] },
    ) {
      const owner = alice.account.address;
      const spender = bob.account.address;
      const { v, r, s } = await signPermit(signer, token.address, {
        owner,
        spender,
        value,
        nonce: 0n,
        deadline,
      });
      return [owner, spender, value, deadline, v, r, s] as const;
    }

    it("sets an allowance from a signature submitted by someone else", async () => {
      const market = await loadFixture(funded);
      const { token, alice, bob, carol } = market;
      const deadline = BigInt(await time.latest()) + 3600n;
      const args = await alicePermitsBob(market, { value: AZR(10), deadline });
      await viem.assertions.emitWithArgs(
        token.write.permit(args, { account: carol.account }),
        token,
        "Approval",
        [alice.account.address, bob.account.address, AZR(10)],
      );
      expect(await token.read.allowance([alice.account.address, bob.account.address])).to.equal(AZR(10));
      expect(await token.read.nonces([alice.account.address])).to.equal(1n);
    });

    it("rejects an expired permit with ERC2612ExpiredSignature(deadline)", async () => {
      const market = await loadFixture(funded);
      const deadline = BigInt(await time.latest()) - 1n;
      const args = await alicePermitsBob(market, { value: 1n, deadline });
      await expectRevert(market.token.write.permit(args), "ERC2612ExpiredSignature", [deadline]);
    });

    it("rejects a permit signed by someone other than the owner", async () => {
      const market = await loadFixture(funded);
      const { token, alice, carol } = market;
      const deadline = BigInt(await time.latest()) + 3600n;
      // carol signs a permit claiming to be alice
      const args = await alicePermitsBob(market, { value: 1n, deadline, signer: carol });
      await expectRevert(token.write.permit(args), "ERC2612InvalidSigner", [
        carol.account.address,
        alice.account.address,
      ]);
    });

    it("rejects a replayed permit: the nonce has moved on", async () => {
      const market = await loadFixture(funded);
      const { token, alice } = market;
      const deadline = BigInt(await time.latest()) + 3600n;
      const args = await alicePermitsBob(market, { value: 1n, deadline });
      await token.write.permit(args);
      await expectRevert(token.write.permit(args), "ERC2612InvalidSigner", [
        (recovered: string) => recovered.toLowerCase() !== alice.account.address.toLowerCase(),
        alice.account.address,
      ]);
    });
  });

  describe("votes (ERC-5805)", () => {
    it("counts no votes until a holder delegates", async () => {
      const { token, alice } = await loadFixture(funded);
      expect(await token.read.getVotes([alice.account.address])).to.equal(0n);
      expect(await token.read.delegates([alice.account.address])).to.equal(zeroAddress);
    });

    it("gives a self-delegating holder their balance as votes and emits both events", async () => {
      const { token, alice } = await loadFixture(funded);
      const tx = token.write.delegate([alice.account.address], { account: alice.account });
      await viem.assertions.emitWithArgs(tx, token, "DelegateChanged", [
        alice.account.address,
        zeroAddress,
        alice.account.address,
      ]);
      await viem.assertions.emitWithArgs(
        token.write.delegate([alice.account.address], { account: alice.account }),
        token,
        "DelegateChanged",
        [alice.account.address, alice.account.address, alice.account.address],
      );
      expect(await token.read.getVotes([alice.account.address])).to.equal(AZR(1_000));
    });

    it("emits DelegateVotesChanged with previous and new votes", async () => {
      const { token, alice } = await loadFixture(funded);
      await viem.assertions.emitWithArgs(
        token.write.delegate([alice.account.address], { account: alice.account }),
        token,
        "DelegateVotesChanged",
        [alice.account.address, 0n, AZR(1_000)],
      );
    });

    it("moves votes with transfers between delegated holders", async () => {
      const { token, alice, bob, carol } = await loadFixture(funded);
      await token.write.delegate([carol.account.address], { account: alice.account });
      await token.write.delegate([bob.account.address], { account: bob.account });
      await token.write.transfer([bob.account.address, AZR(250)], { account: alice.account });
      expect(await token.read.getVotes([carol.account.address])).to.equal(AZR(750));
      expect(await token.read.getVotes([bob.account.address])).to.equal(AZR(750));
      expect(await token.read.getVotes([alice.account.address])).to.equal(0n);
    });

    it("answers past votes and the past total supply of votes (the votable supply) at a timestamp", async () => {
      const { token, alice } = await loadFixture(funded);
      await token.write.delegate([alice.account.address], { account: alice.account });
      const before = BigInt(await time.latest());
      await time.increase(100);
      await token.write.mint([alice.account.address, AZR(1)]);
      await time.increase(100);
      expect(await token.read.getPastVotes([alice.account.address, before])).to.equal(AZR(1_000));
      // bob's 500 AZR are not delegated: they are supply, not votes.
      expect(await token.read.getPastTotalSupply([before])).to.equal(AZR(1_000));
      expect(await token.read.totalSupply()).to.equal(AZR(1_501));
      expect(await token.read.getVotes([alice.account.address])).to.equal(AZR(1_001));
    });

    it("counts in the votable supply only AZR delegated to someone, whoever holds it", async () => {
      const { token, alice, bob, carol } = await loadFixture(funded);
      expect(await token.read.votableSupply()).to.equal(0n);
      await token.write.delegate([carol.account.address], { account: alice.account });
      expect(await token.read.votableSupply()).to.equal(AZR(1_000));
      // to an undelegated holder: out of the votable supply; to a delegated one: in it
      await token.write.transfer([bob.account.address, AZR(100)], { account: alice.account });
      expect(await token.read.votableSupply()).to.equal(AZR(900));
      await token.write.delegate([bob.account.address], { account: bob.account });
      expect(await token.read.votableSupply()).to.equal(AZR(1_500));
      await token.write.transfer([alice.account.address, AZR(50)], { account: bob.account });
      expect(await token.read.votableSupply()).to.equal(AZR(1_500));
      // a mint to a delegated holder adds; redelegating moves nothing; undelegating subtracts
      await token.write.mint([alice.account.address, AZR(5)]);
      await token.write.delegate([alice.account.address], { account: alice.account });
      expect(await token.read.votableSupply()).to.equal(AZR(1_505));
      await token.write.delegate([zeroAddress], { account: bob.account });
      expect(await token.read.votableSupply()).to.equal(AZR(1_505) - AZR(550));
      expect(await token.read.delegates([zeroAddress])).to.equal(zeroAddress);
    });

    it("refuses a lookup at or after the current clock with ERC5805FutureLookup", async () => {
      const { token, alice } = await loadFixture(funded);
      const now = BigInt(await time.latest());
      const future = now + 1000n;
      // a read runs against a pending block whose timestamp is at least `now`
      await expectRevert(token.read.getPastVotes([alice.account.address, future]), "ERC5805FutureLookup", [
        future,
        (clock: number) => BigInt(clock) >= now && BigInt(clock) < future,
      ]);
    });

    it("accepts a delegation by signature submitted by a relayer", async () => {
      const { token, alice, bob, carol } = await loadFixture(funded);
      const expiry = BigInt(await time.latest()) + 3600n;
      const { v, r, s } = await signDelegation(alice, token.address, {
        delegatee: bob.account.address,
        nonce: 0n,
        expiry,
      });
      await token.write.delegateBySig([bob.account.address, 0n, expiry, Number(v), r, s], {
        account: carol.account,
      });
      expect(await token.read.delegates([alice.account.address])).to.equal(getAddress(bob.account.address));
      expect(await token.read.getVotes([bob.account.address])).to.equal(AZR(1_000));
    });

    it("rejects an expired delegation signature with VotesExpiredSignature(expiry)", async () => {
      const { token, alice, bob } = await loadFixture(funded);
      const expiry = BigInt(await time.latest()) - 1n;
      const { v, r, s } = await signDelegation(alice, token.address, {
        delegatee: bob.account.address,
        nonce: 0n,
        expiry,
      });
      await expectRevert(
        token.write.delegateBySig([bob.account.address, 0n, expiry, Number(v), r, s]),
        "VotesExpiredSignature",
        [expiry],
      );
    });

    it("rejects a replayed delegation signature with InvalidAccountNonce", async () => {
      const { token, alice, bob } = await loadFixture(funded);
      const expiry = BigInt(await time.latest()) + 3600n;
      const { v, r, s } = await signDelegation(alice, token.address, {
        delegatee: bob.account.address,
        nonce: 0n,
        expiry,
      });
      const args = [bob.account.address, 0n, expiry, Number(v), r, s] as const;
      await token.write.delegateBySig(args);
      await expectRevert(token.write.delegateBySig(args), "InvalidAccountNonce", [alice.account.address, 1n]);
    });
  });

  describe("invariants over random sequences", () => {
    it("supply equals the sum of balances, stays under the cap, and votes equal delegated balances", async () => {
      const { token, deployer, alice, bob, carol, dave } = await loadFixture(deployed);
      await token.write.grantRole([await token.read.MINTER_ROLE(), deployer.account.address]);
      const people = [alice, bob, carol, dave];
      const r = rng(seedFromEnv());
      const steps = 150;
      for (let step = 0; step < steps; step++) {
        const actor = r.pick(people);
        const other = r.pick(people);
        const kind = r.int(3);
        await replayable(r, `step ${step} (kind ${kind})`, async () => {
          if (kind === 0) await token.write.mint([actor.account.address, AZR(r.int(1_000) + 1)]);
          else if (kind === 1) {
            const balance = await token.read.balanceOf([actor.account.address]);
            const amount = balance === 0n ? 0n : (balance * BigInt(r.int(101))) / 100n;
            await token.write.transfer([other.account.address, amount], { account: actor.account });
          } else await token.write.delegate([other.account.address], { account: actor.account });
        });
      }
      const addresses = people.map((p) => p.account.address);
      const balances = await Promise.all(addresses.map((a) => token.read.balanceOf([a])));
      const delegates = await Promise.all(addresses.map((a) => token.read.delegates([a])));
      const votes = await Promise.all(addresses.map((a) => token.read.getVotes([a])));
      const supply = await token.read.totalSupply();
      const label = `SEED=${r.seed}`;
      expect(
        balances.reduce((a, b) => a + b, 0n),
        label,
      ).to.equal(supply);
      expect(supply <= (await token.read.cap()), label).to.equal(true);
      // The votable supply is the sum of every delegate's votes.
      expect(await token.read.votableSupply(), label).to.equal(votes.reduce((a, b) => a + b, 0n));
      addresses.forEach((address, i) => {
        const expected = addresses.reduce(
          (sum, _, j) =>
            delegates[j]?.toLowerCase() === address.toLowerCase() ? sum + (balances[j] ?? 0n) : sum,
          0n,
        );
        expect(votes[i], `${label} votes of ${address}`).to.equal(expected);
      });
    });
  });
});
