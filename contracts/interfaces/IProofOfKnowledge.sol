// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IVerifierRegistry} from "./IVerifierRegistry.sol";

/// @title ProofOfKnowledge: course registry and learn-to-earn mining
/// @notice A claim carries a `Completion` voucher signed with EIP-712 (domain "Azora
/// ProofOfKnowledge", version "1") by the course's verifier, an EOA or an ERC-1271 contract;
/// anyone may submit it. It mints the reward 90/10 to the learner and the CitadelFund
/// (`ProtocolFee`) and a soulbound credential, once per learner and course. Mining is bounded by
/// an epoch budget that halves on a schedule, a claim limit per verifier and epoch, and AZR's cap.
/// Epochs are fixed windows: a limit per epoch allows up to twice the limit within one epoch length
/// that straddles a boundary. A guardian (a term-limited role governance appoints) may pause claims
/// and disable verifiers at once; governance alone undoes either. See docs/security.md.
interface IProofOfKnowledge is IVerifierRegistry {
    /// @notice The voucher a verifier signs (EIP-712 type
    /// `Completion(address learner,uint256 courseId,uint16 score,uint64 deadline)`).
    /// @param learner Who passed, and receives the reward and the credential.
    /// @param courseId The course passed.
    /// @param score The score, in basis points (0 to 10000).
    /// @param deadline Last second (unix time) at which the voucher can be claimed.
    struct Completion {
        address learner;
        uint256 courseId;
        uint16 score;
        uint64 deadline;
    }

    /// @notice A course of the registry.
    /// @param verifier Signs completions: an EOA, or a contract answering ERC-1271.
    /// @param reward AZR (in wei) minted per claim, before the CitadelFund's share.
    /// @param minScore Lowest passing score, in basis points.
    /// @param validity Seconds a credential stays valid after issue (0 = for ever).
    /// @param active Whether claims are accepted.
    /// @param contentCid IPFS CID of the course package.
    /// @param title The course's title, as credentials name it (see `courseTitle`).
    struct Course {
        address verifier;
        uint96 reward;
        uint16 minScore;
        uint32 validity;
        bool active;
        string contentCid;
        string title;
    }

    /// @notice What a curator sets of a course, when registering or updating it.
    /// @param title The course's title, as its credentials name it: 1 to `MAX_TITLE_LENGTH` bytes
    /// without `"`, `\`, `<`, `>`, `&` or a control byte (`ProofOfKnowledgeInvalidCourseTitle`).
    /// @param contentCid IPFS CID of the course package.
    /// @param reward AZR (wei) minted per claim, before the CitadelFund's share (more than zero).
    /// @param verifier Signs completions (nonzero, not disabled).
    /// @param minScore Lowest passing score, in basis points (at most 10000).
    /// @param validity Seconds a credential stays valid after issue (0 = for ever).
    struct CourseSettings {
        string title;
        string contentCid;
        uint96 reward;
        address verifier;
        uint16 minScore;
        uint32 validity;
    }

    /// @notice The emission schedule: epochs of `epochLength` seconds counted from `startedAt`,
    /// numbered on from `firstEpoch`; the budget of an epoch is `initialBudget` halved once per
    /// `halvingInterval` epochs since `firstEpoch`.
    struct EmissionSchedule {
        uint40 startedAt;
        uint32 epochLength;
        uint16 halvingInterval;
        uint64 firstEpoch;
        uint96 initialBudget;
    }

    /// @notice A verifier's claim limit per epoch, its claims counted in `epoch`, and whether it
    /// is disabled.
    struct VerifierState {
        uint32 claimLimit;
        uint64 epoch;
        uint32 claims;
        bool disabled;
    }

    /// @notice Emitted once per successful claim.
    /// @param learner Who passed and was paid.
    /// @param courseId The course.
    /// @param credentialId The credential minted to the learner.
    /// @param verifier The course verifier that signed the completion.
    /// @param reward The whole reward minted, `learnerShare + citadelShare`.
    /// @param learnerShare AZR minted to the learner.
    /// @param citadelShare AZR minted to the CitadelFund.
    /// @param epoch The emission epoch the reward counts against.
    event Claimed(
        address indexed learner,
        uint256 indexed courseId,
        uint256 indexed credentialId,
        address verifier,
        uint256 reward,
        uint256 learnerShare,
        uint256 citadelShare,
        uint64 epoch
    );

    /// @notice Emitted when a course is registered (it starts active), with every setting.
    event CourseRegistered(
        uint256 indexed courseId,
        address indexed verifier,
        CourseSettings settings
    );

