import { getAddress, parseEther, zeroAddress, zeroHash } from "viem";
import type { Abi, Address, Hash, Hex } from "viem";
import { CitadelSource } from "../../protocol/enums";
import { Roles } from "../../protocol/roles";
import { AZR, COURSE, governed, networkHelpers } from "../support/fixture";
import { expectRevert } from "./helpers/revert";

const { loadFixture } = networkHelpers;

type Governed = Awaited<ReturnType<typeof governed>>;
type Contract = { address: Address; abi: Abi; write: Record<string, unknown> };

/** One governed function: who may call it is the Timelock alone, and what anyone else gets. */
interface GovernedCall {
  contract: keyof Pick<
    Governed,
    "token" | "fund" | "credential" | "pok" | "escrow" | "governor" | "timelock"
  >;
  functionName: string;
  args: (g: Governed) => readonly unknown[];
  /** The custom error and its arguments when `caller` calls. */
  error: (caller: Address, g: Governed) => [string, readonly unknown[]];
  /** Shown in the test name when a function is listed twice. */
  label?: string;
  /**
   * Whether the same call, made by the Timelock, is checked to succeed (simulated): not for the
   * Governor's own settings, which also insist on being inside a proposal's execution (tested
   * with a real proposal in AzoraGovernor.test.ts), nor where the state refuses it anyway.
   */
  timelockSucceeds?: false;
}

const missingRole = (role: string) => (caller: Address) =>
  ["AccessControlUnauthorizedAccount", [caller, role]] as [string, readonly unknown[]];
const notOwner = (caller: Address) =>
  ["OwnableUnauthorizedAccount", [caller]] as [string, readonly unknown[]];
const notExecutor = (caller: Address) => ["GovernorOnlyExecutor", [caller]] as [string, readonly unknown[]];

/**
 * Granting `role` to alice and, where `holder` is given, revoking it from its holder: on every
 * AccessControl contract both need DEFAULT_ADMIN_ROLE, which the Timelock alone holds.
 */
function roleAdministration(
  contract: GovernedCall["contract"],
  role: Hex,
  holder?: (g: Governed) => Address,
  labels: { grant?: string; revoke?: string } = {},
): GovernedCall[] {
  const error = missingRole(Roles.DEFAULT_ADMIN);
  const grant: GovernedCall = {
    contract,
    functionName: "grantRole",
    label: labels.grant,
    args: (g) => [role, g.alice.account.address],
    error,
  };
  if (!holder) return [grant];
  return [
    grant,
    { contract, functionName: "revokeRole", label: labels.revoke, args: (g) => [role, holder(g)], error },
  ];
}

