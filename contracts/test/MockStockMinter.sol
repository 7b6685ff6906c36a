// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IMockMintable} from "./MockMintable.sol";

/// @title MockStockMinter (benchmark only)
/// @notice The work of a mining claim done with stock OpenZeppelin parts and nothing else, in
/// one transaction like a claim: ERC-20 mint to the learner, ERC-20 mint to the fund, ERC-721
/// mint to the learner. No signature, course, limit or budget check, no event of its own.
contract MockStockMinter {
    /// @notice The stock ERC-20.
    IMockMintable public immutable TOKEN;
    /// @notice The stock ERC-721.
    IMockMintable public immutable NFT;

    /// @param token_ A stock ERC-20 that grants this contract its MINTER_ROLE.
    /// @param nft_ A stock ERC-721 that grants this contract its MINTER_ROLE.
    constructor(IMockMintable token_, IMockMintable nft_) {
        TOKEN = token_;
        NFT = nft_;
    }

    /// @notice Mints `learnerShare` and NFT `id` to `learner` and `fundShare` to `fund`.
    function mintAll(
        address learner,
        uint256 learnerShare,
        address fund,
        uint256 fundShare,
        uint256 id
    ) external {
        TOKEN.mint(learner, learnerShare);
        TOKEN.mint(fund, fundShare);
        NFT.mint(learner, id);
    }
}
