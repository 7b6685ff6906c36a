// Marketplace gas: one JobEscrow job of three milestones through every step, next to a public anchor.
import { getContract, parseUnits } from "viem";
import type { Account } from "viem";
import { signPermit } from "../../protocol/eip712";
import { localAccount, localArbiter } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import { advanceTime } from "../seed/governance";
import { gasGroup } from "./setup";
import type { BenchNode, GasFigures } from "./setup";

/**
 * Marketplace gas on the same node, after mining: one job of three milestones through every
 * step (the deployer still holds AZR's MINTER_ROLE from `azrGas` and funds the clients).
 */
async function escrowGas({ manifest, publicClient, wallet, gasOf }: BenchNode): Promise<GasFigures> {
  const escrowAt = contractOf(manifest, "JobEscrow");
  const tokenAt = contractOf(manifest, "AzoraToken");
  const as = (account: Account) => {
    const walletClient = wallet(account);
    return {
      wallet: walletClient,
      escrow: getContract({ ...escrowAt, client: walletClient }),
      token: getContract({ ...tokenAt, client: walletClient }),
    };
  };
  const [client, provider, other] = [localAccount(4), localAccount(2), localAccount(3)];
  const arbiter = as(localArbiter());
  const amounts = [parseUnits("100", 18), parseUnits("150", 18), parseUnits("250", 18)];
  const total = amounts.reduce((a, b) => a + b, 0n);
  await gasOf(as(localAccount(0)).token.write.mint([client.address, total * 4n]));
  const deadlineIn = async (days: number) =>
    Number((await publicClient.getBlock()).timestamp) + days * 86_400;
  const jobIdOf = async () => as(client).escrow.read.jobCount();

  // Posted with a permit: the one-transaction path.
  const deadline = await deadlineIn(30);
  const { v, r, s } = await signPermit(as(client).wallet, tokenAt.address, {
    owner: client.address,
    spender: escrowAt.address,
    value: total,
    nonce: await as(client).token.read.nonces([client.address]),
    deadline: BigInt(deadline),
  });
  const postPermit = await gasOf(
    as(client).escrow.write.postJobWithPermit([
      "bafkreibenchbrief",
      amounts,
      deadline,
      BigInt(deadline),
      v,
      r,
      s,
    ]),
  );
  const job = await jobIdOf();
  const applyGas = await gasOf(as(provider).escrow.write.applyForJob([job, "bafkreibenchproposal"]));
  await gasOf(as(other).escrow.write.applyForJob([job, "bafkreibenchproposal2"]));
  const assign = await gasOf(as(client).escrow.write.assign([job, provider.address]));
  const submit = await gasOf(as(provider).escrow.write.submitMilestone([job, 0n, "bafkreibenchdeliverable"]));
  const approve = await gasOf(as(client).escrow.write.approveMilestone([job, 0n]));
  await gasOf(as(provider).escrow.write.submitMilestone([job, 1n, "bafkreibenchdeliverable"]));
  const dispute = await gasOf(as(client).escrow.write.dispute([job, 1n, "bafkreibenchreason"]));
  const resolve = await gasOf(arbiter.escrow.write.resolveDispute([job, 1n, 6_000, "bafkreibenchruling"]));
  await gasOf(as(provider).escrow.write.submitMilestone([job, 2n, "bafkreibenchdeliverable"]));
  await advanceTime(publicClient, Number(await as(client).escrow.read.reviewWindow()) + 1);
  const timeout = await gasOf(as(provider).escrow.write.releaseAfterReview([job, 2n]));
  const rate = await gasOf(as(client).escrow.write.rate([job, 5, "bafkreibenchcomment"]));

  // Posted after an approval (two transactions), then cancelled; and one left to expire.
  const approval = await gasOf(as(client).token.write.approve([escrowAt.address, total]));
  const post = await gasOf(
    as(client).escrow.write.postJob(["bafkreibenchbrief", amounts, await deadlineIn(30)]),
  );
  const cancel = await gasOf(as(client).escrow.write.cancel([await jobIdOf()]));
  await gasOf(as(client).token.write.approve([escrowAt.address, total]));
  await gasOf(as(client).escrow.write.postJob(["bafkreibenchbrief", amounts, await deadlineIn(2)]));
  const expiring = await jobIdOf();
  await gasOf(as(provider).escrow.write.applyForJob([expiring, "bafkreibenchproposal"]));
  await gasOf(as(client).escrow.write.assign([expiring, provider.address]));
  await advanceTime(publicClient, 3 * 86_400);
  const refund = await gasOf(as(client).escrow.write.refundExpired([expiring]));

  return [
    ["post, 3 milestones, with permit (1 tx)", postPermit],
    ["approve AZR (tx 1 of the other path)", approval],
    ["post, 3 milestones, after approve (tx 2)", post],
    ["apply", applyGas],
    ["assign", assign],
    ["submit a milestone", submit],
    ["approve and release 90/10", approve],
    ["release after the review window", timeout],
    ["dispute", dispute],
    ["resolve a dispute (60/40)", resolve],
    ["rate", rate],
    ["cancel an open job (refund 3)", cancel],
    ["refund 3 unsubmitted after the deadline", refund],
  ];
}

export const marketplaceGasGroup = gasGroup(
  "gas-marketplace",
  "Marketplace gas per step (JobEscrow, one job of 3 milestones)",
  escrowGas,
  "  Public anchor: Sablier LockupTranched createWithTimestamps, 3 tranches: 255,708 gas; 2 tranches:\n" +
    "  190,270 (sablier-labs/v2-core benchmarks/, Foundry, token approved beforehand) — a stream that\n" +
    "  also mints an NFT, against a post that also takes the permit.",
);
