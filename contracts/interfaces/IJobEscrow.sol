// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title JobEscrow: the Azora marketplace, paid in AZR through escrow
/// @notice A client posts and funds a job (brief CID, milestone amounts, deadline); the client
/// assigns an applicant; each submitted milestone is released 90% to the provider and 10% to the
/// CitadelFund (`ProtocolFee`). Every state has an exit no single party controls: an unanswered
/// review releases to the provider, an unmet deadline refunds the client, and a dispute ends by an
/// arbiter's ruling within `DISPUTE_WINDOW`, by a split both parties offer, or after the window by
/// the default 50/50 split, at anyone's call. A job is `Completed` (and rated) only if it paid its
/// provider; otherwise it ends `Refunded`. See docs/security.md (findings 1-3).
/// @dev The escrow's AZR balance equals the sum of the amounts of unsettled milestones.
interface IJobEscrow {
    /// @notice Where a job stands. `None` marks an id never posted; Completed, Cancelled and
    /// Refunded are final (Refunded: every milestone went back to the client, nothing was paid).
    enum JobStatus {
        None,
        Open,
        Assigned,
        Completed,
        Cancelled,
        Refunded
    }

    /// @notice Where a milestone stands. Released, Refunded, Resolved and Cancelled are final.
    enum MilestoneStatus {
        Pending,
        Submitted,
        Disputed,
        Released,
        Refunded,
        Resolved,
        Cancelled
    }

    /// @notice How a milestone was released to its provider.
    enum ReleaseKind {
        Approved,
        ReviewTimeout
    }

    /// @notice How a dispute ended without an arbiter.
    enum SettlementKind {
        Agreed,
        DisputeWindowPassed
    }

    /// @notice A job: one storage slot for the client's side, one for the provider's.
    /// @param client Who posted and funded it.
    /// @param deadline Last second (unix time) at which milestones can be submitted.
    /// @param milestoneCount How many milestones it has.
    /// @param unsettled How many milestones are not yet Released, Refunded, Resolved or Cancelled.
    /// @param status Where it stands.
    /// @param paid Whether any milestone has paid the provider (then the job ends Completed).
    /// @param provider The assigned provider (zero until assigned).
    /// @param clientRated Whether the client has rated the provider.
    /// @param providerRated Whether the provider has rated the client.
    struct Job {
        address client;
        uint40 deadline;
        uint16 milestoneCount;
        uint16 unsettled;
        JobStatus status;
        bool paid;
        address provider;
        bool clientRated;
        bool providerRated;
    }

    /// @notice A milestone of a job, in one storage slot.
    /// @param amount AZR (wei) escrowed for it.
    /// @param reviewEndsAt When a submitted milestone's review window ends (0 until submitted).
    /// @param status Where it stands.
    /// @param disputeEndsAt When a disputed milestone's dispute window ends (0 until disputed).
    /// @param clientOfferBps The client's standing settlement offer (`NO_OFFER` if none).
    /// @param providerOfferBps The provider's standing settlement offer (`NO_OFFER` if none).
    struct Milestone {
        uint128 amount;
        uint40 reviewEndsAt;
        MilestoneStatus status;
        uint40 disputeEndsAt;
        uint16 clientOfferBps;
        uint16 providerOfferBps;
    }

    /// @notice A job was posted and `total` pulled from its client.
    event JobPosted(
        uint256 indexed jobId,
        address indexed client,
        string briefCid,
        uint256[] amounts,
        uint256 total,
        uint40 deadline
    );

    /// @notice A provider applied for an open job.
    event ApplicationSubmitted(uint256 indexed jobId, address indexed provider, string proposalCid);

    /// @notice The client assigned the job to one of its applicants.
    event JobAssigned(uint256 indexed jobId, address indexed provider);

    /// @notice The client cancelled an open job and got `refund`, its whole total, back.
    event JobCancelled(uint256 indexed jobId, uint256 refund);

    /// @notice The provider submitted a milestone's deliverable; the review ends `reviewEndsAt`.
    event MilestoneSubmitted(
        uint256 indexed jobId,
        uint256 indexed index,
        string deliverableCid,
        uint40 reviewEndsAt
    );

    /// @notice A milestone was released: `providerShare` to `provider`, `citadelShare` to the fund.
    event MilestoneReleased(
        uint256 indexed jobId,
        uint256 indexed index,
        address indexed provider,
        ReleaseKind kind,
        uint256 amount,
        uint256 providerShare,
        uint256 citadelShare
    );

    /// @notice A never-submitted milestone went back to the client after the deadline.
    event MilestoneRefunded(uint256 indexed jobId, uint256 indexed index, uint256 amount);

    /// @notice A party disputed a submitted milestone; the dispute window ends `disputeEndsAt`.
    event MilestoneDisputed(
        uint256 indexed jobId,
        uint256 indexed index,
        address indexed by,
        string reasonCid,
        uint40 disputeEndsAt
    );

