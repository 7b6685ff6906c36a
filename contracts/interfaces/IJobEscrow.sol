// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title JobEscrow: the Azora marketplace, paid in AZR through escrow
/// @notice A client posts a job (a brief on IPFS, milestone amounts, a deadline) and funds every
/// milestone in the same transaction, by prior approval or by an EIP-2612 permit. Providers apply
/// with a proposal CID; the client assigns one of them, or cancels for a full refund while the
/// job is open. The provider submits each milestone's deliverable CID; the client approves it,
/// which releases the milestone: 90% to the provider and 10% to the CitadelFund (the split of
/// `ProtocolFee`). Silence cannot hold money hostage: once a submitted milestone's review window
/// has passed without approval or dispute, the provider releases it alone; once the deadline has
/// passed, the client takes back every milestone never submitted. Either side may dispute a
/// submitted milestone within its review window; an arbiter (ARBITER_ROLE, appointed by
/// governance) splits it in basis points, the provider's part paying the CitadelFund share like
/// any release. When every milestone is settled the job is completed and client and provider may
/// each rate the other once.
///
/// Every change emits an event carrying all the data it changed, so an indexer never needs a
/// contract read. The escrow's AZR balance always equals the sum of the amounts of milestones
/// not yet settled.
interface IJobEscrow {
    /// @notice Where a job stands. `None` marks an id never posted.
    enum JobStatus {
        None,
        Open,
        Assigned,
        Completed,
        Cancelled
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

    /// @notice A job. One storage slot for the client's side, one for the provider's.
    /// @param client Who posted and funded it.
    /// @param deadline Last second (unix time) at which milestones can be submitted.
    /// @param milestoneCount How many milestones it has.
    /// @param unsettled How many milestones are not yet Released, Refunded, Resolved or Cancelled.
    /// @param status Where it stands.
    /// @param provider The assigned provider (zero until assigned).
    /// @param clientRated Whether the client has rated the provider.
    /// @param providerRated Whether the provider has rated the client.
    struct Job {
        address client;
        uint40 deadline;
        uint16 milestoneCount;
        uint16 unsettled;
        JobStatus status;
        address provider;
        bool clientRated;
        bool providerRated;
    }

    /// @notice A milestone of a job.
    /// @param amount AZR (wei) escrowed for it.
    /// @param reviewEndsAt When a submitted milestone's review window ends (0 until submitted).
    /// @param status Where it stands.
    struct Milestone {
        uint128 amount;
        uint40 reviewEndsAt;
        MilestoneStatus status;
    }

    /// @notice Emitted when a job is posted and funded.
    /// @param jobId The new job's id (1, 2, ...).
    /// @param client Who posted it and paid `total` into escrow.
    /// @param briefCid IPFS CID of the job brief.
    /// @param amounts Each milestone's amount, in order (milestone indexes start at 0).
    /// @param total The sum of `amounts`, pulled from the client.
    /// @param deadline Last second at which milestones can be submitted.
    event JobPosted(
        uint256 indexed jobId,
        address indexed client,
        string briefCid,
        uint256[] amounts,
        uint256 total,
        uint40 deadline
    );

    /// @notice Emitted when a provider applies for an open job.
    /// @param jobId The job.
    /// @param provider The applicant.
    /// @param proposalCid IPFS CID of the applicant's proposal.
    event ApplicationSubmitted(uint256 indexed jobId, address indexed provider, string proposalCid);

    /// @notice Emitted when the client assigns the job to one of its applicants.
    event JobAssigned(uint256 indexed jobId, address indexed provider);

    /// @notice Emitted when the client cancels an open job; every milestone is refunded.
    /// @param jobId The job.
    /// @param refund AZR returned to the client: the job's whole total.
    event JobCancelled(uint256 indexed jobId, uint256 refund);

    /// @notice Emitted when the provider submits a milestone's deliverable.
    /// @param jobId The job.
    /// @param index The milestone.
    /// @param deliverableCid IPFS CID of the deliverable.
    /// @param reviewEndsAt When the client's review window ends.
    event MilestoneSubmitted(
        uint256 indexed jobId,
        uint256 indexed index,
        string deliverableCid,
        uint40 reviewEndsAt
    );

    /// @notice Emitted when a milestone is released to the provider.
    /// @param jobId The job.
    /// @param index The milestone.
    /// @param provider Who was paid.
    /// @param kind Approved by the client, or released by the provider after the review window.
    /// @param amount The milestone's amount, `providerShare + citadelShare`.
    /// @param providerShare AZR sent to the provider.
    /// @param citadelShare AZR sent to the CitadelFund.
    event MilestoneReleased(
        uint256 indexed jobId,
        uint256 indexed index,
        address indexed provider,
        ReleaseKind kind,
        uint256 amount,
        uint256 providerShare,
        uint256 citadelShare
    );

    /// @notice Emitted for each never-submitted milestone the client takes back after the deadline.
    event MilestoneRefunded(uint256 indexed jobId, uint256 indexed index, uint256 amount);

    /// @notice Emitted when the client or the provider disputes a submitted milestone.
    /// @param jobId The job.
    /// @param index The milestone.
    /// @param by Who opened the dispute.
    /// @param reasonCid IPFS CID of their statement (may be empty).
    event MilestoneDisputed(
        uint256 indexed jobId,
        uint256 indexed index,
        address indexed by,
        string reasonCid
    );

