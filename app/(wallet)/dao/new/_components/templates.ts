import { getAddress, isAddress, parseUnits } from "viem";
import type { Address } from "viem";
import { manifest } from "@/deployments/index";
import { contractOf } from "@/protocol/manifest";
import { courseTitleProblem } from "@/protocol/metadata-text";
import { Roles } from "@/protocol/roles";
import type { ProposalCall } from "@/protocol/proposals";
import type { CourseSettings } from "@/protocol/course";

// The proposal templates of /dao/new: each turns a few form fields into the calls a passed
// proposal makes through the Timelock, with the contracts' own ABIs (no hand-written calldata).

export const TEMPLATES = [
  "grant",
  "registerCourse",
  "updateReward",
  "deactivateCourse",
  "arbiter",
  "verifierLimit",
  "emission",
] as const;
export type Template = (typeof TEMPLATES)[number];

export type Field =
  | "recipient"
  | "amount"
  | "courseTitle"
  | "contentCid"
  | "reward"
  | "verifier"
  | "minScore"
  | "validityDays"
  | "courseId"
  | "account"
  | "limit"
  | "epochHours"
  | "budget"
  | "halvingEpochs";

/** The fields each template asks for (catalog: `dao.new.field.<name>`). */
export const FIELDS: Record<Template, readonly Field[]> = {
  grant: ["recipient", "amount"],
  registerCourse: ["courseTitle", "contentCid", "reward", "verifier", "minScore", "validityDays"],
  updateReward: ["courseId", "reward"],
  deactivateCourse: ["courseId"],
  arbiter: ["account"],
  verifierLimit: ["verifier", "limit"],
  emission: ["epochHours", "budget", "halvingEpochs"],
};

/** What the chain says about a course, for the templates that keep its other settings. */
export type CourseNow = Omit<CourseSettings, "reward">;

export class FieldError extends Error {
  constructor(readonly field: Field) {
    super(field);
  }
}

const address = (values: Record<string, string>, field: Field): Address => {
  const value = (values[field] ?? "").trim();
  if (!isAddress(value)) throw new FieldError(field);
  return getAddress(value);
};
const whole = (values: Record<string, string>, field: Field, max: bigint): bigint => {
  const value = (values[field] ?? "").trim();
  if (!/^[0-9]{1,30}$/.test(value) || BigInt(value) > max) throw new FieldError(field);
  return BigInt(value);
};
const azr = (values: Record<string, string>, field: Field): bigint => {
  const value = (values[field] ?? "").trim();
  if (!/^[0-9]{1,12}(\.[0-9]{1,18})?$/.test(value)) throw new FieldError(field);
  const amount = parseUnits(value, 18);
  if (amount === 0n) throw new FieldError(field);
  return amount;
};

/** The calls of `template` for `values`; throws FieldError naming the first bad field. */
export function callsOf(
  template: Template,
  values: Record<string, string>,
  course: CourseNow | undefined,
): ProposalCall[] {
  const fund = contractOf(manifest, "CitadelFund");
  const token = contractOf(manifest, "AzoraToken");
  const pok = contractOf(manifest, "ProofOfKnowledge");
  const escrow = contractOf(manifest, "JobEscrow");
  switch (template) {
    case "grant":
      return [
        {
          ...fund,
          target: fund.address,
          functionName: "release",
          args: [token.address, address(values, "recipient"), azr(values, "amount")],
        },
      ];
    case "registerCourse": {
      const title = (values.courseTitle ?? "").trim();
      if (courseTitleProblem(title)) throw new FieldError("courseTitle");
      const cid = (values.contentCid ?? "").trim();
      if (!/^[a-z0-9]{20,100}$/i.test(cid)) throw new FieldError("contentCid");
      return [
        {
          ...pok,
          target: pok.address,
          functionName: "registerCourse",
          args: [
            {
              title,
              contentCid: cid,
              reward: azr(values, "reward"),
              verifier: address(values, "verifier"),
              minScore: Number(whole(values, "minScore", 10_000n)),
              validity: Number(whole(values, "validityDays", 36_500n) * 86_400n),
            },
          ],
        },
      ];
    }
    case "updateReward": {
      const id = whole(values, "courseId", 2n ** 64n);
      if (!course || course.verifier === "0x0000000000000000000000000000000000000000")
        throw new FieldError("courseId");
      return [
        {
          ...pok,
          target: pok.address,
          functionName: "updateCourse",
          args: [
            id,
            {
              title: course.title,
              contentCid: course.contentCid,
              reward: azr(values, "reward"),
              verifier: course.verifier,
              minScore: course.minScore,
              validity: course.validity,
            },
          ],
        },
      ];
    }
    case "deactivateCourse":
      return [
        {
          ...pok,
          target: pok.address,
          functionName: "setCourseActive",
          args: [whole(values, "courseId", 2n ** 64n), false],
        },
      ];
    case "arbiter":
      return [
        {
          ...escrow,
          target: escrow.address,
          functionName: "grantRole",
          args: [Roles.ARBITER, address(values, "account")],
        },
      ];
    case "verifierLimit":
      return [
        {
          ...pok,
          target: pok.address,
          functionName: "setVerifierLimit",
          args: [address(values, "verifier"), Number(whole(values, "limit", 2n ** 32n - 1n))],
        },
      ];
    case "emission":
      return [
        {
          ...pok,
          target: pok.address,
          functionName: "setEmissionSchedule",
          args: [
            Number(whole(values, "epochHours", 1_000_000n) * 3_600n),
            azr(values, "budget"),
            Number(whole(values, "halvingEpochs", 65_535n)),
          ],
        },
      ];
  }
}
