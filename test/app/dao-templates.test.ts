import { expect } from "chai";
import { createRequire } from "node:module";
import { createElement } from "react";
import type { ReactElement } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getAddress, parseUnits } from "viem";
import { localAccount } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import { proposalOf } from "../../protocol/proposals";
import { manifest } from "../../deployments/index";
import { LOCALES } from "../../app/_i18n/config";
import type { Locale } from "../../app/_i18n/config";
import { CallWords } from "../../app/(public)/dao/_components/CallWords";
import { decodeCall } from "../../app/(public)/dao/_lib/proposals";
import type { DecodedCall } from "../../app/(public)/dao/_lib/proposals";
import { FIELDS, FieldError, TEMPLATES, callsOf } from "../../app/(wallet)/dao/new/_components/templates";
import type { CourseNow, Template } from "../../app/(wallet)/dao/new/_components/templates";

// /dao/new's templates, end to end without a chain: the form's values become calls (the
// contracts' ABIs), the calls become the calldata a proposal carries, and the proposal page
// decodes that calldata back into what was chosen, then into words in every language.

// react-dom ships no types here (no @types/react-dom): its server renderer, typed for this use.
const { renderToStaticMarkup } = createRequire(import.meta.url)("react-dom/server") as {
  renderToStaticMarkup: (element: ReactElement) => string;
};

const ZAWADI = localAccount(5).address;
const VERIFIER = localAccount(8).address;
const ARBITER = localAccount(12).address;
const CID = "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am";
const COURSE: CourseNow = {
  verifier: VERIFIER,
  minScore: 7_000,
  validity: 365 * 86_400,
  contentCid: CID,
  title: "Wallets and Safety",
};
const azr = (n: string) => parseUnits(n, 18);
/** An address as the page shows it without a name: 0x1234…abcd. */
const short = (a: string) => new RegExp(`${a.slice(0, 6)}…${a.slice(-4)}`);

/** Each template: what the form holds, and the decoded call a voter must read. */
const CASES: Record<Template, { values: Record<string, string>; decoded: DecodedCall; words: RegExp[] }> = {
  grant: {
    values: { recipient: ZAWADI.toLowerCase(), amount: "40.5" },
    decoded: {
      kind: "release",
      token: contractOf(manifest, "AzoraToken").address,
      to: getAddress(ZAWADI),
      amount: azr("40.5"),
    },
    words: [/Pay 40\.5\sAZR from the CitadelFund/, short(ZAWADI)],
  },
  registerCourse: {
    values: {
      courseTitle: " Akiba: Saving Together ",
      contentCid: CID,
      reward: "75",
      verifier: VERIFIER,
      minScore: "8000",
      validityDays: "730",
    },
    decoded: {
      kind: "registerCourse",
      title: "Akiba: Saving Together",
      contentCid: CID,
      reward: azr("75"),
      verifier: VERIFIER,
      minScore: 8_000n,
      validity: 730n * 86_400n,
    },
    words: [/“Akiba: Saving Together”/, /75\sAZR/, /8000/, /730 days/, short(VERIFIER)],
  },
  updateReward: {
    values: { courseId: "3", reward: "120" },
    decoded: { kind: "updateCourse", courseId: 3n, reward: azr("120") },
    words: [/course #3/, /120\sAZR/],
  },
  deactivateCourse: {
    values: { courseId: "2" },
    decoded: { kind: "setCourseActive", courseId: 2n, active: false },
    words: [/Close course #2/],
  },
  arbiter: {
    values: { account: ARBITER },
    decoded: { kind: "appointArbiter", account: ARBITER },
    words: [/arbiter/, short(ARBITER)],
  },
  verifierLimit: {
    values: { verifier: VERIFIER, limit: "250" },
    decoded: { kind: "setVerifierLimit", verifier: VERIFIER, limit: 250n },
    words: [/at most 250 claims/, short(VERIFIER)],
  },
  emission: {
    values: { epochHours: "168", budget: "5000", halvingEpochs: "52" },
    decoded: {
      kind: "setEmissionSchedule",
      epochLength: 168n * 3_600n,
      initialBudget: azr("5000"),
      halvingInterval: 52n,
    },
    words: [/168 hours/, /5,000\sAZR/, /every 52 epochs/],
  },
};

async function messages(locale: string) {
  const dao = (await import(`../../app/_i18n/messages/${locale}/dao.json`, { with: { type: "json" } })) as {
    default: Record<string, unknown>;
  };
  return { dao: dao.default };
}

function render(locale: Locale, dao: Awaited<ReturnType<typeof messages>>, target: string, calldata: string) {
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale,
      messages: dao,
      timeZone: "UTC",
      children: createElement(CallWords, { target, calldata, link: false }),
    }),
  ).replace(/<[^>]+>/g, "");
}

describe("app › DAO proposal templates (form → calldata → decoded call → words)", function () {
  it("has a case for every template and every field of each", function () {
    expect(Object.keys(CASES).sort()).to.deep.equal([...TEMPLATES].sort());
    for (const template of TEMPLATES)
      expect(Object.keys(CASES[template].values).sort(), template).to.deep.equal(
        [...FIELDS[template]].sort(),
      );
  });

  for (const template of TEMPLATES) {
    it(`${template}: the proposal's calldata decodes to what was chosen, in words in en, fr and sw`, async function () {
      const { values, decoded, words } = CASES[template];
      const calls = callsOf(template, values, COURSE);
      const proposal = proposalOf(calls, "# test");
      expect(proposal.targets).to.have.length(1);
      const [target] = proposal.targets;
      const [calldata] = proposal.calldatas;
      expect(decodeCall(target!, calldata!)).to.deep.equal(decoded);
      const english = render("en", await messages("en"), target!, calldata!);
      for (const word of words) expect(english, english).to.match(word);
      for (const locale of LOCALES) {
        const text = render(locale, await messages(locale), target!, calldata!);
        expect(text, `${locale}: ${text}`).to.not.match(/\{|dao\.calls|undefined|NaN/);
      }
    });
  }

  it("keeps the course's other settings when only its reward changes", function () {
    const [call] = callsOf("updateReward", { courseId: "3", reward: "120" }, COURSE);
    expect(call!.args).to.deep.equal([
      3n,
      {
        title: "Wallets and Safety",
        contentCid: CID,
        reward: azr("120"),
        verifier: VERIFIER,
        minScore: 7_000,
        validity: 365 * 86_400,
      },
    ]);
  });

  it("refuses a course title the chain would refuse (ProofOfKnowledgeInvalidCourseTitle), naming the field", function () {
    const values = CASES.registerCourse.values;
    for (const courseTitle of ["", "x".repeat(65), "Q&A", 'The "best"', "<b>"]) {
      expect(() => callsOf("registerCourse", { ...values, courseTitle }, COURSE), courseTitle)
        .to.throw(FieldError)
        .with.property("field", "courseTitle");
    }
  });
});
