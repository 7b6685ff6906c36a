// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @title MockERC1271Wallet (tests only)
/// @notice A minimal smart-contract wallet, as a verifier organisation would run one: one owner
/// key signs for it (ERC-1271), the owner can rotate that key, and the wallet makes calls on the
/// owner's order.
contract MockERC1271Wallet is IERC1271 {
    address public owner;

    /// @notice Only the owner orders the wallet.
    error WalletUnauthorized(address account);

    /// @notice Emitted when the signing key changes.
    event OwnerChanged(address indexed previousOwner, address indexed newOwner);

    constructor(address owner_) {
        owner = owner_;
    }

    receive() external payable {}

    /// @inheritdoc IERC1271
    function isValidSignature(
        bytes32 hash,
        bytes calldata signature
    ) external view returns (bytes4) {
        (address signer, ECDSA.RecoverError error, ) = ECDSA.tryRecoverCalldata(hash, signature);
        return
            error == ECDSA.RecoverError.NoError && signer == owner
                ? this.isValidSignature.selector
                : bytes4(0xffffffff);
    }

    /// @notice Rotates the signing key: signatures by the former owner stop being valid.
    function setOwner(address newOwner) external {
        if (msg.sender != owner) revert WalletUnauthorized(msg.sender);
        emit OwnerChanged(owner, newOwner);
        owner = newOwner;
    }

    /// @notice Calls `target` with `data` and `value`, on the owner's order.
    function execute(
        address target,
        uint256 value,
        bytes calldata data
    ) external returns (bytes memory) {
        if (msg.sender != owner) revert WalletUnauthorized(msg.sender);
        return Address.functionCallWithValue(target, data, value);
    }
}
