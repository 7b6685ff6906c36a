// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {IERC5192} from "./IERC5192.sol";

/// @title AzoraCredential: soulbound proof that a learner passed a course
/// @notice ERC-721 "Azora Credential" (AZC), locked for ever (ERC-5192), with ERC-4906 metadata
/// events. Its id is `uint256(uint160(learner)) << 96 | courseId`: one credential per learner and
/// course, ever. Anyone checks one with `isValid`. A revocation is undone only by governance
/// (`reinstate`), and stays on record after a burn. See docs/security.md (finding 4).
interface IAzoraCredential is IERC721Metadata, IERC4906, IERC5192 {
    /// @notice Emitted when a credential is issued (with the ERC-721 `Transfer` and ERC-5192 `Locked`).
    /// @param id The credential id.
    /// @param learner Its holder.
    /// @param courseId The course passed.
    /// @param issuer The verifier that signed the completion.
    /// @param expiresAt When it stops being valid (0 = never).
    /// @param score The score, in basis points (10000 = 100%).
    event Issued(
        uint256 indexed id,
        address indexed learner,
        uint256 indexed courseId,
        address issuer,
        uint40 expiresAt,
        uint16 score
    );

    /// @notice A credential was revoked by its issuer or REVOKER_ROLE (with ERC-4906 `MetadataUpdate`).
    event Revoked(uint256 indexed id, address indexed revoker, string reason);

    /// @notice Governance undid a credential's revocation (with ERC-4906 `MetadataUpdate`).
    event Reinstated(uint256 indexed id, address indexed by, string reason);

    /// @notice Governance set the public app's base URL, where each credential's page is
    /// `<baseUrl>/credentials/<id>` (the metadata's `external_url`; empty: none). With ERC-4906
    /// `BatchMetadataUpdate` for every id.
    event BaseUrlSet(string baseUrl);

    /// @notice Credentials never move: transfers and approvals of `id` always revert.
    error AzoraCredentialLocked(uint256 id);

    /// @notice Credentials never move: operator approvals always revert.
    error AzoraCredentialOperatorForbidden(address operator);

    /// @notice `learner` already holds, or held and burned, a credential for `courseId`.
    error AzoraCredentialAlreadyIssued(address learner, uint256 courseId);

    /// @notice A credential needs an issuer.
    error AzoraCredentialInvalidIssuer(address issuer);

    /// @notice Only the holder burns a credential.
    error AzoraCredentialNotHolder(uint256 id, address account);

    /// @notice `account` is neither the credential's issuer nor a holder of REVOKER_ROLE.
    error AzoraCredentialUnauthorizedRevoker(address account, address issuer);

    /// @notice The issuer is disabled in ProofOfKnowledge (its key may be stolen): it can no
    /// longer revoke. A guardian revokes its credentials instead, if need be.
    error AzoraCredentialIssuerDisabled(address issuer);

    /// @notice The credential was issued by `issuer`, not by the `expected` issuer of a batch.
    error AzoraCredentialIssuerMismatch(uint256 id, address expected, address issuer);

    /// @notice The credential is already revoked.
    error AzoraCredentialAlreadyRevoked(uint256 id);

    /// @notice The credential is not revoked: there is nothing to reinstate.
    error AzoraCredentialNotRevoked(uint256 id);

    /// @notice A base URL is empty, or `http://` or `https://` and a host, at most
    /// `MAX_BASE_URL_LENGTH` bytes of printable ASCII without `"`, `\`, `<`, `>`, `&`, `?`, `#` or a
    /// trailing `/` (the metadata puts it into JSON as it is and appends the credential's path).
    error AzoraCredentialInvalidBaseUrl(string baseUrl);