    /// @notice Emitted when a course's content, reward, verifier or rules change, with every
    /// setting.
    event CourseUpdated(
        uint256 indexed courseId,
        address indexed verifier,
        CourseSettings settings
    );

    /// @notice Emitted when a course starts accepting claims again.
    event CourseActivated(uint256 indexed courseId);

    /// @notice Emitted when a course stops accepting claims.
    event CourseDeactivated(uint256 indexed courseId);

    /// @notice Emitted when a verifier's claim limit per epoch is set.
    event VerifierLimitSet(address indexed verifier, uint32 claimLimit);

    /// @notice A verifier was disabled, by a guardian, governance or itself.
    event VerifierDisabled(address indexed verifier, address indexed by);

    /// @notice Emitted when governance enables a disabled verifier again.
    event VerifierEnabled(address indexed verifier);

    /// @notice A guardian paused every claim.
    event ClaimsPaused(address indexed by);

    /// @notice Governance let claims resume.
    event ClaimsUnpaused(address indexed by);

    /// @notice `sender` set `account`'s term in `role` to end at `endsAt` (unix seconds), after
    /// which the role gives no power; 0 means no end.
    event RoleTermSet(
        bytes32 indexed role,
        address indexed account,
        address indexed sender,
        uint40 endsAt
    );

    /// @notice Emitted when a new emission schedule starts (at deploy and on every change).
    event EmissionScheduleSet(
        uint64 indexed firstEpoch,
        uint40 startedAt,
        uint32 epochLength,
        uint96 initialBudget,
        uint16 halvingInterval
    );

    /// @notice The course does not exist or does not accept claims.
    error ProofOfKnowledgeCourseInactive(uint256 courseId);

    /// @notice No course has this id.
    error ProofOfKnowledgeCourseNotFound(uint256 courseId);

    /// @notice A course needs a nonzero verifier that is not disabled.
    error ProofOfKnowledgeInvalidVerifier(address verifier);

    /// @notice A course title is 1 to `MAX_TITLE_LENGTH` bytes with no `"`, `\`, `<`, `>`, `&` or
    /// control byte (credentials put it into JSON and SVG as it is).
    error ProofOfKnowledgeInvalidCourseTitle(string title);

    /// @notice A course reward must be more than zero.
    error ProofOfKnowledgeInvalidReward(uint256 reward);

    /// @notice A score is in basis points: at most 10000.
    error ProofOfKnowledgeInvalidScore(uint16 score);

    /// @notice The voucher's `deadline` is before the block `timestamp`.
    error ProofOfKnowledgeVoucherExpired(uint64 deadline, uint256 timestamp);

    /// @notice The voucher's `score` is below the course's `minScore`.
    error ProofOfKnowledgeScoreTooLow(uint256 courseId, uint16 score, uint16 minScore);

    /// @notice The signature is not the course verifier's signature of this completion, on this
    /// chain, for this contract.
    error ProofOfKnowledgeInvalidSignature(uint256 courseId, address verifier);

    /// @notice The verifier is disabled: its completions are not accepted (and it cannot be
    /// disabled twice).
    error ProofOfKnowledgeVerifierDisabled(address verifier);

    /// @notice The verifier has signed `limit` claims in `epoch` already (a limit of 0 means the
    /// curator has not allowed it any claims yet).
    error ProofOfKnowledgeVerifierLimitReached(address verifier, uint64 epoch, uint32 limit);

    /// @notice The epoch's emission budget has `remaining` AZR (wei) left, less than the `needed`
    /// reward. The next epoch, with a fresh budget, starts at `nextEpochAt` (unix seconds).
    error ProofOfKnowledgeEpochBudgetExceeded(
        uint64 epoch,
        uint256 remaining,
        uint256 needed,
        uint256 nextEpochAt
    );

    /// @notice Epochs need a length and halvings an interval.
    error ProofOfKnowledgeInvalidSchedule(uint32 epochLength, uint16 halvingInterval);

    /// @notice Only a guardian, governance or the verifier itself may disable a verifier.
    error ProofOfKnowledgeUnauthorizedDisable(address account, address verifier);

    /// @notice Only a disabled verifier can be enabled.
    error ProofOfKnowledgeVerifierNotDisabled(address verifier);

    /// @notice Claims are paused (until governance unpauses them).
    error ProofOfKnowledgeClaimsPaused();

    /// @notice Claims are not paused.
    error ProofOfKnowledgeClaimsNotPaused();

    /// @notice `account`'s term in `role` ended at `endedAt`: governance renews it or not.
    error ProofOfKnowledgeRoleTermEnded(bytes32 role, address account, uint40 endedAt);

