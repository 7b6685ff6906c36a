import { useTranslations } from "next-intl";
import { Address, Amount } from "@/app/_components/ui";
import { decodeCall } from "../_lib/proposals";

const SECONDS_PER_DAY = 86_400n;
const SECONDS_PER_HOUR = 3_600n;

/**
 * One call of a proposal in plain words, decoded with the ABI of the contract it targets: the
 * proposal page (a server component) and the /dao/new preview (a client one) both render it, so
 * what a proposer previews is what voters read.
 */
export function CallWords({
  target,
  calldata,
  link = true,
}: {
  target: string;
  calldata: string;
  link?: boolean;
}) {
  const t = useTranslations("dao");
  const call = decodeCall(target, calldata);
  switch (call.kind) {
    case "release":
      return (
        <>
          {t("calls.release")} <Amount value={call.amount} /> {t("calls.releaseTo")}{" "}
          <Address address={call.to} copy={false} link={link} />
        </>
      );
    case "registerCourse":
      return (
        <>
          {t("calls.registerCourse", { title: call.title })} <Amount value={call.reward} />
          {t("calls.registerCourseTerms", {
            minScore: call.minScore.toString(),
            days: (call.validity / SECONDS_PER_DAY).toString(),
          })}{" "}
          <Address address={call.verifier} copy={false} link={link} />
        </>
      );
    case "updateCourse":
      return (
        <>
          {t("calls.updateCourse", { course: call.courseId.toString() })} <Amount value={call.reward} />
        </>
      );
    case "setCourseActive":
      return (
        <>
          {t(call.active ? "calls.activateCourse" : "calls.deactivateCourse", {
            course: call.courseId.toString(),
          })}
        </>
      );
    case "appointArbiter":
      return (
        <>
          {t("calls.appointArbiter")} <Address address={call.account} copy={false} link={link} />
        </>
      );
    case "grantRole":
      return (
        <>
          {t("calls.grantRole", { role: call.role, contract: call.contract })}{" "}
          <Address address={call.account} copy={false} link={link} />
        </>
      );
    case "setVerifierLimit":
      return (
        <>
          {t("calls.setVerifierLimit", { limit: call.limit.toString() })}{" "}
          <Address address={call.verifier} copy={false} link={link} />
        </>
      );
    case "setEmissionSchedule":
      return (
        <>
          {t("calls.setEmissionSchedule", { hours: (call.epochLength / SECONDS_PER_HOUR).toString() })}{" "}
          <Amount value={call.initialBudget} />
          {t("calls.emissionHalving", { epochs: call.halvingInterval.toString() })}
        </>
      );
    case "other":
      return (
        <>
          {t("calls.other", { fn: call.functionName ?? "?" })}{" "}
          <Address address={call.target} copy={false} link={link} />
        </>
      );
  }
}
