// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @title AzoraTimelock
/// @notice OpenZeppelin's TimelockController, unchanged, under Azora's name: it owns the
/// CitadelFund and holds every admin, curator, guardian and revoker role of the Azora
/// contracts once governance has taken over. Passed AzoraGovernor proposals wait `getMinDelay()`
/// seconds here before anyone may execute them. It administers itself: its roles and delay
/// change only through its own operations, i.e. through proposals.
contract AzoraTimelock is TimelockController {
    /// @param minDelay Seconds an operation waits between being scheduled and executed.
    /// @param proposers Accounts that may schedule and cancel (the AzoraGovernor).
    /// @param executors Accounts that may execute; the zero address means anyone.
    /// @param admin An optional temporary admin for the handover (the zero address for none).
    constructor(
        uint256 minDelay,
        address[] memory proposers,
        address[] memory executors,
        address admin
    ) TimelockController(minDelay, proposers, executors, admin) {}
}
