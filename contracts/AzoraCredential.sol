// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IAzoraCredential} from "./interfaces/IAzoraCredential.sol";
import {IERC5192} from "./interfaces/IERC5192.sol";
import {IVerifierRegistry} from "./interfaces/IVerifierRegistry.sol";
import {MetadataText} from "./libraries/MetadataText.sol";

/// @title AzoraCredential (AZC)
/// @notice Soulbound ERC-721 credentials issued by ProofOfKnowledge (see IAzoraCredential).
/// The issuing verifier (while ProofOfKnowledge has not disabled it) or governance (REVOKER_ROLE)
/// revokes; governance (DEFAULT_ADMIN_ROLE) reinstates; the holder burns. Metadata is built on
/// chain.
/// @dev A soulbound token needs none of ERC-721's ownership, approval or receiver machinery, so
/// this implements the ERC-721 interface directly: the owner is part of the id, and everything
/// else about a credential fits one storage slot. Issuing writes that slot and the holder's
/// balance, nothing more.
contract AzoraCredential is IAzoraCredential, IERC721Errors, AccessControl {
    using Strings for uint256;
    using Strings for address;

    /// @notice Role allowed to issue credentials: ProofOfKnowledge.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @notice Role allowed to revoke any credential: governance.
    bytes32 public constant REVOKER_ROLE = keccak256("REVOKER_ROLE");

    /// @notice The longest base URL, in bytes.
    uint256 public constant MAX_BASE_URL_LENGTH = 128;

    bytes4 private constant ERC4906_INTERFACE_ID = 0x49064906;
    uint256 private constant COURSE_BITS = 96;
    uint256 private constant COURSE_MASK = (1 << COURSE_BITS) - 1;

    /// @dev One slot per credential. `issuer` is zero once burned (or if never issued), while
    /// `issuedAt` stays: a nonzero `issuedAt` means "was issued", so a burned credential can never
    /// be issued again.
    struct Record {
        address issuer;
        uint40 issuedAt;
        uint40 expiresAt;
        uint16 score;
    }

    IVerifierRegistry private immutable VERIFIERS;

    mapping(uint256 id => Record) private _records;
    mapping(uint256 id => bool) private _revoked;
    mapping(address holder => uint256) private _balances;
    string private _baseUrl;

    /// @param admin Receives DEFAULT_ADMIN_ROLE and REVOKER_ROLE (the deployer until governance
    /// takes over); MINTER_ROLE is granted to ProofOfKnowledge by the admin.
    /// @param verifiers The registry that says whether an issuer is disabled: ProofOfKnowledge.
    /// It is deployed after this contract (it needs this address), so the deploy passes the
    /// address it will have and checks it afterwards.
    constructor(address admin, IVerifierRegistry verifiers) {
        VERIFIERS = verifiers;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(REVOKER_ROLE, admin);
    }

    // ---------------------------------------------------------------- issue, burn, revoke

    /// @inheritdoc IAzoraCredential
    function mint(
        address learner,
        uint96 courseId,
        address issuer,
        uint16 score,
        uint40 expiry
    ) external onlyRole(MINTER_ROLE) returns (uint256 id) {
        if (learner == address(0)) revert ERC721InvalidReceiver(learner);
        if (issuer == address(0)) revert AzoraCredentialInvalidIssuer(issuer);
        id = (uint256(uint160(learner)) << COURSE_BITS) | courseId;
        Record storage record = _records[id];
        if (record.issuedAt != 0) revert AzoraCredentialAlreadyIssued(learner, courseId);
        // uint40 seconds last until the year 36812.
        _records[id] = Record({
            issuer: issuer,
            issuedAt: uint40(block.timestamp),
            expiresAt: expiry,
            score: score
        });
        // A holder's balance is bounded by the number of courses, far below 2^256.
        unchecked {
            ++_balances[learner];
        }
        emit Transfer(address(0), learner, id);
        emit Locked(id);
        emit Issued(id, learner, courseId, issuer, expiry, score);
    }

    /// @inheritdoc IAzoraCredential
    function burn(uint256 id) external {
        address holder = ownerOf(id);
        if (msg.sender != holder) revert AzoraCredentialNotHolder(id, msg.sender);
        // Keep `issuedAt` (the "was issued" mark) and the rest; only the issuer marks existence.
        _records[id].issuer = address(0);
        // The holder owns this credential, so its balance is at least 1.
        unchecked {
            --_balances[holder];
        }
        emit Transfer(holder, address(0), id);
    }

    /// @inheritdoc IAzoraCredential
    function revoke(uint256 id, string calldata reason) external {
        address issuer = _recordOf(id).issuer;
        _checkRevoker(issuer);
        _revoke(id, reason);
    }

    /// @inheritdoc IAzoraCredential
    function revokeBatch(address issuer, uint256[] calldata ids, string calldata reason) external {
        _checkRevoker(issuer);
        for (uint256 i = 0; i < ids.length; ++i) {
            uint256 id = ids[i];
            address actual = _recordOf(id).issuer;
            if (actual != issuer) revert AzoraCredentialIssuerMismatch(id, issuer, actual);
            _revoke(id, reason);
        }
    }

    /// @inheritdoc IAzoraCredential
    function reinstate(uint256 id, string calldata reason) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _recordOf(id);
        if (!_revoked[id]) revert AzoraCredentialNotRevoked(id);
        _revoked[id] = false;
        emit Reinstated(id, msg.sender, reason);
        emit MetadataUpdate(id);
    }

    /// @inheritdoc IAzoraCredential
    function setBaseUrl(string calldata baseUrl_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _checkBaseUrl(baseUrl_);
        _baseUrl = baseUrl_;
        emit BaseUrlSet(baseUrl_);
        emit BatchMetadataUpdate(0, type(uint256).max);
    }

    // ---------------------------------------------------------------- credential views

    /// @inheritdoc IAzoraCredential
    function isValid(uint256 id) external view returns (bool) {
        Record memory record = _records[id];
        return record.issuer != address(0) && !_revoked[id] && !_expired(record);
    }

    /// @inheritdoc IAzoraCredential
    function credentialOf(address learner, uint256 courseId) external view returns (uint256 id) {
        if (courseId > COURSE_MASK) return 0;
        id = (uint256(uint160(learner)) << COURSE_BITS) | courseId;
        if (_records[id].issuer == address(0)) return 0;
    }

    /// @inheritdoc IAzoraCredential
    function courseOf(uint256 id) external view returns (uint256) {
        _recordOf(id);
        return id & COURSE_MASK;
    }

    /// @inheritdoc IAzoraCredential
    function issuerOf(uint256 id) external view returns (address) {
        return _recordOf(id).issuer;
    }

    /// @inheritdoc IAzoraCredential
    function issuedAt(uint256 id) external view returns (uint40) {
        return _recordOf(id).issuedAt;
    }

    /// @inheritdoc IAzoraCredential
    function expiresAt(uint256 id) external view returns (uint40) {
        return _recordOf(id).expiresAt;
    }

    /// @inheritdoc IAzoraCredential
    function scoreOf(uint256 id) external view returns (uint16) {
        return _recordOf(id).score;
    }

    /// @inheritdoc IAzoraCredential
    function isRevoked(uint256 id) external view returns (bool) {
        // A burned credential keeps its record (`issuedAt`), and so its revocation.
        if (_records[id].issuedAt == 0) revert ERC721NonexistentToken(id);
        return _revoked[id];
    }

    /// @inheritdoc IAzoraCredential
    function baseUrl() external view returns (string memory) {
        return _baseUrl;
    }

    /// @inheritdoc IAzoraCredential
    function verifierRegistry() external view returns (address) {
        return address(VERIFIERS);
    }

    /// @inheritdoc IERC5192
    function locked(uint256 id) external view returns (bool) {
        _recordOf(id);
        return true;
    }

    // ---------------------------------------------------------------- ERC-721

    /// @inheritdoc IERC721Metadata
    function name() external pure returns (string memory) {
        return "Azora Credential";
    }

    /// @inheritdoc IERC721Metadata
    function symbol() external pure returns (string memory) {
        return "AZC";
    }

    /// @inheritdoc IERC721
    function balanceOf(address holder) external view returns (uint256) {
        if (holder == address(0)) revert ERC721InvalidOwner(holder);
        return _balances[holder];
    }

    /// @inheritdoc IERC721
    function ownerOf(uint256 id) public view returns (address) {
        _recordOf(id);
        return address(uint160(id >> COURSE_BITS));
    }

    /// @inheritdoc IERC721
    /// @dev Always reverts: credentials are soulbound.
    function safeTransferFrom(address, address, uint256 id, bytes calldata) external pure {
        revert AzoraCredentialLocked(id);
    }

    /// @inheritdoc IERC721
    /// @dev Always reverts: credentials are soulbound.
    function safeTransferFrom(address, address, uint256 id) external pure {
        revert AzoraCredentialLocked(id);
    }

    /// @inheritdoc IERC721
    /// @dev Always reverts: credentials are soulbound.
    function transferFrom(address, address, uint256 id) external pure {
        revert AzoraCredentialLocked(id);
    }

    /// @inheritdoc IERC721
    /// @dev Always reverts: credentials are soulbound.
    function approve(address, uint256 id) external pure {
        revert AzoraCredentialLocked(id);
    }

    /// @inheritdoc IERC721
    /// @dev Always reverts: credentials are soulbound.
    function setApprovalForAll(address operator, bool) external pure {
        revert AzoraCredentialOperatorForbidden(operator);
    }

    /// @inheritdoc IERC721
    /// @dev Nobody is ever approved.
    function getApproved(uint256 id) external view returns (address) {
        _recordOf(id);
        return address(0);
    }

    /// @inheritdoc IERC721
    /// @dev Nobody is ever approved.
    function isApprovedForAll(address, address) external pure returns (bool) {
        return false;
    }

    /// @inheritdoc IERC165
    function supportsInterface(
        bytes4 interfaceId
    ) public view override(AccessControl, IERC165) returns (bool) {
        return
            interfaceId == type(IERC721).interfaceId ||
            interfaceId == type(IERC721Metadata).interfaceId ||
            interfaceId == type(IERC5192).interfaceId ||
            interfaceId == ERC4906_INTERFACE_ID ||
            super.supportsInterface(interfaceId);
    }

    // ---------------------------------------------------------------- private

    function _revoke(uint256 id, string calldata reason) private {
        if (_revoked[id]) revert AzoraCredentialAlreadyRevoked(id);
        _revoked[id] = true;
        emit Revoked(id, msg.sender, reason);
        emit MetadataUpdate(id);
    }

    /// @dev The issuer may revoke while it is enabled in the verifier registry; REVOKER_ROLE
    /// always. Governance's revokes never pay for the registry call.
    function _checkRevoker(address issuer) private view {
        if (msg.sender == issuer) {
            if (VERIFIERS.isVerifierDisabled(issuer)) revert AzoraCredentialIssuerDisabled(issuer);
        } else if (!hasRole(REVOKER_ROLE, msg.sender)) {
            revert AzoraCredentialUnauthorizedRevoker(msg.sender, issuer);
        }
    }

    /// @dev The record of an existing credential; reverts with `ERC721NonexistentToken` otherwise.
    function _recordOf(uint256 id) private view returns (Record memory record) {
        record = _records[id];
        if (record.issuer == address(0)) revert ERC721NonexistentToken(id);
    }

    function _expired(Record memory record) private view returns (bool) {
        return record.expiresAt != 0 && block.timestamp >= record.expiresAt;
    }

    /// @dev The metadata writes the URL into JSON as it is and appends `/credentials/<id>`: only
    /// printable ASCII that needs no escaping (`MetadataText`), and nothing (`?`, `#`, a trailing
    /// `/`) that would break the appended path.
    function _checkBaseUrl(string calldata url) private pure {
        bytes calldata text = bytes(url);
        if (text.length == 0) return;
        uint256 scheme =
            _startsWith(text, "https://")
                ? 8
                : _startsWith(text, "http://")
                    ? 7
                    : 0;
        if (
            scheme == 0 ||
            text.length == scheme ||
            text.length > MAX_BASE_URL_LENGTH ||
            text[text.length - 1] == "/"
        ) revert AzoraCredentialInvalidBaseUrl(url);
        for (uint256 i = scheme; i < text.length; ++i) {
            bytes1 c = text[i];
            // A URL has no space or non-ASCII byte, and a `?` or `#` would swallow the path after it.
            if (c == " " || c >= 0x80 || c == "?" || c == "#" || !MetadataText.isPlain(c)) {
                revert AzoraCredentialInvalidBaseUrl(url);
            }
        }
    }

    function _startsWith(bytes calldata text, bytes memory prefix) private pure returns (bool) {
        return text.length >= prefix.length && keccak256(text[:prefix.length]) == keccak256(prefix);
    }

    // ---------------------------------------------------------------- metadata

    // JSON and SVG are full of double quotes: single-quoted literals keep them readable.
    // solhint-disable quotes

    /// @inheritdoc IERC721Metadata
    /// @dev A `data:` URI holding the JSON metadata, with an SVG badge as its image. The course is
    /// named by its title in the verifier registry (ProofOfKnowledge validates it for JSON and
    /// SVG), or "Course #<id>" for a course the registry does not know.
    function tokenURI(uint256 id) external view returns (string memory) {
        Record memory record = _recordOf(id);
        string memory course = _courseName(id & COURSE_MASK);
        string memory score = _percent(record.score);
        string memory status =
            _revoked[id]
                ? "Revoked"
                : _expired(record)
                    ? "Expired"
                    : "Valid";
        string memory json = string.concat(
            '{"name":"Azora Credential: ',
            course,
            '","description":"A soulbound Azora credential: its holder passed the course ',
            course,
            " with a score of ",
            score,
            ", as signed by the course verifier. Check it on chain with isValid on this contract.",
            '",',
            _externalUrl(id),
            '"image":"data:image/svg+xml;base64,',
            Base64.encode(bytes(_badge(course, score, status))),
            '","attributes":',
            _attributes(record, course, score, status),
            ",",
            _fields(id, record, status),
            "}"
        );
        return string.concat("data:application/json;base64,", Base64.encode(bytes(json)));
    }

    /// @dev The course's title in the registry, or "Course #<id>" where it has none.
    function _courseName(uint256 courseId) private view returns (string memory title) {
        title = VERIFIERS.courseTitle(courseId);
        if (bytes(title).length == 0) title = string.concat("Course #", courseId.toString());
    }

    /// @dev `"external_url":"<base>/credentials/<id>",` (the id in decimal, as the app's route
    /// takes it), or nothing while no base URL is set.
    function _externalUrl(uint256 id) private view returns (string memory) {
        string memory base = _baseUrl;
        if (bytes(base).length == 0) return "";
        return string.concat('"external_url":"', base, "/credentials/", id.toString(), '",');
    }

    /// @dev Basis points as a percentage with two decimals: 9250 -> "92.50%".
    function _percent(uint16 bps) private pure returns (string memory) {
        uint256 cents = bps % 100;
        return
            string.concat(
                uint256(bps / 100).toString(),
                cents < 10 ? ".0" : ".",
                cents.toString(),
                "%"
            );
    }

    function _attributes(
        Record memory record,
        string memory course,
        string memory score,
        string memory status
    ) private pure returns (string memory) {
        string memory expiry =
            record.expiresAt == 0
                ? '{"trait_type":"Expires","value":"Never"}'
                : string.concat(
                    '{"trait_type":"Expires","display_type":"date","value":',
                    uint256(record.expiresAt).toString(),
                    "}"
                );
        return
            string.concat(
                '[{"trait_type":"Course","value":"',
                course,
                '"},{"trait_type":"Score","value":"',
                score,
                '"},{"trait_type":"Issued","display_type":"date","value":',
                uint256(record.issuedAt).toString(),
                "},",
                expiry,
                ',{"trait_type":"Issuer","value":"',
                record.issuer.toChecksumHexString(),
                '"},{"trait_type":"Status","value":"',
                status,
                '"}]'
            );
    }

    /// @dev Machine-readable fields for verifiers: every value `isValid` depends on, and where to check it.
    function _fields(
        uint256 id,
        Record memory record,
        string memory status
    ) private view returns (string memory) {
        return
            string.concat(
                '"learner":"',
                address(uint160(id >> COURSE_BITS)).toChecksumHexString(),
                '","course_id":',
                (id & COURSE_MASK).toString(),
                ',"score_bps":',
                uint256(record.score).toString(),
                ',"issued_at":',
                uint256(record.issuedAt).toString(),
                ',"expires_at":',
                uint256(record.expiresAt).toString(),
                ',"issuer":"',
                record.issuer.toChecksumHexString(),
                '","status":"',
                status,
                '","chain_id":',
                block.chainid.toString(),
                ',"contract":"',
                address(this).toChecksumHexString(),
                '"'
            );
    }

    /// @dev A font size (px) at which `length` bytes of course name fit the badge's 320 px line:
    /// 40 px for up to 14 bytes, down to 8 px for the longest title (a name is never empty).
    function _titleSize(uint256 length) private pure returns (string memory) {
        uint256 size = 560 / length;
        return (size > 40 ? 40 : size).toString();
    }

    function _badge(
        string memory course,
        string memory score,
        string memory status
    ) private pure returns (string memory) {
        return
            string.concat(
                '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400">',
                '<rect width="400" height="400" rx="32" fill="#0b1f3a"/>',
                '<text x="40" y="80" font-family="sans-serif" font-size="28" fill="#f5b942">Azora Credential</text>',
                '<text x="40" y="190" font-family="sans-serif" font-size="',
                _titleSize(bytes(course).length),
                '" fill="#ffffff">',
                course,
                '</text><text x="40" y="260" font-family="sans-serif" font-size="32" fill="#ffffff">Score ',
                score,
                '</text><text x="40" y="340" font-family="sans-serif" font-size="28" fill="#9fb3c8">',
                status,
                "</text></svg>"
            );
    }
}