    /// @notice `role` is granted only for a term (`grantRoleUntil`).
    error ProofOfKnowledgeTermRequired(bytes32 role);

    /// @notice A term ends in the future, and a guardian's at most `MAX_GUARDIAN_TERM` from now.
    error ProofOfKnowledgeInvalidTerm(bytes32 role, uint40 endsAt);

    /// @notice Claims `completion`, signed by its course's verifier: the reward 90/10 to the learner
    /// and the CitadelFund, and the credential. Anyone may submit it.
    /// @dev A second claim of the same learner and course reverts in AzoraCredential
    /// (`AzoraCredentialAlreadyIssued`), one past the cap in AzoraToken (`ERC20ExceededCap`).
    /// @return credentialId The credential minted.
    function claim(
        Completion calldata completion,
        bytes calldata signature
    ) external returns (uint256 credentialId);

    /// @notice Registers an active course (ids start at 1) with `settings`. Only CURATOR_ROLE,
    /// within its term.
    /// @return courseId The new course's id.
    function registerCourse(CourseSettings calldata settings) external returns (uint256 courseId);

    /// @notice Changes a course's title, content, reward, verifier and rules to `settings`; a former
    /// verifier's vouchers stop working, and the metadata of credentials already issued shows the
    /// new title. Only CURATOR_ROLE, within its term.
    function updateCourse(uint256 courseId, CourseSettings calldata settings) external;

    /// @notice Opens or closes a course to claims. Only CURATOR_ROLE, within its term.
    function setCourseActive(uint256 courseId, bool active) external;

    /// @notice Sets how many claims `verifier` may sign per epoch. Only CURATOR_ROLE, within its term.
    function setVerifierLimit(address verifier, uint32 claimLimit) external;

    /// @notice Disables a verifier at once: its vouchers and its revocations are refused. Only a
    /// guardian within its term, governance, or the verifier itself (a lost key).
    function disableVerifier(address verifier) external;

    /// @notice Enables a disabled verifier again. Only DEFAULT_ADMIN_ROLE (governance).
    function enableVerifier(address verifier) external;

    /// @notice Pauses every claim at once. Only a guardian within its term, or governance.
    function pauseClaims() external;

    /// @notice Lets claims resume. Only DEFAULT_ADMIN_ROLE (governance).
    function unpauseClaims() external;

    /// @notice Grants `role` to `account` until `endsAt` (unix seconds), or renews it; the only way
    /// to appoint a guardian. Only the role's admin (governance).
    function grantRoleUntil(bytes32 role, address account, uint40 endsAt) external;

    /// @notice When `account`'s term in `role` ends (0: no end, or no term).
    function roleTermOf(bytes32 role, address account) external view returns (uint40);

    /// @notice Whether claims are paused.
    function claimsPaused() external view returns (bool);

    /// @notice Starts a new emission schedule now: the current epoch ends, the next one starts
    /// with `initialBudget` and halves every `halvingInterval` epochs. Only DEFAULT_ADMIN_ROLE.
    function setEmissionSchedule(
        uint32 epochLength,
        uint96 initialBudget,
        uint16 halvingInterval
    ) external;

    /// @notice The EIP-712 digest a verifier signs for `completion` on this chain and contract.
    function completionDigest(Completion calldata completion) external view returns (bytes32);

    /// @notice The course `courseId` (all zero if it does not exist).
    function course(uint256 courseId) external view returns (Course memory);

    /// @notice How many courses were registered (the highest course id).
    function courseCount() external view returns (uint256);

    /// @notice The verifier of course `courseId` (zero if it does not exist).
    function verifierOf(uint256 courseId) external view returns (address);

    /// @notice The reward of course `courseId`, in AZR wei (zero if it does not exist).
    function rewardOf(uint256 courseId) external view returns (uint256);

    /// @notice A verifier's limit, claims signed in the current epoch, and whether it is disabled.
    function verifierStatus(
        address verifier
    ) external view returns (uint32 claimLimit, uint32 claimsThisEpoch, bool disabled);

    /// @notice The current emission schedule.
    function emissionSchedule() external view returns (EmissionSchedule memory);

    /// @notice The current epoch, its budget, what was minted in it so far, and its time span.
    function epochStatus()
        external
        view
        returns (uint64 epoch, uint256 budget, uint256 minted, uint256 startsAt, uint256 endsAt);

    /// @notice The AZR token this contract mints.
    function token() external view returns (address);

    /// @notice The credential contract this contract mints.
    function credential() external view returns (address);

    /// @notice The CitadelFund that receives 10% of every reward.
    function citadelFund() external view returns (address);
}