    /// @notice An arbiter resolved a dispute: `providerBps` of the milestone to the provider's
    /// side (`providerShare` + `citadelShare`), `clientRefund` back to the client.
    event DisputeResolved(
        uint256 indexed jobId,
        uint256 indexed index,
        address indexed arbiter,
        uint16 providerBps,
        uint256 providerShare,
        uint256 citadelShare,
        uint256 clientRefund,
        string reasonCid
    );

    /// @notice A party offered to settle a dispute at `providerBps` for the provider.
    event SettlementOffered(
        uint256 indexed jobId,
        uint256 indexed index,
        address indexed by,
        uint16 providerBps
    );

    /// @notice A dispute ended without an arbiter: both parties' equal offers, or the default
    /// split after the dispute window. Shares as in `DisputeResolved`.
    event DisputeSettled(
        uint256 indexed jobId,
        uint256 indexed index,
        SettlementKind kind,
        uint16 providerBps,
        uint256 providerShare,
        uint256 citadelShare,
        uint256 clientRefund
    );

    /// @notice The last milestone of an assigned job was settled, and the job paid its provider.
    event JobCompleted(uint256 indexed jobId);

    /// @notice The last milestone of an assigned job was settled, and nothing paid its provider.
    event JobRefunded(uint256 indexed jobId);

    /// @notice A party of a completed job rated the other, 1 to 5.
    event Rated(
        uint256 indexed jobId,
        address indexed rater,
        address indexed ratee,
        uint8 score,
        string commentCid
    );

    /// @notice Governance set the review window (the constructor too).
    event ReviewWindowSet(uint32 reviewWindow);

    /// @notice Governance set the job limits (the constructor too).
    event LimitsSet(uint16 maxMilestones, uint128 minMilestoneAmount);

    /// @notice The admin given at deploy is the zero address.
    error JobEscrowInvalidAdmin(address admin);

    /// @notice A job needs one to `max` milestones.
    error JobEscrowInvalidMilestoneCount(uint256 count, uint16 max);

    /// @notice Milestone `index` is below the smallest amount `min` (or above 2^128 - 1).
    error JobEscrowInvalidMilestoneAmount(uint256 index, uint256 amount, uint128 min);

    /// @notice A deadline is `MIN_TIME_TO_DELIVER` to `MAX_JOB_DURATION` away.
    error JobEscrowInvalidDeadline(uint256 deadline, uint256 timestamp);

    /// @notice A required CID is empty, or a CID is longer than `MAX_CID_LENGTH` bytes.
    error JobEscrowInvalidCid(uint256 length);

    /// @notice No job has this id.
    error JobEscrowJobNotFound(uint256 jobId);

    /// @notice The job is not in the status the action needs.
    error JobEscrowUnexpectedJobStatus(uint256 jobId, JobStatus status, JobStatus expected);

    /// @notice Only the job's client may do this.
    error JobEscrowNotClient(uint256 jobId, address account);

    /// @notice Only the job's provider may do this.
    error JobEscrowNotProvider(uint256 jobId, address account);

    /// @notice Only the job's client or provider may do this.
    error JobEscrowNotParty(uint256 jobId, address account);

    /// @notice A client cannot apply for its own job.
    error JobEscrowClientCannotApply(uint256 jobId);

    /// @notice `provider` has applied for this job already.
    error JobEscrowAlreadyApplied(uint256 jobId, address provider);

    /// @notice Only an applicant can be assigned.
    error JobEscrowNotApplicant(uint256 jobId, address provider);

    /// @notice Applications and assignment closed at `closedAt`, `MIN_TIME_TO_DELIVER` before the
    /// deadline, so an assigned provider always has that long to deliver.
    error JobEscrowAssignmentClosed(uint256 jobId, uint256 closedAt);

    /// @notice The job's deadline has passed: no more submissions.
    error JobEscrowDeadlinePassed(uint256 jobId, uint40 deadline);

    /// @notice The job's deadline has not passed yet: nothing can be taken back.
    error JobEscrowDeadlineNotReached(uint256 jobId, uint40 deadline);

    /// @notice The job has no milestone with this index.
    error JobEscrowMilestoneNotFound(uint256 jobId, uint256 index, uint16 count);

    /// @notice The milestone is not in the status the action needs.
    error JobEscrowUnexpectedMilestoneStatus(
        uint256 jobId,
        uint256 index,
        MilestoneStatus status,
        MilestoneStatus expected
    );

    /// @notice The provider releases alone only after the review window, which ends `endsAt`.
    error JobEscrowReviewWindowOpen(uint256 jobId, uint256 index, uint40 endsAt);

    /// @notice A dispute is opened within the review window, which ended `endsAt`.
    error JobEscrowReviewWindowClosed(uint256 jobId, uint256 index, uint40 endsAt);

    /// @notice The default split applies only after the dispute window, which ends `endsAt`.
    error JobEscrowDisputeWindowOpen(uint256 jobId, uint256 index, uint40 endsAt);

    /// @notice An arbiter rules only within the dispute window, which ended `endsAt`.
    error JobEscrowDisputeWindowClosed(uint256 jobId, uint256 index, uint40 endsAt);

    /// @notice Every milestone past the deadline was submitted or settled: nothing to take back.
    error JobEscrowNothingToRefund(uint256 jobId);

