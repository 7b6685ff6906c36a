import { ponder } from "ponder:registry";
import { credential } from "ponder:schema";
import { zeroAddress } from "viem";
import { touchAccount } from "./lib/account";
import { indexRoles } from "./lib/roles";

indexRoles("AzoraCredential");

ponder.on("AzoraCredential:Issued", async ({ event, context }) => {
  const { id, learner, courseId, issuer, expiresAt, score } = event.args;
  await context.db.insert(credential).values({
    id,
    holder: learner,
    courseId,
    issuer,
    score,
    issuedAt: event.block.timestamp,
    expiresAt: BigInt(expiresAt),
    revoked: false,
    burned: false,
    transactionHash: event.transaction.hash,
  });
  await touchAccount(context.db, learner, event.block.timestamp, { credentials: 1 });
});

ponder.on("AzoraCredential:Revoked", async ({ event, context }) => {
  const { id, revoker, reason } = event.args;
  await context.db.update(credential, { id }).set({
    revoked: true,
    revokedBy: revoker,
    revokedReason: reason,
    revokedAt: event.block.timestamp,
  });
});

ponder.on("AzoraCredential:Reinstated", async ({ event, context }) => {
  await context.db.update(credential, { id: event.args.id }).set({
    revoked: false,
    revokedBy: null,
    revokedReason: null,
    revokedAt: null,
  });
});

// Soulbound: the only transfers are the mint (handled by Issued) and the holder's burn.
ponder.on("AzoraCredential:Transfer", async ({ event, context }) => {
  const { from, to, tokenId } = event.args;
  if (to !== zeroAddress || from === zeroAddress) return;
  await context.db.update(credential, { id: tokenId }).set({ burned: true });
  await touchAccount(context.db, from, event.block.timestamp, { credentials: -1 });
});
