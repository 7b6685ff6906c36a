// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ERC-5192: Minimal Soulbound NFTs
/// @notice See https://eips.ethereum.org/EIPS/eip-5192. The interface id is `0xb45a3c0e`.
interface IERC5192 {
    /// @notice Emitted when the locking status is changed to locked.
    /// @dev If a token is minted and the status is locked, this event should be emitted.
    /// @param tokenId The identifier for a token.
    event Locked(uint256 tokenId);

    /// @notice Emitted when the locking status is changed to unlocked.
    /// @param tokenId The identifier for a token.
    event Unlocked(uint256 tokenId);

    /// @notice Returns the locking status of a soulbound token.
    /// @dev Throws for a token that does not exist.
    /// @param tokenId The identifier for a token.
    /// @return True when the token cannot be transferred.
    function locked(uint256 tokenId) external view returns (bool);
}
