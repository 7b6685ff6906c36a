// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ICitadelFund} from "./interfaces/ICitadelFund.sol";

/// @title CitadelFund
/// @notice The Azora DAO treasury. Receives the 10% share of every AZR payout (tagged by the
/// paying contract's registered source) and donations; releases money only on its owner's
/// order. The owner is the deployer until governance's Timelock accepts ownership (two steps).
contract CitadelFund is ICitadelFund, Ownable2Step {
    using SafeERC20 for IERC20;

    mapping(address account => Source) private _sources;

    /// @param initialOwner The account that may release money (the deployer, then the Timelock).
    constructor(address initialOwner) Ownable(initialOwner) {}

    /// @notice ETH sent to the fund is a donation.
    receive() external payable {
        if (msg.value == 0) revert CitadelFundInvalidDonation(address(0), 0);
        emit InflowRecorded(Source.Donation, address(0), msg.sender, msg.value);
    }

    /// @inheritdoc ICitadelFund
    function recordInflow(address token, uint256 amount) external {
        Source source = _sources[msg.sender];
        if (source == Source.None) revert CitadelFundUnknownSource(msg.sender);
        emit InflowRecorded(source, token, msg.sender, amount);
    }

    /// @inheritdoc ICitadelFund
    function donate(address token, uint256 amount) external {
        if (token == address(0) || amount == 0) revert CitadelFundInvalidDonation(token, amount);
        uint256 balanceBefore = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(msg.sender, address(this), amount);
        // Tokens that take a fee on transfer deliver less than `amount`: record what arrived.
        emit InflowRecorded(
            Source.Donation,
            token,
            msg.sender,
            IERC20(token).balanceOf(address(this)) - balanceBefore
        );
    }

    /// @inheritdoc ICitadelFund
    function release(address token, address to, uint256 amount) external onlyOwner {
        if (to == address(0)) revert CitadelFundInvalidRecipient(to);
        uint256 balance =
            token == address(0) ? address(this).balance : IERC20(token).balanceOf(address(this));
        if (balance < amount) revert CitadelFundInsufficientBalance(token, balance, amount);
        if (token == address(0)) Address.sendValue(payable(to), amount);
        else IERC20(token).safeTransfer(to, amount);
        emit Released(token, to, amount);
    }

    /// @inheritdoc ICitadelFund
    function setSource(address account, Source source) external onlyOwner {
        if (account == address(0) || source == Source.Donation) {
            revert CitadelFundInvalidSource(account, source);
        }
        _sources[account] = source;
        emit SourceSet(account, source);
    }

    /// @inheritdoc ICitadelFund
    function sourceOf(address account) external view returns (Source) {
        return _sources[account];
    }
}
