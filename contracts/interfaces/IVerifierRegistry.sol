// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title The registry of course verifiers and courses, as AzoraCredential sees it
/// @notice ProofOfKnowledge answers it. A verifier is disabled when its key may be stolen: from
/// then on nothing signed or sent with that key is accepted, revocations included. A credential's
/// metadata names its course by the title kept here.
interface IVerifierRegistry {
    /// @notice Whether `verifier` is disabled (by a guardian or by itself).
    /// @param verifier A course verifier (an EOA or an ERC-1271 contract).
    /// @return True while the verifier is disabled.
    function isVerifierDisabled(address verifier) external view returns (bool);

    /// @notice The title of course `courseId`: 1 to 64 bytes with no `"`, `\`, `<`, `>`, `&` or
    /// control byte, so it goes into JSON and SVG as it is (empty if the course does not exist).
    /// @param courseId A course id.
    /// @return The course's title.
    function courseTitle(uint256 courseId) external view returns (string memory);
}