    /// @notice Emitted when an arbiter resolves a dispute.
    /// @param jobId The job.
    /// @param index The milestone.
    /// @param arbiter Who resolved it.
    /// @param providerBps The provider's part of the milestone, in basis points.
    /// @param providerShare AZR sent to the provider (its part less the CitadelFund share).
    /// @param citadelShare AZR sent to the CitadelFund (10% of the provider's part).
    /// @param clientRefund AZR returned to the client (the rest of the milestone).
    /// @param reasonCid IPFS CID of the arbiter's reasoning.
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

    /// @notice Emitted when the last milestone of an assigned job is settled.
    event JobCompleted(uint256 indexed jobId);

    /// @notice Emitted when a party of a completed job rates the other.
    /// @param jobId The job.
    /// @param rater The client or the provider.
    /// @param ratee The other party.
    /// @param score 1 to 5.
    /// @param commentCid IPFS CID of a comment (may be empty).
    event Rated(
        uint256 indexed jobId,
        address indexed rater,
        address indexed ratee,
        uint8 score,
        string commentCid
    );

    /// @notice Emitted when governance changes the review window (the constructor emits it too).
    event ReviewWindowSet(uint32 reviewWindow);

    /// @notice Emitted when governance changes the job limits (the constructor emits it too).
    event LimitsSet(uint16 maxMilestones, uint128 minMilestoneAmount);

    /// @notice The admin given at deploy is the zero address.
    error JobEscrowInvalidAdmin(address admin);

    /// @notice A job needs at least one milestone and at most `max`.
    error JobEscrowInvalidMilestoneCount(uint256 count, uint16 max);

    /// @notice Milestone `index` of a new job is below the smallest amount (or above 2^128 - 1).
    error JobEscrowInvalidMilestoneAmount(uint256 index, uint256 amount, uint128 min);

    /// @notice A deadline must be in the future and at most `MAX_JOB_DURATION` away.
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

    /// @notice The job's deadline has passed: no more applications, assignments or submissions.
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

    /// @notice The provider can release alone only after the review window, which ends `endsAt`.
    error JobEscrowReviewWindowOpen(uint256 jobId, uint256 index, uint40 endsAt);

    /// @notice A dispute must be opened within the review window, which ended `endsAt`.
    error JobEscrowReviewWindowClosed(uint256 jobId, uint256 index, uint40 endsAt);

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

    /// @notice At most `MAX_MILESTONES_LIMIT` milestones per job, at least one; the smallest
    /// amount at least `ProtocolFee.CITADEL_DIVISOR` wei, so every release pays the CitadelFund.
    error JobEscrowInvalidLimits(uint16 maxMilestones, uint128 minMilestoneAmount);

    /// @notice Posts a job and pulls the sum of `amounts` from the caller, who must have approved
    /// the escrow for it.
    /// @param briefCid IPFS CID of the job brief.
    /// @param amounts Each milestone's amount, in AZR wei.
    /// @param deadline Last second at which milestones can be submitted.
    /// @return jobId The new job's id.
    function postJob(
        string calldata briefCid,
        uint256[] calldata amounts,
        uint40 deadline
    ) external returns (uint256 jobId);

    /// @notice `postJob` funded by an EIP-2612 permit of the caller for the escrow, so posting
    /// takes one transaction. A permit already used (e.g. front-run) is ignored if the allowance
    /// it gave is still there.
    /// @param permitDeadline The permit's deadline.
    /// @param v The permit signature's v.
    /// @param r The permit signature's r.
    /// @param s The permit signature's s.
    function postJobWithPermit(
        string calldata briefCid,
        uint256[] calldata amounts,
        uint40 deadline,
        uint256 permitDeadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external returns (uint256 jobId);

    /// @notice Applies for an open job before its deadline. Once per provider and job.
    /// @param proposalCid IPFS CID of the proposal.
    function applyForJob(uint256 jobId, string calldata proposalCid) external;

    /// @notice The client assigns an open job to one of its applicants, before the deadline.
    function assign(uint256 jobId, address provider) external;

    /// @notice The client cancels an open job and gets its whole total back.
    function cancel(uint256 jobId) external;

    /// @notice The provider submits a pending milestone's deliverable, before the deadline.
    /// Starts the milestone's review window.
    function submitMilestone(uint256 jobId, uint256 index, string calldata deliverableCid) external;

    /// @notice The client approves a submitted milestone, releasing it: 90% to the provider, 10%
    /// to the CitadelFund.
    function approveMilestone(uint256 jobId, uint256 index) external;

    /// @notice The provider releases a submitted milestone whose review window has passed without
    /// approval or dispute. Same split as an approval.
    function releaseAfterReview(uint256 jobId, uint256 index) external;

    /// @notice After the deadline, the client takes back every milestone never submitted.
    /// @return refund The AZR returned.
    function refundExpired(uint256 jobId) external returns (uint256 refund);

    /// @notice The client or the provider disputes a submitted milestone within its review window.
    /// @param reasonCid IPFS CID of a statement (may be empty).
    function dispute(uint256 jobId, uint256 index, string calldata reasonCid) external;

    /// @notice An arbiter resolves a disputed milestone: `providerBps` of it to the provider
    /// (less the CitadelFund share), the rest back to the client. Only ARBITER_ROLE, never a party.
    /// @param providerBps The provider's part, 0 to 10000 basis points.
    /// @param reasonCid IPFS CID of the arbiter's reasoning.
    function resolveDispute(
        uint256 jobId,
        uint256 index,
        uint16 providerBps,
        string calldata reasonCid
    ) external;

    /// @notice The client or the provider of a completed job rates the other, once.
    /// @param score 1 to 5.
    /// @param commentCid IPFS CID of a comment (may be empty).
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