    /// @notice Issues the credential for `learner` and `courseId`. Only MINTER_ROLE (ProofOfKnowledge).
    /// @dev Reverts with `AzoraCredentialAlreadyIssued` if one was ever issued for the pair. Emits
    /// `Transfer`, `Locked` and `Issued`.
    /// @param learner The holder.
    /// @param courseId The course (below 2^96).
    /// @param issuer The verifier that signed the completion.
    /// @param score The score, in basis points.
    /// @param expiry When the credential stops being valid (0 = never).
    /// @return id The credential id.
    function mint(
        address learner,
        uint96 courseId,
        address issuer,
        uint16 score,
        uint40 expiry
    ) external returns (uint256 id);

    /// @notice Destroys the caller's own credential. The learner cannot be issued it again.
    /// @param id The credential id.
    function burn(uint256 id) external;

    /// @notice Revokes a credential. Only its issuer, while not disabled in the verifier registry
    /// (ProofOfKnowledge), or REVOKER_ROLE (governance). The token stays, marked revoked, and
    /// `isValid` is false until governance reinstates it.
    /// @dev Reverts with `AzoraCredentialIssuerDisabled` when the issuer is disabled, and with
    /// `AzoraCredentialUnauthorizedRevoker` for anyone else without REVOKER_ROLE.
    /// @param id The credential id.
    /// @param reason Why, in words (kept in the `Revoked` event).
    function revoke(uint256 id, string calldata reason) external;

    /// @notice Revokes credentials that `issuer` issued, in one transaction. Only `issuer` itself
    /// (while not disabled) or REVOKER_ROLE.
    /// @param issuer The issuer of every credential in `ids`.
    /// @param ids The credentials to revoke.
    /// @param reason Why, in words (kept in each `Revoked` event).
    function revokeBatch(address issuer, uint256[] calldata ids, string calldata reason) external;

    /// @notice Undoes a revocation, e.g. one made with a stolen verifier key. Only DEFAULT_ADMIN_ROLE
    /// (governance).
    /// @param id The credential id (existing, not burned).
    /// @param reason Why, in words (kept in the `Reinstated` event).
    function reinstate(uint256 id, string calldata reason) external;

    /// @notice Sets the public app's base URL that the metadata links each credential's page under
    /// (`external_url`), e.g. `https://azora.example`; empty for no link. Only DEFAULT_ADMIN_ROLE
    /// (governance).
    /// @dev Reverts with `AzoraCredentialInvalidBaseUrl` for a URL the metadata could not hold as
    /// it is. Emits `BaseUrlSet` and ERC-4906 `BatchMetadataUpdate(0, type(uint256).max)`.
    /// @param baseUrl The app's origin (and path prefix, if any), without a trailing `/`.
    function setBaseUrl(string calldata baseUrl) external;

    /// @notice The public app's base URL (empty: the metadata has no `external_url`).
    function baseUrl() external view returns (string memory);

    /// @notice The verifier registry (ProofOfKnowledge) asked whether an issuer is disabled, and
    /// for the course titles the metadata shows.
    function verifierRegistry() external view returns (address);

    /// @notice Whether a verifier can rely on the credential now: it exists, is not revoked and
    /// has not expired. False (no revert) for an id that does not exist.
    function isValid(uint256 id) external view returns (bool);

    /// @notice The credential `learner` holds for `courseId`, or 0 if none (never issued, or burned).
    function credentialOf(address learner, uint256 courseId) external view returns (uint256 id);

    /// @notice The course a credential certifies. Reverts for an id that does not exist.
    function courseOf(uint256 id) external view returns (uint256);

    /// @notice The verifier that signed the completion. Reverts for an id that does not exist.
    function issuerOf(uint256 id) external view returns (address);

    /// @notice When the credential was issued (unix seconds). Reverts for an id that does not exist.
    function issuedAt(uint256 id) external view returns (uint40);

    /// @notice When the credential stops being valid (unix seconds, 0 = never). Reverts for an id
    /// that does not exist.
    function expiresAt(uint256 id) external view returns (uint40);

    /// @notice The score, in basis points (10000 = 100%). Reverts for an id that does not exist.
    function scoreOf(uint256 id) external view returns (uint16);

    /// @notice Whether the credential is revoked, burned or not. Reverts for an id never issued.
    function isRevoked(uint256 id) external view returns (bool);
}