/** Every function that governance alone may call, on every Azora contract. */
const GOVERNED: GovernedCall[] = [
  // AzoraToken
  ...roleAdministration("token", Roles.MINTER, (g) => g.pok.address),
  // CitadelFund
  {
    contract: "fund",
    functionName: "release",
    args: (g) => [g.token.address, g.alice.account.address, 1n],
    error: notOwner,
  },
  {
    contract: "fund",
    functionName: "release",
    args: (g) => [zeroAddress, g.alice.account.address, 0n],
    error: notOwner,
  },
  {
    contract: "fund",
    functionName: "setSource",
    args: (g) => [g.alice.account.address, CitadelSource.Escrow],
    error: notOwner,
  },
  {
    contract: "fund",
    functionName: "transferOwnership",
    args: (g) => [g.alice.account.address],
    error: notOwner,
  },
  { contract: "fund", functionName: "renounceOwnership", args: () => [], error: notOwner },
  // AzoraCredential
  ...roleAdministration("credential", Roles.REVOKER),
  {
    contract: "credential",
    functionName: "reinstate",
    args: () => [1n, "no reason"],
    error: missingRole(Roles.DEFAULT_ADMIN),
    timelockSucceeds: false, // no such credential
  },
  {
    contract: "credential",
    functionName: "setBaseUrl",
    args: () => ["https://azora.example"],
    error: missingRole(Roles.DEFAULT_ADMIN),
  },
  {
    contract: "credential",
    functionName: "revokeBatch",
    args: (g) => [g.verifier.account.address, [], "no reason"],
    error: (caller, g) => [
      "AzoraCredentialUnauthorizedRevoker",
      [caller, getAddress(g.verifier.account.address)],
    ],
  },
  // ProofOfKnowledge
  {
    contract: "pok",
    functionName: "registerCourse",
    args: (g) => [
      {
        title: COURSE.title,
        contentCid: COURSE.contentCid,
        reward: AZR(1),
        verifier: g.verifier.account.address,
        minScore: 7_000,
        validity: 0,
      },
    ],
    error: missingRole(Roles.CURATOR),
  },
  {
    contract: "pok",
    functionName: "updateCourse",
    args: (g) => [
      1n,
      {
        title: COURSE.title,
        contentCid: COURSE.contentCid,
        reward: AZR(1_000),
        verifier: g.verifier.account.address,
        minScore: 0,
        validity: 0,
      },
    ],
    error: missingRole(Roles.CURATOR),
  },
  {
    contract: "pok",
    functionName: "setCourseActive",
    args: () => [1n, false],
    error: missingRole(Roles.CURATOR),
  },
  {
    contract: "pok",
    functionName: "setVerifierLimit",
    args: (g) => [g.verifier.account.address, 1_000_000],
    error: missingRole(Roles.CURATOR),
  },
  {
    contract: "pok",
    functionName: "enableVerifier",
    args: (g) => [g.verifier.account.address],
    error: missingRole(Roles.DEFAULT_ADMIN),
    timelockSucceeds: false, // the verifier is not disabled
  },
  {
    contract: "pok",
    functionName: "setEmissionSchedule",
    args: () => [86_400, AZR(1), 1],
    error: missingRole(Roles.DEFAULT_ADMIN),
  },
  {
    contract: "pok",
    functionName: "pauseClaims",
    args: () => [],
    error: missingRole(Roles.GUARDIAN),
  },
  {
    contract: "pok",
    functionName: "unpauseClaims",
    args: () => [],
    error: missingRole(Roles.DEFAULT_ADMIN),
    timelockSucceeds: false, // claims are not paused
  },
  {
    contract: "pok",
    functionName: "grantRoleUntil",
    label: "(appoint a guardian)",
    args: (g) => [Roles.GUARDIAN, g.alice.account.address, 4_000_000_000],
    error: missingRole(Roles.DEFAULT_ADMIN),
    timelockSucceeds: false, // a term of more than a year
  },
  {
    contract: "pok",
    functionName: "disableVerifier",
    args: (g) => [g.verifier.account.address],
    error: (caller, g) => [
      "ProofOfKnowledgeUnauthorizedDisable",
      [caller, getAddress(g.verifier.account.address)],
    ],
  },
  ...roleAdministration("pok", Roles.CURATOR),
  // JobEscrow
  {
    contract: "escrow",
    functionName: "setReviewWindow",
    args: () => [86_400],
    error: missingRole(Roles.DEFAULT_ADMIN),
  },
  {
    contract: "escrow",
    functionName: "setLimits",
    args: () => [5, AZR(10)],
    error: missingRole(Roles.DEFAULT_ADMIN),
  },
  ...roleAdministration("escrow", Roles.ARBITER, (g) => g.arbiter.account.address, {
    grant: "(appoint an arbiter)",
    revoke: "(dismiss an arbiter)",
  }),
  // AzoraGovernor
  {
    contract: "governor",
    functionName: "setVotingDelay",
    args: () => [0],
    error: notExecutor,
    timelockSucceeds: false,
  },
  {
    contract: "governor",
    functionName: "setVotingPeriod",
    args: () => [1],
    error: notExecutor,
    timelockSucceeds: false,
  },
  {
    contract: "governor",
    functionName: "setProposalThreshold",
    args: () => [0n],
    error: notExecutor,
    timelockSucceeds: false,
  },
  {
    contract: "governor",
    functionName: "updateQuorumNumerator",
    args: () => [0n],
    error: notExecutor,
    timelockSucceeds: false,
  },
  {
    contract: "governor",
    functionName: "setLateQuorumVoteExtension",
    args: () => [0],
    error: notExecutor,
    timelockSucceeds: false,
  },
  {
    contract: "governor",
    functionName: "updateTimelock",
    args: (g) => [g.alice.account.address],
    error: notExecutor,
    timelockSucceeds: false,
  },
  {
    contract: "governor",
    functionName: "relay",
    args: (g) => [g.fund.address, 0n, "0x"],
    error: notExecutor,
    timelockSucceeds: false,
  },
  // AzoraTimelock
  {
    contract: "timelock",
    functionName: "updateDelay",
    args: () => [0n],
    error: (caller) => ["TimelockUnauthorizedCaller", [caller]],
  },
  ...roleAdministration("timelock", Roles.PROPOSER, (g) => g.governor.address),
];

describe("governance › only the Timelock calls a governed function", () => {
  /** The deployer, the biggest voter, the relayer, the escrow arbiter and the Governor itself. */
  async function callers(g: Governed): Promise<{ label: string; address: Address }[]> {
    await networkHelpers.impersonateAccount(g.governor.address);
    await networkHelpers.setBalance(g.governor.address, parseEther("1"));
    return [
      { label: "the deployer", address: getAddress(g.deployer.account.address) },
      { label: "the biggest voter", address: getAddress(g.alice.account.address) },
      { label: "the relayer", address: getAddress(g.relayer.account.address) },
      { label: "the escrow arbiter", address: getAddress(g.arbiter.account.address) },
      { label: "the Governor", address: getAddress(g.governor.address) },
    ];
  }

  for (const call of GOVERNED) {
    const name = [`${call.contract}.${call.functionName}`, call.label].filter(Boolean).join(" ");
    it(`${name}: reverts for every account but the Timelock`, async () => {
      const g = await loadFixture(governed);
      const contract = g[call.contract] as unknown as Contract;
      for (const { address } of await callers(g)) {
        const write = contract.write[call.functionName] as (
          args: readonly unknown[],
          options: { account: Address },
        ) => Promise<Hash>;
        const [name, args] = call.error(address, g);
        await expectRevert(write(call.args(g), { account: address }), name, args as unknown[]);
      }
      if (call.timelockSucceeds !== false) {
        await g.publicClient.simulateContract({
          address: contract.address,
          abi: contract.abi,
          functionName: call.functionName,
          args: call.args(g),
          account: g.timelock.address,
        });
      }
    });
  }

  it("lets only the Governor schedule or cancel on the Timelock", async () => {
    const g = await loadFixture(governed);
    const { timelock, deployer, alice, relayer } = g;
    for (const account of [deployer, alice, relayer]) {
      await expectRevert(
        timelock.write.schedule([g.fund.address, 0n, "0x", zeroHash, zeroHash, 2n * 86_400n], {
          account: account.account,
        }),
        "AccessControlUnauthorizedAccount",
        [getAddress(account.account.address), Roles.PROPOSER],
      );
      await expectRevert(
        timelock.write.cancel([zeroHash], { account: account.account }),
        "AccessControlUnauthorizedAccount",
        [getAddress(account.account.address), Roles.CANCELLER],
      );
    }
  });
});
