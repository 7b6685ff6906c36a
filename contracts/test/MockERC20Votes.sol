// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {IERC6372} from "@openzeppelin/contracts/interfaces/IERC6372.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";
import {IMockMintable, MockMintable} from "./MockMintable.sol";

/// @title MockERC20Votes (benchmark only)
/// @notice A stock OpenZeppelin ERC-20 with permit and votes on a timestamp clock and a
/// role-gated mint: what AZR is made of, without the cap. The like-for-like baseline of the
/// mining gas benchmark (every mint of a votes token writes a total-supply checkpoint).
contract MockERC20Votes is ERC20, ERC20Permit, ERC20Votes, MockMintable {
    /// @param admin Receives DEFAULT_ADMIN_ROLE and MINTER_ROLE.
    constructor(
        address admin
    ) ERC20("Mock Votes", "MCKV") ERC20Permit("Mock Votes") MockMintable(admin) {}

    /// @inheritdoc IERC6372
    function clock() public view override returns (uint48) {
        return Time.timestamp();
    }

    /// @inheritdoc IERC6372
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    /// @inheritdoc Nonces
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    /// @inheritdoc IMockMintable
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }
}