    /// @notice An arbiter cannot resolve a dispute of a job it is a party to.
    error JobEscrowArbiterIsParty(uint256 jobId, address arbiter);

    /// @notice A split is at most 10000 basis points.
    error JobEscrowInvalidSplit(uint16 providerBps);

    /// @notice A rating is 1 to 5.
    error JobEscrowInvalidRating(uint8 score);

    /// @notice `rater` has rated this job already.
    error JobEscrowAlreadyRated(uint256 jobId, address rater);

    /// @notice A review window is `MIN_REVIEW_WINDOW` to `MAX_REVIEW_WINDOW` seconds.
    error JobEscrowInvalidReviewWindow(uint32 reviewWindow);

    /// @notice One to `MAX_MILESTONES_LIMIT` milestones per job, and a smallest amount of at least
    /// `ProtocolFee.CITADEL_DIVISOR` wei, so every release pays the CitadelFund.
    error JobEscrowInvalidLimits(uint16 maxMilestones, uint128 minMilestoneAmount);

    /// @notice Posts a job and pulls the sum of `amounts` from the caller (approved beforehand).
    /// @return jobId The new job's id (1, 2, ...).
    function postJob(
        string calldata briefCid,
        uint256[] calldata amounts,
        uint40 deadline
    ) external returns (uint256 jobId);

    /// @notice `postJob` funded by the caller's EIP-2612 permit in the same transaction; a permit
    /// used already (front-run) is ignored when its allowance is there.
    function postJobWithPermit(
        string calldata briefCid,
        uint256[] calldata amounts,
        uint40 deadline,
        uint256 permitDeadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external returns (uint256 jobId);

    /// @notice Applies for an open job, once, until `MIN_TIME_TO_DELIVER` before its deadline.
    function applyForJob(uint256 jobId, string calldata proposalCid) external;

    /// @notice The client assigns an open job to an applicant, until `MIN_TIME_TO_DELIVER` before
    /// its deadline.
    function assign(uint256 jobId, address provider) external;

    /// @notice The client cancels an open job and gets its whole total back.
    function cancel(uint256 jobId) external;

    /// @notice The provider submits a pending milestone before the deadline; its review starts.
    function submitMilestone(uint256 jobId, uint256 index, string calldata deliverableCid) external;

    /// @notice The client approves a submitted milestone, releasing it 90/10.
    function approveMilestone(uint256 jobId, uint256 index) external;

    /// @notice Anyone releases a submitted milestone after its review window, 90/10 to the provider
    /// and the CitadelFund (the client let the window pass in silence; the caller chooses nothing).
    function releaseAfterReview(uint256 jobId, uint256 index) external;

    /// @notice After the deadline, the client takes back every milestone never submitted.
    /// @return refund The AZR returned.
    function refundExpired(uint256 jobId) external returns (uint256 refund);

    /// @notice A party disputes a submitted milestone within its review window; the dispute
    /// window of `DISPUTE_WINDOW` starts.
    function dispute(uint256 jobId, uint256 index, string calldata reasonCid) external;

    /// @notice An arbiter (never a party) rules on a dispute within its window: `providerBps` to
    /// the provider's side, the rest back to the client.
    function resolveDispute(
        uint256 jobId,
        uint256 index,
        uint16 providerBps,
        string calldata reasonCid
    ) external;

    /// @notice A party offers to settle a dispute at `providerBps`; when the other party's standing
    /// offer is the same, the milestone is split so at once.
    function offerSettlement(uint256 jobId, uint256 index, uint16 providerBps) external;

    /// @notice After the dispute window with no ruling or agreement, anyone applies the default
    /// split, `DEFAULT_PROVIDER_BPS`.
    function settleAfterDisputeWindow(uint256 jobId, uint256 index) external;

    /// @notice The client or the provider of a completed job rates the other once, 1 to 5.
    function rate(uint256 jobId, uint8 score, string calldata commentCid) external;

    /// @notice Sets the review window of milestones submitted from now on. Only DEFAULT_ADMIN_ROLE.
    function setReviewWindow(uint32 reviewWindow) external;

    /// @notice Sets the limits of jobs posted from now on. Only DEFAULT_ADMIN_ROLE.
    function setLimits(uint16 maxMilestones, uint128 minMilestoneAmount) external;

    /// @notice A job (status `None` if the id was never posted).
    function jobOf(uint256 jobId) external view returns (Job memory);

    /// @notice A milestone of an existing job.
    function milestoneOf(uint256 jobId, uint256 index) external view returns (Milestone memory);

    /// @notice Whether `provider` has applied for the job.
    function hasApplied(uint256 jobId, address provider) external view returns (bool);

    /// @notice How many jobs have been posted (the latest id).
    function jobCount() external view returns (uint256);

    /// @notice Seconds a client has to review a submitted milestone.
    function reviewWindow() external view returns (uint32);

    /// @notice Most milestones per job, and the smallest milestone amount (AZR wei).
    function limits() external view returns (uint16 maxMilestones, uint128 minMilestoneAmount);
}
