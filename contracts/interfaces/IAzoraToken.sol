// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";

/// @title Azora (AZR)
/// @notice ERC-20 with EIP-2612 permit and ERC-5805 votes on a timestamp clock (ERC-6372),
/// hard-capped, minted only by MINTER_ROLE (ProofOfKnowledge). Its total supply of votes
/// (`getPastTotalSupply`, which the Governor's quorum uses) is the votable supply: AZR delegated
/// to someone. See docs/security.md (finding 8).
interface IAzoraToken is IERC20, IERC20Permit, IERC5805 {
    /// @notice The admin given at deploy is the zero address.
    error AzoraTokenInvalidAdmin(address admin);

    /// @notice Mints `amount` AZR to `to`; only MINTER_ROLE, up to the cap (`ERC20ExceededCap`).
    function mint(address to, uint256 amount) external;

    /// @notice AZR delegated to someone now: the only AZR that can vote.
    function votableSupply() external view returns (uint256);
}
