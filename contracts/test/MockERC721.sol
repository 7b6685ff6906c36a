// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721Burnable} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721Burnable.sol";
import {IMockMintable, MockMintable} from "./MockMintable.sol";

/// @title MockERC721 (benchmark only)
/// @notice A stock OpenZeppelin ERC-721 with a role-gated mint (no receiver check, like
/// AzoraCredential's) and holder burn: the NFT baseline of the mining gas benchmark.
contract MockERC721 is ERC721, ERC721Burnable, MockMintable {
    /// @param admin Receives DEFAULT_ADMIN_ROLE and MINTER_ROLE.
    constructor(address admin) ERC721("Mock NFT", "MNFT") MockMintable(admin) {}

    /// @inheritdoc ERC721
    function supportsInterface(
        bytes4 interfaceId
    ) public view override(ERC721, AccessControl) returns (bool) {
        return super.supportsInterface(interfaceId);
    }

    /// @inheritdoc IMockMintable
    function mint(address to, uint256 id) external onlyRole(MINTER_ROLE) {
        _mint(to, id);
    }
}
