// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IJobEscrow} from "../interfaces/IJobEscrow.sol";
import {IProofOfKnowledge} from "../interfaces/IProofOfKnowledge.sol";

/// @title BenchHistory (benchmark only)
/// @notice Writes a long synthetic history across the Azora contracts in few transactions, so
/// the indexer benchmark can backfill 100,000+ real events: many AZR transfers, many escrow jobs
/// and many relayed claims per transaction. Every event comes from the real contracts.
contract BenchHistory {
    using SafeERC20 for IERC20;

    /// @notice Sends `amount` AZR from this contract to each of `recipients`.
    function transfers(IERC20 token, address[] calldata recipients, uint256 amount) external {
        for (uint256 i = 0; i < recipients.length; ++i) token.safeTransfer(recipients[i], amount);
    }

    /// @notice Posts `count` jobs of `amounts` from this contract's AZR (approved at once).
    function postJobs(
        IERC20 token,
        IJobEscrow escrow,
        uint256 count,
        uint256[] calldata amounts,
        uint40 deadline,
        string calldata briefCid
    ) external {
        uint256 total;
        for (uint256 i = 0; i < amounts.length; ++i) total += amounts[i];
        token.forceApprove(address(escrow), total * count);
        for (uint256 i = 0; i < count; ++i) escrow.postJob(briefCid, amounts, deadline);
    }

    /// @notice Submits every claim, as a relayer would, one after the other.
    function claims(
        IProofOfKnowledge pok,
        IProofOfKnowledge.Completion[] calldata completions,
        bytes[] calldata signatures
    ) external {
        for (uint256 i = 0; i < completions.length; ++i) pok.claim(completions[i], signatures[i]);
    }
}
