import { ponder } from "ponder:registry";
import type { Context } from "ponder:registry";
import { roleMember } from "ponder:schema";
import type { Address, Hex } from "viem";
import { roleConstant } from "../../../protocol/roles";

/** The contracts with AccessControl roles. */
type RoleContract = "AzoraToken" | "AzoraCredential" | "ProofOfKnowledge" | "JobEscrow" | "AzoraTimelock";

/** Records that `account` now holds, or no longer holds, `role` of `contract`. */
export async function setRole(
  db: Context["db"],
  change: {
    contract: Address;
    contractName: string;
    role: Hex | "owner";
    account: Address;
    active: boolean;
    by: Address;
    timestamp: bigint;
    transactionHash: Hex;
  },
) {
  const { contract, contractName, role, account, active, by, timestamp, transactionHash } = change;
  const roleName = role === "owner" ? "owner" : roleConstant(role);
  await db
    .insert(roleMember)
    .values({
      id: `${contract.toLowerCase()}-${role}-${account.toLowerCase()}`,
      contract,
      contractName,
      role,
      roleName,
      account,
      active,
      grantedBy: active ? by : null,
      revokedBy: active ? null : by,
      updatedAt: timestamp,
      transactionHash,
    })
    .onConflictDoUpdate((row) => ({
      active,
      grantedBy: active ? by : row.grantedBy,
      revokedBy: active ? null : by,
      updatedAt: timestamp,
      transactionHash,
    }));
}

/**
 * Indexes `name`'s RoleGranted and RoleRevoked (one line in each contract's handler file). The
 * events are the same in every AccessControl contract, so one handler serves them all.
 */
export function indexRoles(name: RoleContract) {
  for (const [event, active] of [
    ["RoleGranted", true],
    ["RoleRevoked", false],
  ] as const) {
    ponder.on(`${name}:${event}` as "AzoraToken:RoleGranted", async ({ event: log, context }) => {
      await setRole(context.db, {
        contract: log.log.address,
        contractName: name,
        role: log.args.role,
        account: log.args.account,
        active,
        by: log.args.sender,
        timestamp: log.block.timestamp,
        transactionHash: log.transaction.hash,
      });
    });
  }
}
