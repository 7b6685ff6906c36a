// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {IERC6372} from "@openzeppelin/contracts/interfaces/IERC6372.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Capped} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Capped.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";
import {IAzoraToken} from "./interfaces/IAzoraToken.sol";

/// @title Azora (AZR)
/// @notice The Azora token (see IAzoraToken): OpenZeppelin's ERC20, ERC20Permit, ERC20Votes and
/// ERC20Capped on a timestamp clock. DEFAULT_ADMIN_ROLE manages roles and ends with the Timelock.
/// @dev One change to ERC20Votes: instead of checkpointing the total supply on every mint, it
/// checkpoints the votable supply (AZR delegated to someone), which moves only when AZR crosses
/// between delegated and undelegated holders. `getPastTotalSupply` answers it, so the Governor's
/// quorum fraction counts only AZR that can vote: never the CitadelFund's or the escrow's, which
/// never delegate. A claim (two mints to undelegated holders) then writes no checkpoint at all.
contract AzoraToken is ERC20, ERC20Permit, ERC20Votes, ERC20Capped, AccessControl, IAzoraToken {
    using Checkpoints for Checkpoints.Trace208;

    /// @notice Role allowed to mint new AZR, up to the cap.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    Checkpoints.Trace208 private _votableCheckpoints;

    /// @param admin Receives DEFAULT_ADMIN_ROLE (the deployer until governance takes over).
    /// @param cap_ Maximum total supply, in wei of AZR (18 decimals).
    constructor(
        address admin,
        uint256 cap_
    ) ERC20("Azora", "AZR") ERC20Permit("Azora") ERC20Capped(cap_) {
        if (admin == address(0)) revert AzoraTokenInvalidAdmin(admin);
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @inheritdoc IAzoraToken
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }

    /// @inheritdoc IAzoraToken
    function votableSupply() external view returns (uint256) {
        return _votableCheckpoints.latest();
    }

    /// @inheritdoc IVotes
    /// @dev The votable supply (AZR delegated) at `timepoint`, not the ERC-20 total supply.
    function getPastTotalSupply(
        uint256 timepoint
    ) public view override(IVotes, Votes) returns (uint256) {
        return _votableCheckpoints.upperLookupRecent(_validateTimepoint(timepoint));
    }

    /// @inheritdoc IVotes
    function delegates(address account) public view override(IVotes, Votes) returns (address) {
        // Minted and burned AZR come from and go to the zero address, which never delegates:
        // skip reading its (always empty) slot.
        return account == address(0) ? address(0) : super.delegates(account);
    }

    /// @inheritdoc IERC6372
    function clock() public view override(IERC6372, Votes) returns (uint48) {
        return Time.timestamp();
    }

    /// @inheritdoc IERC6372
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override(IERC6372, Votes) returns (string memory) {
        return "mode=timestamp";
    }

    /// @inheritdoc IERC20Permit
    function nonces(
        address owner
    ) public view override(IERC20Permit, ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(
        address from,
        address to,
        uint256 value
    ) internal override(ERC20, ERC20Votes, ERC20Capped) {
        super._update(from, to, value);
    }

    /// @dev Moves votes only: the total supply is ERC20's `totalSupply`, and the votable supply
    /// moves in `_moveDelegateVotes`.
    function _transferVotingUnits(address from, address to, uint256 amount) internal override {
        _moveDelegateVotes(delegates(from), delegates(to), amount);
    }

    /// @dev Votes entering the delegated world (from no delegate to one) add to the votable supply;
    /// votes leaving it subtract.
    function _moveDelegateVotes(address from, address to, uint256 amount) internal override {
        super._moveDelegateVotes(from, to, amount);
        if ((from == address(0)) == (to == address(0)) || amount == 0) return;
        uint208 latest = _votableCheckpoints.latest();
        uint208 delta = SafeCast.toUint208(amount);
        _votableCheckpoints.push(clock(), from == address(0) ? latest + delta : latest - delta);
    }
}
