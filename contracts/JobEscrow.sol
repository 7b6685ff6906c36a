// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {ICitadelFund} from "./interfaces/ICitadelFund.sol";
import {IJobEscrow} from "./interfaces/IJobEscrow.sol";
import {ProtocolFee} from "./libraries/ProtocolFee.sol";

/// @title JobEscrow
/// @notice The Azora marketplace's AZR escrow (see IJobEscrow and docs/security.md).
/// @dev Roles: DEFAULT_ADMIN_ROLE (governance) sets the review window and the job limits and
/// appoints arbiters; ARBITER_ROLE resolves disputes. The admin given at deploy also gets
/// ARBITER_ROLE, so after the handover governance is the arbiter of last resort. Every function
/// that moves AZR changes all state first and transfers last (checks-effects-interactions), under
/// a reentrancy guard even though AZR has no transfer hooks.
contract JobEscrow is IJobEscrow, AccessControl, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice Role that resolves disputes. Appointed by DEFAULT_ADMIN_ROLE (governance).
    bytes32 public constant ARBITER_ROLE = keccak256("ARBITER_ROLE");
    /// @notice Splits are in basis points: 10000 is the whole milestone.
    uint16 public constant MAX_BPS = 10_000;
    /// @notice Shortest review window governance may set: one hour.
    uint32 public constant MIN_REVIEW_WINDOW = 1 hours;
    /// @notice Longest review window governance may set: 90 days.
    uint32 public constant MAX_REVIEW_WINDOW = 90 days;
    /// @notice The most milestones per job governance may allow (bounds the refund loop's gas).
    uint16 public constant MAX_MILESTONES_LIMIT = 50;
    /// @notice A deadline is at most this far in the future: five years.
    uint256 public constant MAX_JOB_DURATION = 5 * 365 days;
    /// @notice The longest CID accepted, in bytes (a CIDv1 in base32 is 59; this leaves room).
    uint256 public constant MAX_CID_LENGTH = 128;
    /// @notice An assigned provider always has at least this long before the deadline: one day.
    uint256 public constant MIN_TIME_TO_DELIVER = 1 days;
    /// @notice How long an arbiter has to rule on a dispute (longer than a governance cycle).
    uint40 public constant DISPUTE_WINDOW = 30 days;
    /// @notice The provider's part of a dispute nobody settled within `DISPUTE_WINDOW`: half.
    uint16 public constant DEFAULT_PROVIDER_BPS = 5_000;
    /// @notice A settlement offer not made.
    uint16 public constant NO_OFFER = type(uint16).max;

    IERC20 private immutable AZR;
    ICitadelFund private immutable CITADEL_FUND;

    uint32 private _reviewWindow;
    uint16 private _maxMilestones;
    uint128 private _minMilestoneAmount;
    uint256 private _jobCount;
    mapping(uint256 jobId => Job) private _jobs;
    mapping(uint256 jobId => mapping(uint256 index => Milestone)) private _milestones;
    mapping(uint256 jobId => mapping(address provider => bool)) private _applied;

    /// @param admin Receives DEFAULT_ADMIN_ROLE and ARBITER_ROLE (the deployer until governance takes over).
    /// @param azr_ AzoraToken (ERC-20 with EIP-2612 permit).
    /// @param citadelFund_ CitadelFund, which must register this contract as its Escrow source.
    /// @param reviewWindow_ Seconds a client has to review a submitted milestone.
    /// @param maxMilestones_ Most milestones per job.
    /// @param minMilestoneAmount_ Smallest milestone amount, in AZR wei.
    constructor(
        address admin,
        IERC20 azr_,
        ICitadelFund citadelFund_,
        uint32 reviewWindow_,
        uint16 maxMilestones_,
        uint128 minMilestoneAmount_
    ) {
        if (admin == address(0)) revert JobEscrowInvalidAdmin(admin);
        AZR = azr_;
        CITADEL_FUND = citadelFund_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ARBITER_ROLE, admin);
        _setReviewWindow(reviewWindow_);
        _setLimits(maxMilestones_, minMilestoneAmount_);
    }

    // ---------------------------------------------------------------- posting

    /// @inheritdoc IJobEscrow
    function postJob(
        string calldata briefCid,
        uint256[] calldata amounts,
        uint40 deadline
    ) external nonReentrant returns (uint256 jobId) {
        uint256 total;
        (jobId, total) = _record(briefCid, amounts, deadline);
        AZR.safeTransferFrom(msg.sender, address(this), total);
    }

    /// @inheritdoc IJobEscrow
    function postJobWithPermit(
        string calldata briefCid,
        uint256[] calldata amounts,
        uint40 deadline,
        uint256 permitDeadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external nonReentrant returns (uint256 jobId) {
        uint256 total;
        (jobId, total) = _record(briefCid, amounts, deadline);
        // A permit can be front-run (submitted by someone else first), which makes this call
        // fail; ignore the failure: if the allowance is there, the transfer below succeeds, and
        // if it is not, the transfer reverts with ERC20InsufficientAllowance.
        try
            IERC20Permit(address(AZR)).permit(
                msg.sender,
                address(this),
                total,
                permitDeadline,
                v,
                r,
                s
            )
        {} catch {} // solhint-disable-line no-empty-blocks
        AZR.safeTransferFrom(msg.sender, address(this), total);
    }

    /// @inheritdoc IJobEscrow
    function applyForJob(uint256 jobId, string calldata proposalCid) external {
        Job storage job = _jobWithStatus(jobId, JobStatus.Open);
        _checkAssignmentOpen(jobId, job);
        if (msg.sender == job.client) revert JobEscrowClientCannotApply(jobId);
        if (_applied[jobId][msg.sender]) revert JobEscrowAlreadyApplied(jobId, msg.sender);
        _checkCid(proposalCid, true);
        _applied[jobId][msg.sender] = true;
        emit ApplicationSubmitted(jobId, msg.sender, proposalCid);
    }

    /// @inheritdoc IJobEscrow
    function assign(uint256 jobId, address provider) external {
        Job storage job = _jobWithStatus(jobId, JobStatus.Open);
        _onlyClient(jobId, job);
        _checkAssignmentOpen(jobId, job);
        if (!_applied[jobId][provider]) revert JobEscrowNotApplicant(jobId, provider);
        job.provider = provider;
        job.status = JobStatus.Assigned;
        emit JobAssigned(jobId, provider);
    }

    /// @inheritdoc IJobEscrow
    function cancel(uint256 jobId) external nonReentrant {
        Job storage job = _jobWithStatus(jobId, JobStatus.Open);
        _onlyClient(jobId, job);
        uint256 refund;
        uint256 count = job.milestoneCount;
        for (uint256 i = 0; i < count; ++i) {
            Milestone storage milestone = _milestones[jobId][i];
            refund += milestone.amount;
            milestone.status = MilestoneStatus.Cancelled;
        }
        job.unsettled = 0;
        job.status = JobStatus.Cancelled;
        emit JobCancelled(jobId, refund);
        AZR.safeTransfer(job.client, refund);
    }

    // ---------------------------------------------------------------- delivery

    /// @inheritdoc IJobEscrow
    function submitMilestone(
        uint256 jobId,
        uint256 index,
        string calldata deliverableCid
    ) external {
        Job storage job = _jobWithStatus(jobId, JobStatus.Assigned);
        _onlyProvider(jobId, job);
        _checkBeforeDeadline(jobId, job);
        _checkCid(deliverableCid, true);
        Milestone storage milestone = _milestoneWithStatus(
            jobId,
            job,
            index,
            MilestoneStatus.Pending
        );
        // The window is fixed at submission, so a later change never moves a running review.
        uint40 reviewEndsAt = uint40(block.timestamp) + _reviewWindow;
        milestone.reviewEndsAt = reviewEndsAt;
        milestone.status = MilestoneStatus.Submitted;
        emit MilestoneSubmitted(jobId, index, deliverableCid, reviewEndsAt);
    }

    /// @inheritdoc IJobEscrow
    function approveMilestone(uint256 jobId, uint256 index) external nonReentrant {
        Job storage job = _jobWithStatus(jobId, JobStatus.Assigned);
        _onlyClient(jobId, job);
        Milestone storage milestone = _milestoneWithStatus(
            jobId,
            job,
            index,
            MilestoneStatus.Submitted
        );
        _release(jobId, job, index, milestone, ReleaseKind.Approved);
    }

    /// @inheritdoc IJobEscrow
    function releaseAfterReview(uint256 jobId, uint256 index) external nonReentrant {
        Job storage job = _jobWithStatus(jobId, JobStatus.Assigned);
        Milestone storage milestone = _milestoneWithStatus(
            jobId,
            job,
            index,
            MilestoneStatus.Submitted
        );
        if (block.timestamp <= milestone.reviewEndsAt) {
            revert JobEscrowReviewWindowOpen(jobId, index, milestone.reviewEndsAt);
        }
        _release(jobId, job, index, milestone, ReleaseKind.ReviewTimeout);
    }

    /// @inheritdoc IJobEscrow
    function refundExpired(uint256 jobId) external nonReentrant returns (uint256 refund) {
        Job storage job = _jobWithStatus(jobId, JobStatus.Assigned);
        _onlyClient(jobId, job);
        if (block.timestamp <= job.deadline)
            revert JobEscrowDeadlineNotReached(jobId, job.deadline);
        uint256 count = job.milestoneCount;
        uint16 refunded;
        for (uint256 i = 0; i < count; ++i) {
            Milestone storage milestone = _milestones[jobId][i];
            if (milestone.status != MilestoneStatus.Pending) continue;
            milestone.status = MilestoneStatus.Refunded;
            refund += milestone.amount;
            ++refunded;
            emit MilestoneRefunded(jobId, i, milestone.amount);
        }
        if (refunded == 0) revert JobEscrowNothingToRefund(jobId);
        _settle(jobId, job, refunded, false);
        AZR.safeTransfer(job.client, refund);
    }

    // ---------------------------------------------------------------- disputes

    /// @inheritdoc IJobEscrow
    function dispute(uint256 jobId, uint256 index, string calldata reasonCid) external {
        Job storage job = _jobWithStatus(jobId, JobStatus.Assigned);
        if (msg.sender != job.client && msg.sender != job.provider) {
            revert JobEscrowNotParty(jobId, msg.sender);
        }
        _checkCid(reasonCid, false);
        Milestone storage milestone = _milestoneWithStatus(
            jobId,
            job,
            index,
            MilestoneStatus.Submitted
        );
        if (block.timestamp > milestone.reviewEndsAt) {
            revert JobEscrowReviewWindowClosed(jobId, index, milestone.reviewEndsAt);
        }
        // uint40 seconds last until the year 36812.
        uint40 disputeEndsAt = uint40(block.timestamp) + DISPUTE_WINDOW;
        milestone.status = MilestoneStatus.Disputed;
        milestone.disputeEndsAt = disputeEndsAt;
        milestone.clientOfferBps = NO_OFFER;
        milestone.providerOfferBps = NO_OFFER;
        emit MilestoneDisputed(jobId, index, msg.sender, reasonCid, disputeEndsAt);
    }

    /// @inheritdoc IJobEscrow
    function resolveDispute(
        uint256 jobId,
        uint256 index,
        uint16 providerBps,
        string calldata reasonCid
    ) external nonReentrant onlyRole(ARBITER_ROLE) {
        Job storage job = _jobWithStatus(jobId, JobStatus.Assigned);
        if (msg.sender == job.client || msg.sender == job.provider) {
            revert JobEscrowArbiterIsParty(jobId, msg.sender);
        }
        if (providerBps > MAX_BPS) revert JobEscrowInvalidSplit(providerBps);
        _checkCid(reasonCid, true);
        Milestone storage milestone = _milestoneWithStatus(
            jobId,
            job,
            index,
            MilestoneStatus.Disputed
        );
        if (block.timestamp > milestone.disputeEndsAt) {
            revert JobEscrowDisputeWindowClosed(jobId, index, milestone.disputeEndsAt);
        }
        (uint256 providerShare, uint256 citadelShare, uint256 clientRefund) = _endDispute(
            milestone,
            providerBps
        );
        emit DisputeResolved(
            jobId,
            index,
            msg.sender,
            providerBps,
            providerShare,
            citadelShare,
            clientRefund,
            reasonCid
        );
        _payDispute(jobId, job, providerShare, citadelShare, clientRefund);
    }

    /// @inheritdoc IJobEscrow
    function offerSettlement(
        uint256 jobId,
        uint256 index,
        uint16 providerBps
    ) external nonReentrant {
        Job storage job = _jobWithStatus(jobId, JobStatus.Assigned);
        bool byClient = msg.sender == job.client;
        if (!byClient && msg.sender != job.provider) revert JobEscrowNotParty(jobId, msg.sender);
        if (providerBps > MAX_BPS) revert JobEscrowInvalidSplit(providerBps);
        Milestone storage milestone = _milestoneWithStatus(
            jobId,
            job,
            index,
            MilestoneStatus.Disputed
        );
        uint16 otherOffer;
        if (byClient) {
            milestone.clientOfferBps = providerBps;
            otherOffer = milestone.providerOfferBps;
        } else {
            milestone.providerOfferBps = providerBps;
            otherOffer = milestone.clientOfferBps;
        }
        emit SettlementOffered(jobId, index, msg.sender, providerBps);
        if (otherOffer == providerBps) {
            _settleDispute(jobId, job, index, milestone, SettlementKind.Agreed, providerBps);
        }
    }

    /// @inheritdoc IJobEscrow
    function settleAfterDisputeWindow(uint256 jobId, uint256 index) external nonReentrant {
        Job storage job = _jobWithStatus(jobId, JobStatus.Assigned);
        Milestone storage milestone = _milestoneWithStatus(
            jobId,
            job,
            index,
            MilestoneStatus.Disputed
        );
        if (block.timestamp <= milestone.disputeEndsAt) {
            revert JobEscrowDisputeWindowOpen(jobId, index, milestone.disputeEndsAt);
        }
        _settleDispute(
            jobId,
            job,
            index,
            milestone,
            SettlementKind.DisputeWindowPassed,
            DEFAULT_PROVIDER_BPS
        );
    }

    // ---------------------------------------------------------------- ratings

    /// @inheritdoc IJobEscrow
    function rate(uint256 jobId, uint8 score, string calldata commentCid) external {
        Job storage job = _jobWithStatus(jobId, JobStatus.Completed);
        if (score < 1 || score > 5) revert JobEscrowInvalidRating(score);
        _checkCid(commentCid, false);
        address ratee;
        if (msg.sender == job.client) {
            if (job.clientRated) revert JobEscrowAlreadyRated(jobId, msg.sender);
            job.clientRated = true;
            ratee = job.provider;
        } else if (msg.sender == job.provider) {
            if (job.providerRated) revert JobEscrowAlreadyRated(jobId, msg.sender);
            job.providerRated = true;
            ratee = job.client;
        } else {
            revert JobEscrowNotParty(jobId, msg.sender);
        }
        emit Rated(jobId, msg.sender, ratee, score, commentCid);
    }

    // ---------------------------------------------------------------- governance

    /// @inheritdoc IJobEscrow
    function setReviewWindow(uint32 reviewWindow_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setReviewWindow(reviewWindow_);
    }

    /// @inheritdoc IJobEscrow
    function setLimits(
        uint16 maxMilestones_,
        uint128 minMilestoneAmount_
    ) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setLimits(maxMilestones_, minMilestoneAmount_);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IJobEscrow
    function jobOf(uint256 jobId) external view returns (Job memory) {
        return _jobs[jobId];
    }

    /// @inheritdoc IJobEscrow
    function milestoneOf(uint256 jobId, uint256 index) external view returns (Milestone memory) {
        Job storage job = _jobs[jobId];
        if (job.status == JobStatus.None) revert JobEscrowJobNotFound(jobId);
        if (index >= job.milestoneCount) {
            revert JobEscrowMilestoneNotFound(jobId, index, job.milestoneCount);
        }
        return _milestones[jobId][index];
    }

    /// @inheritdoc IJobEscrow
    function hasApplied(uint256 jobId, address provider) external view returns (bool) {
        return _applied[jobId][provider];
    }

    /// @inheritdoc IJobEscrow
    function jobCount() external view returns (uint256) {
        return _jobCount;
    }

    /// @inheritdoc IJobEscrow
    function reviewWindow() external view returns (uint32) {
        return _reviewWindow;
    }

    /// @inheritdoc IJobEscrow
    function limits() external view returns (uint16 maxMilestones, uint128 minMilestoneAmount) {
        return (_maxMilestones, _minMilestoneAmount);
    }

    // ---------------------------------------------------------------- internals

    /// @dev Checks and records a new job of the caller; returns its id and the total the caller
    /// owes the escrow, which the posting function then pulls (effects before the interactions).
    function _record(
        string calldata briefCid,
        uint256[] calldata amounts,
        uint40 deadline
    ) private returns (uint256 jobId, uint256 total) {
        uint256 count = amounts.length;
        if (count == 0 || count > _maxMilestones) {
            revert JobEscrowInvalidMilestoneCount(count, _maxMilestones);
        }
        if (
            deadline < block.timestamp + MIN_TIME_TO_DELIVER ||
            deadline > block.timestamp + MAX_JOB_DURATION
        ) {
            revert JobEscrowInvalidDeadline(deadline, block.timestamp);
        }
        _checkCid(briefCid, true);
        jobId = ++_jobCount;
        uint128 min = _minMilestoneAmount;
        for (uint256 i = 0; i < count; ++i) {
            uint256 amount = amounts[i];
            if (amount < min || amount > type(uint128).max) {
                revert JobEscrowInvalidMilestoneAmount(i, amount, min);
            }
            total += amount;
            // amount fits uint128 (checked just above).
            _milestones[jobId][i] = Milestone({
                amount: uint128(amount),
                reviewEndsAt: 0,
                status: MilestoneStatus.Pending,
                disputeEndsAt: 0,
                clientOfferBps: 0,
                providerOfferBps: 0
            });
        }
        // count <= _maxMilestones <= MAX_MILESTONES_LIMIT, so it fits uint16.
        _jobs[jobId] = Job({
            client: msg.sender,
            deadline: deadline,
            milestoneCount: uint16(count),
            unsettled: uint16(count),
            status: JobStatus.Open,
            paid: false,
            provider: address(0),
            clientRated: false,
            providerRated: false
        });
        emit JobPosted(jobId, msg.sender, briefCid, amounts, total, deadline);
    }

    /// @dev Releases a submitted milestone to the provider, 90/10. Effects, then transfers.
    function _release(
        uint256 jobId,
        Job storage job,
        uint256 index,
        Milestone storage milestone,
        ReleaseKind kind
    ) private {
        uint256 amount = milestone.amount;
        (uint256 providerShare, uint256 citadelShare) = ProtocolFee.split(amount);
        milestone.status = MilestoneStatus.Released;
        address provider = job.provider;
        emit MilestoneReleased(jobId, index, provider, kind, amount, providerShare, citadelShare);
        _settle(jobId, job, 1, true);
        _pay(provider, providerShare, citadelShare);
    }

    /// @dev Ends a dispute by agreement or by default, with `DisputeSettled`.
    function _settleDispute(
        uint256 jobId,
        Job storage job,
        uint256 index,
        Milestone storage milestone,
        SettlementKind kind,
        uint16 providerBps
    ) private {
        (uint256 providerShare, uint256 citadelShare, uint256 clientRefund) = _endDispute(
            milestone,
            providerBps
        );
        emit DisputeSettled(
            jobId,
            index,
            kind,
            providerBps,
            providerShare,
            citadelShare,
            clientRefund
        );
        _payDispute(jobId, job, providerShare, citadelShare, clientRefund);
    }

    /// @dev Marks a disputed milestone Resolved and splits it: `providerBps` of it to the
    /// provider's side, 90/10, the rest back to the client. The three always add up to its amount.
    function _endDispute(
        Milestone storage milestone,
        uint16 providerBps
    ) private returns (uint256 providerShare, uint256 citadelShare, uint256 clientRefund) {
        uint256 amount = milestone.amount;
        milestone.status = MilestoneStatus.Resolved;
        uint256 providerPart = (amount * providerBps) / MAX_BPS;
        (providerShare, citadelShare) = ProtocolFee.split(providerPart);
        // providerPart <= amount because providerBps <= MAX_BPS.
        unchecked {
            clientRefund = amount - providerPart;
        }
    }

    /// @dev Settles a dispute's milestone (paid work if the provider's side got anything) and pays.
    function _payDispute(
        uint256 jobId,
        Job storage job,
        uint256 providerShare,
        uint256 citadelShare,
        uint256 clientRefund
    ) private {
        _settle(jobId, job, 1, providerShare + citadelShare > 0);
        _pay(job.provider, providerShare, citadelShare);
        if (clientRefund > 0) AZR.safeTransfer(job.client, clientRefund);
    }

    /// @dev Counts `settled` milestones as done, `paid` if they paid the provider; the last one
    /// ends the job: Completed if any milestone paid the provider, else Refunded.
    function _settle(uint256 jobId, Job storage job, uint16 settled, bool paid) private {
        uint16 left = job.unsettled - settled;
        job.unsettled = left;
        if (paid) job.paid = true;
        if (left != 0) return;
        if (job.paid) {
            job.status = JobStatus.Completed;
            emit JobCompleted(jobId);
        } else {
            job.status = JobStatus.Refunded;
            emit JobRefunded(jobId);
        }
    }

    /// @dev Pays the provider its share and the CitadelFund its share, then asks the fund to tag
    /// the inflow. The payout never depends on that bookkeeping: if the fund refuses (e.g.
    /// governance removed this source), the money has moved all the same and the release events
    /// still carry the share. The call gets 63/64 of the gas left, far more than a refusal needs,
    /// and whatever happens in it, the 1/64 kept finishes this function.
    function _pay(address provider, uint256 providerShare, uint256 citadelShare) private {
        if (providerShare > 0) AZR.safeTransfer(provider, providerShare);
        if (citadelShare > 0) {
            AZR.safeTransfer(address(CITADEL_FUND), citadelShare);
            try CITADEL_FUND.recordInflow(address(AZR), citadelShare) {} catch {} // solhint-disable-line no-empty-blocks
        }
    }

    function _jobWithStatus(
        uint256 jobId,
        JobStatus expected
    ) private view returns (Job storage job) {
        job = _jobs[jobId];
        if (job.status == JobStatus.None) revert JobEscrowJobNotFound(jobId);
        if (job.status != expected)
            revert JobEscrowUnexpectedJobStatus(jobId, job.status, expected);
    }

    function _milestoneWithStatus(
        uint256 jobId,
        Job storage job,
        uint256 index,
        MilestoneStatus expected
    ) private view returns (Milestone storage milestone) {
        if (index >= job.milestoneCount) {
            revert JobEscrowMilestoneNotFound(jobId, index, job.milestoneCount);
        }
        milestone = _milestones[jobId][index];
        if (milestone.status != expected) {
            revert JobEscrowUnexpectedMilestoneStatus(jobId, index, milestone.status, expected);
        }
    }

    function _onlyClient(uint256 jobId, Job storage job) private view {
        if (msg.sender != job.client) revert JobEscrowNotClient(jobId, msg.sender);
    }

    function _onlyProvider(uint256 jobId, Job storage job) private view {
        if (msg.sender != job.provider) revert JobEscrowNotProvider(jobId, msg.sender);
    }

    function _checkBeforeDeadline(uint256 jobId, Job storage job) private view {
        if (block.timestamp > job.deadline) revert JobEscrowDeadlinePassed(jobId, job.deadline);
    }

    function _checkAssignmentOpen(uint256 jobId, Job storage job) private view {
        uint256 closedAt = job.deadline - MIN_TIME_TO_DELIVER;
        if (block.timestamp > closedAt) revert JobEscrowAssignmentClosed(jobId, closedAt);
    }

    function _checkCid(string calldata cid, bool required) private pure {
        uint256 length = bytes(cid).length;
        if ((required && length == 0) || length > MAX_CID_LENGTH)
            revert JobEscrowInvalidCid(length);
    }

    function _setReviewWindow(uint32 reviewWindow_) private {
        if (reviewWindow_ < MIN_REVIEW_WINDOW || reviewWindow_ > MAX_REVIEW_WINDOW) {
            revert JobEscrowInvalidReviewWindow(reviewWindow_);
        }
        _reviewWindow = reviewWindow_;
        emit ReviewWindowSet(reviewWindow_);
    }

    function _setLimits(uint16 maxMilestones_, uint128 minMilestoneAmount_) private {
        if (
            maxMilestones_ == 0 ||
            maxMilestones_ > MAX_MILESTONES_LIMIT ||
            minMilestoneAmount_ < ProtocolFee.CITADEL_DIVISOR
        ) revert JobEscrowInvalidLimits(maxMilestones_, minMilestoneAmount_);
        _maxMilestones = maxMilestones_;
        _minMilestoneAmount = minMilestoneAmount_;
        emit LimitsSet(maxMilestones_, minMilestoneAmount_);
    }
}
