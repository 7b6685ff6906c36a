// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {IAzoraCredential} from "./interfaces/IAzoraCredential.sol";
import {IAzoraToken} from "./interfaces/IAzoraToken.sol";
import {ICitadelFund} from "./interfaces/ICitadelFund.sol";
import {IProofOfKnowledge} from "./interfaces/IProofOfKnowledge.sol";
import {IVerifierRegistry} from "./interfaces/IVerifierRegistry.sol";
import {MetadataText} from "./libraries/MetadataText.sol";
import {ProtocolFee} from "./libraries/ProtocolFee.sol";

/// @title ProofOfKnowledge
/// @notice Course registry and learn-to-earn mining of AZR (see IProofOfKnowledge). Holds AZR's
/// MINTER_ROLE and AzoraCredential's MINTER_ROLE, and is the credential's verifier registry.
/// @dev Roles: DEFAULT_ADMIN_ROLE (governance) sets the emission schedule, appoints, renews and
/// removes the others, re-enables verifiers and unpauses claims; CURATOR_ROLE manages courses and
/// verifier limits; GUARDIAN_ROLE (always for a term of at most `MAX_GUARDIAN_TERM`) pauses claims
/// and disables verifiers. Any role may be granted for a term (`grantRoleUntil`): past it the
/// holder keeps the role in AccessControl's books but none of its powers. A claim reads four
/// storage slots (the course's two, the verifier's, the epoch cursor, which also holds the pause)
/// and writes two (the verifier's and the cursor).
contract ProofOfKnowledge is IProofOfKnowledge, AccessControl, EIP712 {
    /// @notice Role that registers and updates courses and sets verifier limits.
    bytes32 public constant CURATOR_ROLE = keccak256("CURATOR_ROLE");
    /// @notice Role that pauses claims and disables verifiers, for a term.
    bytes32 public constant GUARDIAN_ROLE = keccak256("GUARDIAN_ROLE");
    /// @notice The longest term a guardian is appointed or renewed for: a year.
    uint256 public constant MAX_GUARDIAN_TERM = 365 days;
    /// @notice EIP-712 type hash of `Completion`.
    bytes32 public constant COMPLETION_TYPEHASH = keccak256(
        "Completion(address learner,uint256 courseId,uint16 score,uint64 deadline)"
    );
    /// @notice Scores are basis points: 10000 is 100%.
    uint16 public constant MAX_SCORE = 10_000;
    /// @notice The longest course title, in bytes: what a wallet shows of a credential's name.
    uint256 public constant MAX_TITLE_LENGTH = 64;

    /// @dev The epoch claims count against, when it ends, what is left of its budget, and whether
    /// claims are paused: the only emission state a claim reads, except the first claim after
    /// `endsAt`, which moves the cursor to the current epoch from the schedule.
    struct EpochCursor {
        uint64 epoch;
        uint40 endsAt;
        uint96 remaining;
        bool claimsPaused;
    }

    IAzoraToken private immutable AZR;
    IAzoraCredential private immutable CREDENTIAL;
    ICitadelFund private immutable CITADEL_FUND;

    uint256 private _courseCount;
    mapping(uint256 courseId => Course) private _courses;
    mapping(address verifier => VerifierState) private _verifiers;
    EmissionSchedule private _schedule;
    EpochCursor private _cursor;
    mapping(bytes32 role => mapping(address account => uint40 endsAt)) private _roleTerms;

    /// @dev Only holders of `role` within their term.
    modifier onlyRoleInTerm(bytes32 role) {
        _checkRoleInTerm(role);
        _;
    }

    /// @param admin Receives DEFAULT_ADMIN_ROLE and CURATOR_ROLE (the deployer until governance
    /// takes over).
    /// @param token_ AzoraToken, which must grant this contract MINTER_ROLE.
    /// @param credential_ AzoraCredential, which must grant this contract MINTER_ROLE.
    /// @param citadelFund_ CitadelFund, which must register this contract as its Mining source.
    /// @param epochLength Seconds per emission epoch.
    /// @param initialBudget AZR (wei) mintable per epoch until the first halving.
    /// @param halvingInterval Epochs between two halvings of the budget.
    constructor(
        address admin,
        IAzoraToken token_,
        IAzoraCredential credential_,
        ICitadelFund citadelFund_,
        uint32 epochLength,
        uint96 initialBudget,
        uint16 halvingInterval
    ) EIP712("Azora ProofOfKnowledge", "1") {
        AZR = token_;
        CREDENTIAL = credential_;
        CITADEL_FUND = citadelFund_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(CURATOR_ROLE, admin);
        _startSchedule(0, epochLength, initialBudget, halvingInterval);
    }

    // ---------------------------------------------------------------- mining

    /// @inheritdoc IProofOfKnowledge
    function claim(
        Completion calldata completion,
        bytes calldata signature
    ) external returns (uint256 credentialId) {
        EpochCursor memory cursor = _currentCursor();
        if (cursor.claimsPaused) revert ProofOfKnowledgeClaimsPaused();
        (address verifier, uint256 reward, uint32 validity) = _checkCompletion(
            completion,
            signature
        );
        uint64 epoch = _countAgainstLimits(verifier, reward, cursor);

        address learner = completion.learner;
        uint256 courseId = completion.courseId;
        // An active course has an id at most `_courseCount`, far below 2^96; validity is at most
        // 2^32 seconds, so the expiry fits uint40 until the year 36812 minus 136.
        credentialId = CREDENTIAL.mint(
            learner,
            uint96(courseId),
            verifier,
            completion.score,
            validity == 0 ? 0 : uint40(block.timestamp + validity)
        );
        (uint256 learnerShare, uint256 citadelShare) = ProtocolFee.split(reward);
        AZR.mint(learner, learnerShare);
        AZR.mint(address(CITADEL_FUND), citadelShare);
        // The fund's bookkeeping never blocks a payout (see JobEscrow's `_pay`).
        try CITADEL_FUND.recordInflow(address(AZR), citadelShare) {} catch {} // solhint-disable-line no-empty-blocks
        emit Claimed(
            learner,
            courseId,
            credentialId,
            verifier,
            reward,
            learnerShare,
            citadelShare,
            epoch
        );
    }

    // ---------------------------------------------------------------- courses

    /// @inheritdoc IProofOfKnowledge
    function registerCourse(
        CourseSettings calldata settings
    ) external onlyRoleInTerm(CURATOR_ROLE) returns (uint256 courseId) {
        courseId = ++_courseCount;
        Course storage course_ = _courses[courseId];
        _setCourse(course_, settings);
        course_.active = true;
        emit CourseRegistered(courseId, settings.verifier, settings);
    }

    /// @inheritdoc IProofOfKnowledge
    function updateCourse(
        uint256 courseId,
        CourseSettings calldata settings
    ) external onlyRoleInTerm(CURATOR_ROLE) {
        _setCourse(_existingCourse(courseId), settings);
        emit CourseUpdated(courseId, settings.verifier, settings);
    }

    /// @inheritdoc IProofOfKnowledge
    function setCourseActive(uint256 courseId, bool active) external onlyRoleInTerm(CURATOR_ROLE) {
        _existingCourse(courseId).active = active;
        if (active) emit CourseActivated(courseId);
        else emit CourseDeactivated(courseId);
    }

    // ---------------------------------------------------------------- verifiers

    /// @inheritdoc IProofOfKnowledge
    function setVerifierLimit(
        address verifier,
        uint32 claimLimit
    ) external onlyRoleInTerm(CURATOR_ROLE) {
        _verifiers[verifier].claimLimit = claimLimit;
        emit VerifierLimitSet(verifier, claimLimit);
    }

    /// @inheritdoc IProofOfKnowledge
    function disableVerifier(address verifier) external {
        if (msg.sender != verifier && !_isGuardian(msg.sender)) {
            revert ProofOfKnowledgeUnauthorizedDisable(msg.sender, verifier);
        }
        VerifierState storage state = _verifiers[verifier];
        // Nothing a disabled verifier's key sends is accepted, not even a second disable.
        if (state.disabled) revert ProofOfKnowledgeVerifierDisabled(verifier);
        state.disabled = true;
        emit VerifierDisabled(verifier, msg.sender);
    }

    /// @inheritdoc IProofOfKnowledge
    function enableVerifier(address verifier) external onlyRole(DEFAULT_ADMIN_ROLE) {
        VerifierState storage state = _verifiers[verifier];
        if (!state.disabled) revert ProofOfKnowledgeVerifierNotDisabled(verifier);
        state.disabled = false;
        emit VerifierEnabled(verifier);
    }

    // ---------------------------------------------------------------- emergencies and terms

    /// @inheritdoc IProofOfKnowledge
    function pauseClaims() external {
        if (!_isGuardian(msg.sender)) {
            revert AccessControlUnauthorizedAccount(msg.sender, GUARDIAN_ROLE);
        }
        if (_cursor.claimsPaused) revert ProofOfKnowledgeClaimsPaused();
        _cursor.claimsPaused = true;
        emit ClaimsPaused(msg.sender);
    }

    /// @inheritdoc IProofOfKnowledge
    function unpauseClaims() external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (!_cursor.claimsPaused) revert ProofOfKnowledgeClaimsNotPaused();
        _cursor.claimsPaused = false;
        emit ClaimsUnpaused(msg.sender);
    }

    /// @inheritdoc IProofOfKnowledge
    function grantRoleUntil(
        bytes32 role,
        address account,
        uint40 endsAt
    ) external onlyRole(getRoleAdmin(role)) {
        if (
            endsAt <= block.timestamp ||
            (role == GUARDIAN_ROLE && endsAt > block.timestamp + MAX_GUARDIAN_TERM)
        ) revert ProofOfKnowledgeInvalidTerm(role, endsAt);
        _roleTerms[role][account] = endsAt;
        emit RoleTermSet(role, account, msg.sender, endsAt);
        _grantRole(role, account);
    }

    /// @notice Grants `role` for good (no term): any role but GUARDIAN_ROLE, which needs a term.
    /// @dev Clears a term `account` held `role` for.
    function grantRole(bytes32 role, address account) public override onlyRole(getRoleAdmin(role)) {
        if (role == GUARDIAN_ROLE) revert ProofOfKnowledgeTermRequired(role);
        if (_roleTerms[role][account] != 0) {
            delete _roleTerms[role][account];
            emit RoleTermSet(role, account, msg.sender, 0);
        }
        _grantRole(role, account);
    }

    /// @inheritdoc IProofOfKnowledge
    function roleTermOf(bytes32 role, address account) external view returns (uint40) {
        return _roleTerms[role][account];
    }

    /// @inheritdoc IProofOfKnowledge
    function claimsPaused() external view returns (bool) {
        return _cursor.claimsPaused;
    }

    // ---------------------------------------------------------------- emission

    /// @inheritdoc IProofOfKnowledge
    function setEmissionSchedule(
        uint32 epochLength,
        uint96 initialBudget,
        uint16 halvingInterval
    ) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _startSchedule(_currentCursor().epoch + 1, epochLength, initialBudget, halvingInterval);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IProofOfKnowledge
    function completionDigest(Completion calldata completion) external view returns (bytes32) {
        return _hashCompletion(completion);
    }

    /// @inheritdoc IProofOfKnowledge
    function course(uint256 courseId) external view returns (Course memory) {
        return _courses[courseId];
    }

    /// @inheritdoc IProofOfKnowledge
    function courseCount() external view returns (uint256) {
        return _courseCount;
    }

    /// @inheritdoc IProofOfKnowledge
    function verifierOf(uint256 courseId) external view returns (address) {
        return _courses[courseId].verifier;
    }

    /// @inheritdoc IProofOfKnowledge
    function rewardOf(uint256 courseId) external view returns (uint256) {
        return _courses[courseId].reward;
    }

    /// @inheritdoc IProofOfKnowledge
    function verifierStatus(
        address verifier
    ) external view returns (uint32 claimLimit, uint32 claimsThisEpoch, bool disabled) {
        VerifierState memory state = _verifiers[verifier];
        return (
            state.claimLimit,
            state.epoch == _currentCursor().epoch ? state.claims : 0,
            state.disabled
        );
    }

    /// @inheritdoc IVerifierRegistry
    function isVerifierDisabled(address verifier) external view returns (bool) {
        return _verifiers[verifier].disabled;
    }

    /// @inheritdoc IVerifierRegistry
    function courseTitle(uint256 courseId) external view returns (string memory) {
        return _courses[courseId].title;
    }

    /// @inheritdoc IProofOfKnowledge
    function emissionSchedule() external view returns (EmissionSchedule memory) {
        return _schedule;
    }

    /// @inheritdoc IProofOfKnowledge
    function epochStatus()
        external
        view
        returns (uint64 epoch, uint256 budget, uint256 minted, uint256 startsAt, uint256 endsAt)
    {
        EmissionSchedule memory schedule = _schedule;
        EpochCursor memory cursor = _currentCursor();
        epoch = cursor.epoch;
        budget = _budgetOf(schedule, epoch);
        minted = budget - cursor.remaining;
        startsAt = _epochStart(schedule, epoch);
        endsAt = cursor.endsAt;
    }

    /// @inheritdoc IProofOfKnowledge
    function token() external view returns (address) {
        return address(AZR);
    }

    /// @inheritdoc IProofOfKnowledge
    function credential() external view returns (address) {
        return address(CREDENTIAL);
    }

    /// @inheritdoc IProofOfKnowledge
    function citadelFund() external view returns (address) {
        return address(CITADEL_FUND);
    }

    // ---------------------------------------------------------------- private

    /// @dev Clears the term of a role taken away, so a later grant starts afresh.
    function _revokeRole(bytes32 role, address account) internal override returns (bool revoked) {
        revoked = super._revokeRole(role, account);
        if (revoked && _roleTerms[role][account] != 0) {
            delete _roleTerms[role][account];
            emit RoleTermSet(role, account, msg.sender, 0);
        }
    }

    /// @dev Reverts unless `msg.sender` holds `role` and its term, if any, has not ended.
    function _checkRoleInTerm(bytes32 role) private view {
        _checkRole(role);
        _checkTerm(role, msg.sender);
    }

    function _checkTerm(bytes32 role, address account) private view {
        uint40 endsAt = _roleTerms[role][account];
        if (endsAt != 0 && block.timestamp > endsAt) {
            revert ProofOfKnowledgeRoleTermEnded(role, account, endsAt);
        }
    }

    /// @dev Governance, or a guardian within its term (a guardian past it reverts, saying so).
    function _isGuardian(address account) private view returns (bool) {
        if (hasRole(DEFAULT_ADMIN_ROLE, account)) return true;
        if (!hasRole(GUARDIAN_ROLE, account)) return false;
        _checkTerm(GUARDIAN_ROLE, account);
        return true;
    }

    /// @dev Checks a completion against its course and returns what the claim needs of the
    /// course: its verifier, reward and credential validity.
    function _checkCompletion(
        Completion calldata completion,
        bytes calldata signature
    ) private view returns (address verifier, uint256 reward, uint32 validity) {
        uint256 courseId = completion.courseId;
        Course storage course_ = _courses[courseId];
        (verifier, reward) = (course_.verifier, course_.reward);
        (uint16 minScore, bool active) = (course_.minScore, course_.active);
        validity = course_.validity;

        if (!active) revert ProofOfKnowledgeCourseInactive(courseId);
        if (block.timestamp > completion.deadline) {
            revert ProofOfKnowledgeVoucherExpired(completion.deadline, block.timestamp);
        }
        uint16 score = completion.score;
        if (score > MAX_SCORE) revert ProofOfKnowledgeInvalidScore(score);
        if (score < minScore) revert ProofOfKnowledgeScoreTooLow(courseId, score, minScore);
        bytes32 digest = _hashCompletion(completion);
        if (!SignatureChecker.isValidSignatureNowCalldata(verifier, digest, signature)) {
            revert ProofOfKnowledgeInvalidSignature(courseId, verifier);
        }
    }

    /// @dev Counts a claim of `reward` signed by `verifier` against the verifier's limit and the
    /// epoch's budget, and returns the epoch.
    function _countAgainstLimits(
        address verifier,
        uint256 reward,
        EpochCursor memory cursor
    ) private returns (uint64 epoch) {
        epoch = cursor.epoch;

        VerifierState memory state = _verifiers[verifier];
        if (state.disabled) revert ProofOfKnowledgeVerifierDisabled(verifier);
        uint32 claims = state.epoch == epoch ? state.claims : 0;
        if (claims >= state.claimLimit) {
            revert ProofOfKnowledgeVerifierLimitReached(verifier, epoch, state.claimLimit);
        }
        if (reward > cursor.remaining) {
            revert ProofOfKnowledgeEpochBudgetExceeded(
                epoch,
                cursor.remaining,
                reward,
                cursor.endsAt
            );
        }

        // claims < claimLimit <= type(uint32).max, and reward <= remaining.
        unchecked {
            _verifiers[verifier] = VerifierState({
                claimLimit: state.claimLimit,
                epoch: epoch,
                claims: claims + 1,
                disabled: false
            });
            _cursor = EpochCursor({
                epoch: epoch,
                endsAt: cursor.endsAt,
                remaining: uint96(cursor.remaining - reward),
                claimsPaused: false
            });
        }
    }

    /// @dev The cursor of the current epoch: the stored one while its epoch lasts, else a fresh
    /// one (full budget) computed from the schedule.
    function _currentCursor() private view returns (EpochCursor memory cursor) {
        cursor = _cursor;
        if (block.timestamp < cursor.endsAt) return cursor;
        EmissionSchedule memory schedule = _schedule;
        uint64 epoch = _epochAt(schedule, block.timestamp);
        // Epoch starts and budgets of a uint40-based schedule fit uint40 and uint96.
        cursor = EpochCursor({
            epoch: epoch,
            endsAt: uint40(_epochStart(schedule, epoch + 1)),
            remaining: uint96(_budgetOf(schedule, epoch)),
            claimsPaused: cursor.claimsPaused
        });
    }

    function _hashCompletion(Completion calldata completion) private view returns (bytes32) {
        return
            _hashTypedDataV4(
                keccak256(
                    abi.encode(
                        COMPLETION_TYPEHASH,
                        completion.learner,
                        completion.courseId,
                        completion.score,
                        completion.deadline
                    )
                )
            );
    }

    function _setCourse(Course storage course_, CourseSettings calldata settings) private {
        _checkTitle(settings.title);
        address verifier = settings.verifier;
        if (verifier == address(0) || _verifiers[verifier].disabled) {
            revert ProofOfKnowledgeInvalidVerifier(verifier);
        }
        uint96 reward = settings.reward;
        if (reward == 0) revert ProofOfKnowledgeInvalidReward(reward);
        uint16 minScore = settings.minScore;
        if (minScore > MAX_SCORE) revert ProofOfKnowledgeInvalidScore(minScore);
        course_.verifier = verifier;
        course_.reward = reward;
        course_.minScore = minScore;
        course_.validity = settings.validity;
        course_.contentCid = settings.contentCid;
        course_.title = settings.title;
    }

    /// @dev AzoraCredential writes the title into JSON and SVG as it is: whatever would need
    /// escaping there (`MetadataText`) is refused here instead.
    function _checkTitle(string calldata title) private pure {
        bytes calldata text = bytes(title);
        if (text.length == 0 || text.length > MAX_TITLE_LENGTH) {
            revert ProofOfKnowledgeInvalidCourseTitle(title);
        }
        for (uint256 i = 0; i < text.length; ++i) {
            if (!MetadataText.isPlain(text[i])) revert ProofOfKnowledgeInvalidCourseTitle(title);
        }
    }

    function _existingCourse(uint256 courseId) private view returns (Course storage course_) {
        course_ = _courses[courseId];
        // Every registered course has a verifier.
        if (course_.verifier == address(0)) revert ProofOfKnowledgeCourseNotFound(courseId);
    }

    function _startSchedule(
        uint64 firstEpoch,
        uint32 epochLength,
        uint96 initialBudget,
        uint16 halvingInterval
    ) private {
        if (epochLength == 0 || halvingInterval == 0) {
            revert ProofOfKnowledgeInvalidSchedule(epochLength, halvingInterval);
        }
        // uint40 seconds last until the year 36812.
        uint40 startedAt = uint40(block.timestamp);
        _schedule = EmissionSchedule({
            startedAt: startedAt,
            epochLength: epochLength,
            halvingInterval: halvingInterval,
            firstEpoch: firstEpoch,
            initialBudget: initialBudget
        });
        _cursor = EpochCursor({
            epoch: firstEpoch,
            endsAt: startedAt + epochLength,
            remaining: initialBudget,
            claimsPaused: _cursor.claimsPaused
        });
        emit EmissionScheduleSet(
            firstEpoch,
            startedAt,
            epochLength,
            initialBudget,
            halvingInterval
        );
    }

    /// @dev The epoch at time `t` (`t` is never before the schedule started: it started in the past).
    function _epochAt(EmissionSchedule memory schedule, uint256 t) private pure returns (uint64) {
        // Even one-second epochs number fewer than 2^64 before the year 36812.
        return uint64(schedule.firstEpoch + (t - schedule.startedAt) / schedule.epochLength);
    }

    function _epochStart(
        EmissionSchedule memory schedule,
        uint64 epoch
    ) private pure returns (uint256) {
        return schedule.startedAt + uint256(epoch - schedule.firstEpoch) * schedule.epochLength;
    }

    /// @dev `initialBudget` halved once per `halvingInterval` epochs since the schedule started
    /// (a shift of 96 or more gives 0).
    function _budgetOf(
        EmissionSchedule memory schedule,
        uint64 epoch
    ) private pure returns (uint256) {
        return
            uint256(schedule.initialBudget) >>
            ((epoch - schedule.firstEpoch) / schedule.halvingInterval);
    }
}
