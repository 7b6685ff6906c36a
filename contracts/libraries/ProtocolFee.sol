// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Protocol fee: the CitadelFund's share of every AZR payout
/// @notice The one rounding rule of the protocol. Every payout (mining rewards, escrow
/// releases) splits through `split`, so the CitadelFund always receives exactly 10% rounded
/// down and the recipient the rest: the two shares always add up to the amount.
library ProtocolFee {
    /// @notice The CitadelFund receives `amount / CITADEL_DIVISOR` (10%), rounded down.
    uint256 internal constant CITADEL_DIVISOR = 10;

    /// @notice Splits `amount` into the recipient's share and the CitadelFund's share.
    /// @param amount The whole payout, in the token's smallest unit.
    /// @return recipientShare `amount - citadelShare`: 90%, plus the rounding remainder.
    /// @return citadelShare `amount / 10`, rounded down.
    function split(
        uint256 amount
    ) internal pure returns (uint256 recipientShare, uint256 citadelShare) {
        citadelShare = amount / CITADEL_DIVISOR;
        // citadelShare <= amount, so the subtraction cannot underflow.
        unchecked {
            recipientShare = amount - citadelShare;
        }
    }
}
