// The protocol's one rounding rule (contracts/libraries/ProtocolFee.sol): every AZR payout, mining
// reward or escrow release, gives the CitadelFund amount / 10 rounded down and the recipient the rest.

/** The CitadelFund receives `amount / CITADEL_DIVISOR`. */
export const CITADEL_DIVISOR = 10n;

/** How `amount` splits between its recipient (90% plus the rounding remainder) and the CitadelFund. */
export function splitPayout(amount: bigint): { recipient: bigint; citadel: bigint } {
  const citadel = amount / CITADEL_DIVISOR;
  return { recipient: amount - citadel, citadel };
}
