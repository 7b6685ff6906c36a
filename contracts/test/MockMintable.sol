// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @notice The `mint(address,uint256)` of the stock mocks (MockERC20, MockERC20Votes, MockERC721).
interface IMockMintable {
    /// @notice Mints `amountOrId` (an ERC-20 amount or an ERC-721 id) to `to`.
    function mint(address to, uint256 amountOrId) external;
}

/// @title MockMintable (benchmark only)
/// @notice The minter role every stock mock of the mining gas benchmark has: the admin given at
/// deploy holds MINTER_ROLE and grants it to MockStockMinter. Each mock's `mint` calls its own
/// token's `_mint` directly, so the baseline pays no extra internal call.
abstract contract MockMintable is IMockMintable, AccessControl {
    /// @notice Role allowed to mint.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @param admin Receives DEFAULT_ADMIN_ROLE and MINTER_ROLE.
    constructor(address admin) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
    }
}
