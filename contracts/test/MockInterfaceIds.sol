// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC1155Receiver} from "@openzeppelin/contracts/token/ERC1155/IERC1155Receiver.sol";

/// @notice ERC-165 interface ids as Solidity computes them, for tests that check a contract
/// answers `supportsInterface` like the standard it claims (tools such as Tally ask this).
contract MockInterfaceIds {
    function governor() external pure returns (bytes4) {
        return type(IGovernor).interfaceId;
    }

    function erc1155Receiver() external pure returns (bytes4) {
        return type(IERC1155Receiver).interfaceId;
    }
}
