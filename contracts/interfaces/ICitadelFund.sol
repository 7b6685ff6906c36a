// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title CitadelFund: the Azora DAO treasury
/// @notice Holds AZR, ETH and any ERC-20. Every tagged inflow emits `InflowRecorded` with its
/// source, so an indexer tells mining, escrow and donations apart from events alone. Money
/// leaves only through `release`, callable by the owner (governance's Timelock once it exists),
/// and every outflow emits `Released`.
interface ICitadelFund {
    /// @notice Where an inflow came from. `None` marks an account that is not a protocol source.
    enum Source {
        None,
        Mining,
        Escrow,
        Donation
    }

    /// @notice Emitted for every tagged inflow: a protocol payout or a donation.
    /// @param source Mining or Escrow for protocol payouts (from the payer's registration), Donation otherwise.
    /// @param token The ERC-20 received, or the zero address for ETH.
    /// @param from The protocol contract that paid in, or the donor.
    /// @param amount What the fund received, in the token's smallest unit (wei for ETH).
    event InflowRecorded(
        Source indexed source,
        address indexed token,
        address indexed from,
        uint256 amount
    );

    /// @notice Emitted for every outflow.
    /// @param token The ERC-20 sent, or the zero address for ETH.
    /// @param to The recipient.
    /// @param amount The amount sent.
    event Released(address indexed token, address indexed to, uint256 amount);

    /// @notice Emitted when the owner registers, re-tags or removes a protocol source.
    /// @param account The protocol contract.
    /// @param source Its tag from now on (`None` = no longer a source).
    event SourceSet(address indexed account, Source source);

    /// @notice `recordInflow` was called by an account that is not a registered protocol source.
    error CitadelFundUnknownSource(address account);

    /// @notice A protocol source must be a nonzero account tagged Mining, Escrow or None.
    error CitadelFundInvalidSource(address account, Source source);

    /// @notice A donation of nothing, or an ERC-20 donation of the zero address (send ETH directly).
    error CitadelFundInvalidDonation(address token, uint256 amount);

    /// @notice Money cannot be released to the zero address.
    error CitadelFundInvalidRecipient(address to);

    /// @notice The fund holds `balance` of `token`, less than the `needed` release.
    error CitadelFundInsufficientBalance(address token, uint256 balance, uint256 needed);

    /// @notice Records a payout a protocol contract has just made to the fund, tagged with the
    /// caller's registered source. Protocol contracts call it right after paying in, and never
    /// depend on it: a refusal blocks no payout (docs/security.md, finding 3).
    /// @dev Reverts with `CitadelFundUnknownSource` unless the caller is a registered source. The
    /// fund trusts registered sources to report what they paid; only the owner registers them.
    /// @param token The ERC-20 paid in (the zero address for ETH).
    /// @param amount The amount paid in.
    function recordInflow(address token, uint256 amount) external;

    /// @notice Donates `amount` of an ERC-20 to the fund, pulled from the caller (who must have
    /// approved the fund first). Records the amount the fund actually received. ETH donations
    /// are plain transfers to the fund.
    /// @param token The ERC-20 donated.
    /// @param amount The amount to pull from the caller.
    function donate(address token, uint256 amount) external;

    /// @notice Sends `amount` of `token` (the zero address for ETH) to `to`. Only the owner.
    /// @param token The ERC-20 to send, or the zero address for ETH.
    /// @param to The recipient.
    /// @param amount The amount to send.
    function release(address token, address to, uint256 amount) external;

    /// @notice Registers `account` as a protocol source tagged `source`, or removes it with `None`.
    /// Only the owner.
    /// @param account The protocol contract (ProofOfKnowledge, JobEscrow, ...).
    /// @param source Mining, Escrow, or None to remove it.
    function setSource(address account, Source source) external;

    /// @notice The tag of a protocol source (`None` if `account` is not one).
    /// @param account The account to look up.
    /// @return The account's source tag.
    function sourceOf(address account) external view returns (Source);
}
