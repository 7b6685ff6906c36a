import { getAddress } from "viem";
import type { Address } from "viem";
import type { Appointees } from "../../protocol/manifest";
import { Roles } from "../../protocol/roles";
import { transactor } from "./transact";
import type { DeployClients, Deployed } from "./transact";

/** An account appointed at deploy to a role for a term. */
export interface TermAppointment {
  account: Address;
  /** How long the role lasts, in seconds from the deployment (a guardian's at most a year). */
  termSeconds: number;
}

/** The appointments a deploy config makes besides the Timelock's roles. */
export interface AppointmentConfig {
  /** JobEscrow arbiters (ARBITER_ROLE, until governance dismisses them). */
  arbiters: readonly Address[];
  /** ProofOfKnowledge guardians (GUARDIAN_ROLE for a term): they pause claims and disable verifiers. */
  guardians: readonly TermAppointment[];
  /**
   * Bootstrap curators (ProofOfKnowledge's CURATOR_ROLE for a term): they register the first
   * courses and verifier limits of a deployment whose DAO cannot act yet (docs/security.md, finding 8).
   */
  bootstrapCurators: readonly TermAppointment[];
}

/**
 * Grants every appointment of `config` from the deployer (still the contracts' admin) and returns
 * them with their terms' ends, for the manifest. Terms start at the latest block.
 */
export async function appoint(
  clients: DeployClients,
  contracts: { ProofOfKnowledge: Deployed; JobEscrow: Deployed },
  config: AppointmentConfig,
): Promise<Appointees> {
  const { call } = transactor(clients);
  const { timestamp } = await clients.publicClient.getBlock();
  const withTerms = async (role: string, appointments: readonly TermAppointment[]) => {
    const appointed: Appointees["guardians"] = [];
    for (const { account, termSeconds } of appointments) {
      const termEndsAt = Number(timestamp) + termSeconds;
      await call(contracts.ProofOfKnowledge, "grantRoleUntil", [role, account, termEndsAt]);
      appointed.push({ account: getAddress(account), termEndsAt });
    }
    return appointed;
  };
  for (const arbiter of config.arbiters)
    await call(contracts.JobEscrow, "grantRole", [Roles.ARBITER, arbiter]);
  return {
    arbiters: config.arbiters.map((arbiter) => getAddress(arbiter)),
    guardians: await withTerms(Roles.GUARDIAN, config.guardians),
    curators: await withTerms(Roles.CURATOR, config.bootstrapCurators),
  };
}
