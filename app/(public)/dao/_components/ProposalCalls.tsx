import { getTranslations } from "next-intl/server";
import { Address, Amount } from "@/app/_components/ui";
import { decodeCall } from "../_lib/proposals";

/** What a proposal will do, one call a line, in plain words (decoded with the contracts' ABIs). */
export async function ProposalCalls({ targets, calldatas }: { targets: string[]; calldatas: string[] }) {
  const t = await getTranslations("dao");
  return (
    <ol className="proposal-calls" data-testid="proposal-calls">
      {targets.map((target, index) => {
        const call = decodeCall(target, calldatas[index] ?? "0x");
        let line;
        switch (call.kind) {
          case "release":
            line = (
              <>
                {t("calls.release")} <Amount value={call.amount} /> {t("calls.releaseTo")}{" "}
                <Address address={call.to} copy={false} />
              </>
            );
            break;
          case "registerCourse":
            line = (
              <>
                {t("calls.registerCourse")} <Amount value={call.reward} />
              </>
            );
            break;
          case "updateCourse":
            line = (
              <>
                {t("calls.updateCourse", { course: call.courseId.toString() })} <Amount value={call.reward} />
              </>
            );
            break;
          case "setCourseActive":
            line = t(call.active ? "calls.activateCourse" : "calls.deactivateCourse", {
              course: call.courseId.toString(),
            });
            break;
          case "appointArbiter":
            line = (
              <>
                {t("calls.appointArbiter")} <Address address={call.account} copy={false} />
              </>
            );
            break;
          case "grantRole":
            line = (
              <>
                {t("calls.grantRole", { role: call.role, contract: call.contract })}{" "}
                <Address address={call.account} copy={false} />
              </>
            );
            break;
          case "setVerifierLimit":
            line = (
              <>
                {t("calls.setVerifierLimit", { limit: call.limit.toString() })}{" "}
                <Address address={call.verifier} copy={false} />
              </>
            );
            break;
          case "setEmissionSchedule":
            line = (
              <>
                {t("calls.setEmissionSchedule", {
                  hours: Number(call.epochLength / 3_600n),
                })}{" "}
                <Amount value={call.initialBudget} />
              </>
            );
            break;
          case "other":
            line = (
              <>
                {t("calls.other", { fn: call.functionName ?? "?" })}{" "}
                <Address address={call.target} copy={false} />
              </>
            );
        }
        return <li key={index}>{line}</li>;
      })}
    </ol>
  );
}
