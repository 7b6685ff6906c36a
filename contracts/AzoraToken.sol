// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Capped} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Capped.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {IERC6372} from "@openzeppelin/contracts/interfaces/IERC6372.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";
import {IAzoraToken} from "./interfaces/IAzoraToken.sol";

/// @title Azora (AZR)
/// @notice The Azora token: ERC-20 with EIP-2612 permit and ERC-5805 votes on a timestamp
/// clock (ERC-6372), so voting behaves the same on L1 and on L2s with irregular blocks.
/// Supply is hard-capped at deploy. Only holders of MINTER_ROLE (the mining contract) mint;
/// DEFAULT_ADMIN_ROLE manages roles and is handed to governance's Timelock.
contract AzoraToken is ERC20, ERC20Permit, ERC20Votes, ERC20Capped, AccessControl, IAzoraToken {
    /// @notice Role allowed to mint new AZR, up to the cap.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @param admin Receives DEFAULT_ADMIN_ROLE (the deployer until governance takes over).
    /// @param cap_ Maximum total supply, in wei of AZR (18 decimals).
    constructor(
        address admin,
        uint256 cap_
    ) ERC20("Azora", "AZR") ERC20Permit("Azora") ERC20Capped(cap_) {
        if (admin == address(0)) revert AzoraTokenInvalidAdmin(admin);
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @inheritdoc IAzoraToken
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }

    /// @inheritdoc IERC6372
    function clock() public view override(IERC6372, Votes) returns (uint48) {
        return Time.timestamp();
    }

    /// @inheritdoc IERC6372
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override(IERC6372, Votes) returns (string memory) {
        return "mode=timestamp";
    }

    /// @inheritdoc Nonces
    function nonces(
        address owner
    ) public view override(IERC20Permit, ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(
        address from,
        address to,
        uint256 value
    ) internal override(ERC20, ERC20Votes, ERC20Capped) {
        super._update(from, to, value);
    }
}
