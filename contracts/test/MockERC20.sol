// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IMockMintable, MockMintable} from "./MockMintable.sol";

/// @title MockERC20 (benchmark only)
/// @notice A plain OpenZeppelin ERC-20 with a role-gated mint, the cheapest stock token: the
/// "plain" baseline of the mining gas benchmark.
contract MockERC20 is ERC20, MockMintable {
    /// @param admin Receives DEFAULT_ADMIN_ROLE and MINTER_ROLE.
    constructor(address admin) ERC20("Mock", "MCK") MockMintable(admin) {}

    /// @inheritdoc IMockMintable
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }
}
