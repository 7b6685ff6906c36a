import { expect } from "chai";
import { createWalletClient, custom, getAddress, keccak256, toHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { GOVERNOR_NAME, signBallot, signDelegation } from "../../protocol/eip712";
import { VoteType, ProposalState } from "../../protocol/enums";
import { AZR, gaslessVoter, governed, networkHelpers, viem, VOTERS_AZR } from "../support/fixture";
import type { Signer } from "../support/fixture";
import { proposals } from "../support/governance";
import { expectRevert } from "./helpers/revert";

const { loadFixture } = networkHelpers;

type Governed = Awaited<ReturnType<typeof governed>>;

/** The gasless voter's wallet on the test chain: it signs, and never sends a transaction. */
function walletOf(g: Governed, account = gaslessVoter): Signer {
  return createWalletClient({
    account,
    chain: g.deployer.chain,
    transport: custom({ request: g.deployer.request }),
  });
}

describe("governance › votes and delegations by signature, relayed for accounts without ETH", () => {
  async function withDelegation() {
    const g = await governed();
    const voter = walletOf(g);
    const expiry = BigInt(await networkHelpers.time.latest()) + 3_600n;
    const delegation = { delegatee: gaslessVoter.address, nonce: 0n, expiry };
    const { v, r, s } = await signDelegation(voter, g.token.address, delegation);
    await g.token.write.delegateBySig([gaslessVoter.address, 0n, expiry, v, r, s], {
      account: g.relayer.account,
    });
    return { ...g, voter };
  }

  it("delegateBySig: the relayer submits a delegation the voter signed; the voter spends no ETH", async () => {
    const g = await loadFixture(governed);
    const { token, relayer, publicClient } = g;
    expect(await publicClient.getBalance({ address: gaslessVoter.address })).to.equal(0n);
    const expiry = BigInt(await networkHelpers.time.latest()) + 3_600n;
    const { v, r, s } = await signDelegation(walletOf(g), token.address, {
      delegatee: gaslessVoter.address,
      nonce: await token.read.nonces([gaslessVoter.address]),
      expiry,
    });
    await viem.assertions.emitWithArgs(
      token.write.delegateBySig([gaslessVoter.address, 0n, expiry, v, r, s], { account: relayer.account }),
      token,
      "DelegateChanged",
      [gaslessVoter.address, "0x0000000000000000000000000000000000000000", gaslessVoter.address],
    );
    expect(await token.read.getVotes([gaslessVoter.address])).to.equal(AZR(VOTERS_AZR.gasless));
    expect(await token.read.nonces([gaslessVoter.address])).to.equal(1n);
    expect(await publicClient.getBalance({ address: gaslessVoter.address })).to.equal(0n);
  });

  it("delegateBySig: refuses a replayed and an expired delegation", async () => {
    const g = await loadFixture(withDelegation);
    const { token, relayer, voter } = g;
    const expiry = BigInt(await networkHelpers.time.latest()) + 3_600n;
    const replay = await signDelegation(voter, token.address, {
      delegatee: g.alice.account.address,
      nonce: 0n,
      expiry,
    });
    await expectRevert(
      token.write.delegateBySig([g.alice.account.address, 0n, expiry, replay.v, replay.r, replay.s], {
        account: relayer.account,
      }),
      "InvalidAccountNonce",
      [gaslessVoter.address, 1n],
    );
    const past = BigInt(await networkHelpers.time.latest()) - 1n;
    const late = await signDelegation(voter, token.address, {
      delegatee: g.alice.account.address,
      nonce: 1n,
      expiry: past,
    });
    await expectRevert(
      token.write.delegateBySig([g.alice.account.address, 1n, past, late.v, late.r, late.s], {
        account: relayer.account,
      }),
      "VotesExpiredSignature",
      [past],
    );
  });

  it("castVoteBySig: the relayer submits a vote the voter signed; it counts with the voter's weight", async () => {
    const g = await loadFixture(withDelegation);
    const { governor, relayer, voter, publicClient } = g;
    const { proposeGrant, pastSnapshot } = proposals(g);
    const p = await proposeGrant("Signed votes");
    await pastSnapshot(p);
    const ballot = { proposalId: p.id, support: VoteType.For, voter: gaslessVoter.address, nonce: 0n };
    const signature = await signBallot(voter, governor.address, ballot);
    await viem.assertions.emitWithArgs(
      governor.write.castVoteBySig([p.id, VoteType.For, gaslessVoter.address, signature], {
        account: relayer.account,
      }),
      governor,
      "VoteCast",
      [gaslessVoter.address, p.id, VoteType.For, AZR(VOTERS_AZR.gasless), ""],
    );
    expect(await governor.read.hasVoted([p.id, gaslessVoter.address])).to.equal(true);
    expect(await governor.read.nonces([gaslessVoter.address])).to.equal(1n);
    expect(await governor.read.proposalVotes([p.id])).to.deep.equal([0n, AZR(VOTERS_AZR.gasless), 0n]);
    expect(await publicClient.getBalance({ address: gaslessVoter.address })).to.equal(0n);
    expect(await governor.read.state([p.id])).to.equal(ProposalState.Active);
  });

  it("castVoteBySig: refuses a replayed ballot, a ballot signed by someone else, and one for another proposal", async () => {
    const g = await loadFixture(withDelegation);
    const { governor, fund, token, relayer, carol, voter } = g;
    const { propose, pastSnapshot } = proposals(g);
    const release = { ...fund, target: fund.address, functionName: "release" };
    const p = await propose([{ ...release, args: [token.address, carol.account.address, 1n] }], "First");
    const other = await propose([{ ...release, args: [token.address, carol.account.address, 2n] }], "Second");
    await pastSnapshot(other);
    const submit = (proposalId: bigint, signature: `0x${string}`) =>
      governor.write.castVoteBySig([proposalId, VoteType.For, gaslessVoter.address, signature], {
        account: relayer.account,
      });

    /** A For ballot on `p` in the gasless voter's name, nonce 0, signed by `signer`. */
    const ballot = (signer: typeof voter) =>
      signBallot(signer, governor.address, {
        proposalId: p.id,
        support: VoteType.For,
        voter: gaslessVoter.address,
        nonce: 0n,
      });

    const stranger = walletOf(g, privateKeyToAccount(keccak256(toHex("someone else"))));
    const forged = await ballot(stranger);
    await expectRevert(submit(p.id, forged), "GovernorInvalidSignature", [gaslessVoter.address]);

    const signature = await ballot(voter);
    await expectRevert(submit(other.id, signature), "GovernorInvalidSignature", [gaslessVoter.address]);
    await submit(p.id, signature);
    // The nonce moved on: the same signature no longer recovers to the voter.
    await expectRevert(submit(p.id, signature), "GovernorInvalidSignature", [gaslessVoter.address]);
  });

  it("signs in the Governor's own EIP-712 domain (eip712Domain), as wallets and Tally expect", async () => {
    const { governor } = await loadFixture(governed);
    const [, name, version, chainId, verifyingContract] = await governor.read.eip712Domain();
    expect([name, version, chainId, verifyingContract]).to.deep.equal([
      GOVERNOR_NAME,
      "1",
      31337n,
      getAddress(governor.address),
    ]);
  });
});
