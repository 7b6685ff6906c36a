// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title The registry of course verifiers, as AzoraCredential sees it
/// @notice ProofOfKnowledge answers it. A verifier is disabled when its key may be stolen: from
/// then on nothing signed or sent with that key is accepted, revocations included.
interface IVerifierRegistry {
    /// @notice Whether `verifier` is disabled (by a guardian or by itself).
    /// @param verifier A course verifier (an EOA or an ERC-1271 contract).
    /// @return True while the verifier is disabled.
    function isVerifierDisabled(address verifier) external view returns (bool);
}
