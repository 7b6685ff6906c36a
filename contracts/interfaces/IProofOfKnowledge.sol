// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IVerifierRegistry} from "./IVerifierRegistry.sol";

/// @title ProofOfKnowledge: course registry and learn-to-earn mining
/// @notice A learner who passes a course gets a `Completion` voucher signed by the course's
/// verifier (an EOA or an ERC-1271 contract) with EIP-712, domain name "Azora ProofOfKnowledge",
/// version "1". Anyone may submit it with `claim` (so a relayer can pay the gas). A claim mints
/// the course reward in AZR, 90% to the learner and 10% to the CitadelFund (the split of
/// `ProtocolFee`), and a soulbound credential, in one transaction; at most once per learner and
/// course.
///
/// Mining is bounded three ways: an emission budget per epoch that halves every
/// `halvingInterval` epochs, a claim limit per verifier and epoch (a stolen verifier key can
/// mint at most that much before a guardian disables it in one transaction), and AZR's cap.
/// A disabled verifier's key can do nothing more: its vouchers are refused here, and
/// AzoraCredential asks `isVerifierDisabled` before it lets an issuer revoke.
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
    struct Course {
        address verifier;
        uint96 reward;
        uint16 minScore;
        uint32 validity;
        bool active;
        string contentCid;
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

    /// @notice A verifier's standing: its claim limit per epoch, claims counted in `epoch`, and
    /// whether it is disabled.
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

    /// @notice Emitted when a course is registered (it starts active).
    event CourseRegistered(
        uint256 indexed courseId,
        address indexed verifier,
        string contentCid,
        uint256 reward,
        uint16 minScore,
        uint32 validity
    );

    /// @notice Emitted when a course's content, reward, verifier or rules change.
    event CourseUpdated(
        uint256 indexed courseId,
        address indexed verifier,
        string contentCid,
        uint256 reward,
        uint16 minScore,
        uint32 validity
    );

    /// @notice Emitted when a course starts accepting claims again.
    event CourseActivated(uint256 indexed courseId);

    /// @notice Emitted when a course stops accepting claims.
    event CourseDeactivated(uint256 indexed courseId);

    /// @notice Emitted when a verifier's claim limit per epoch is set.
    event VerifierLimitSet(address indexed verifier, uint32 claimLimit);

    /// @notice Emitted when a verifier is disabled, by a guardian or by itself.
    event VerifierDisabled(address indexed verifier, address indexed by);

    /// @notice Emitted when governance enables a disabled verifier again.
    event VerifierEnabled(address indexed verifier);

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

    /// @notice Only a guardian, or the verifier itself, may disable a verifier.
    error ProofOfKnowledgeUnauthorizedDisable(address account, address verifier);

    /// @notice The verifier is not disabled (only a disabled verifier's credentials are revoked
    /// in batches, and only a disabled verifier can be enabled).
    error ProofOfKnowledgeVerifierNotDisabled(address verifier);

    /// @notice Claims a completion: checks it, mints the reward (90% learner, 10% CitadelFund)
    /// and the credential. Callable by anyone; everything goes to `completion.learner`.
    /// @dev Reverts with `ProofOfKnowledgeCourseInactive`, `ProofOfKnowledgeVoucherExpired`, `ProofOfKnowledgeInvalidScore`,
    /// `ProofOfKnowledgeScoreTooLow`, `ProofOfKnowledgeInvalidSignature`, `ProofOfKnowledgeVerifierDisabled`,
    /// `ProofOfKnowledgeVerifierLimitReached`, `ProofOfKnowledgeEpochBudgetExceeded`; a second claim for the same
    /// learner and course reverts in AzoraCredential with `AzoraCredentialAlreadyIssued`, and a claim
    /// past AZR's cap in AzoraToken with `ERC20ExceededCap`.
    /// @param completion The voucher.
    /// @param signature The verifier's EIP-712 signature of it (65 bytes for an EOA, whatever the
    /// ERC-1271 contract accepts otherwise).
    /// @return credentialId The credential minted.
    function claim(
        Completion calldata completion,
        bytes calldata signature
    ) external returns (uint256 credentialId);

    /// @notice Registers an active course. Only CURATOR_ROLE.
    /// @param contentCid IPFS CID of the course package.
    /// @param reward AZR (wei) per claim, more than zero.
    /// @param verifier The course verifier: nonzero and not disabled.
    /// @param minScore Lowest passing score in basis points (at most 10000).
    /// @param validity Seconds a credential stays valid (0 = for ever).
    /// @return courseId The new course's id (ids start at 1).
    function registerCourse(
        string calldata contentCid,
        uint96 reward,
        address verifier,
        uint16 minScore,
        uint32 validity
    ) external returns (uint256 courseId);

    /// @notice Changes a course's content, reward, verifier and rules (not its active flag).
    /// Only CURATOR_ROLE. Vouchers signed by a former verifier stop working.
    function updateCourse(
        uint256 courseId,
        string calldata contentCid,
        uint96 reward,
        address verifier,
        uint16 minScore,
        uint32 validity
    ) external;

    /// @notice Opens or closes a course to claims. Only CURATOR_ROLE.
    function setCourseActive(uint256 courseId, bool active) external;

    /// @notice Sets how many claims `verifier` may sign per epoch. Only CURATOR_ROLE.
    function setVerifierLimit(address verifier, uint32 claimLimit) external;

    /// @notice Disables a verifier at once: none of its completions is accepted any more, and it
    /// can no longer revoke the credentials it issued (AzoraCredential asks `isVerifierDisabled`).
    /// Only GUARDIAN_ROLE or the verifier itself (a verifier that lost its key disables itself).
    /// @dev Reverts with `ProofOfKnowledgeVerifierDisabled` if the verifier is disabled already.
    function disableVerifier(address verifier) external;

    /// @notice Enables a disabled verifier again. Only DEFAULT_ADMIN_ROLE (governance).
    function enableVerifier(address verifier) external;

    /// @notice Revokes credentials issued by a disabled verifier, in one transaction. Only
    /// GUARDIAN_ROLE.
    /// @param verifier The disabled verifier that issued every credential of `ids`.
    /// @param ids The credentials to revoke.
    /// @param reason Why, in words.
    function revokeCredentials(
        address verifier,
        uint256[] calldata ids,
        string calldata reason
    ) external;

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
