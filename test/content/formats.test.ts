import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { openEmbeddedStore } from "../../content/embedded";
import { FormatError, parseFormat } from "../../content/formats/common";
import { addCourse, checkCoursePackage, packCourse } from "../../content/formats/course-package";
import type { Course } from "../../content/formats/course";
import { JSON_FORMATS, jsonSchemas } from "../../content/formats/index";
import type { JsonFormat } from "../../content/formats/index";
import { REPO_ROOT } from "../../scripts/stack/paths";
import { useTempDir, utf8 } from "./support";

const COURSES = ["wallets-and-safety", "budgeting-irregular-income", "typescript-first-steps"];
const courseFolder = (name: string) => path.join(REPO_ROOT, "courses", name);

async function issuesOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => expect.fail("expected a FormatError"),
    (error: unknown) => error,
  );
  expect(error).to.be.instanceOf(FormatError);
  return (error as FormatError).issues;
}

describe("content › formats", function () {
  describe("course packages", function () {
    const dir = useTempDir({ each: true });

    /** A copy of a real course folder, changed by `change`, then packed. */
    async function packChanged(change: (folder: string, course: Course) => Promise<unknown>) {
      const folder = path.join(dir.dir, "course");
      await cp(courseFolder("wallets-and-safety"), folder, { recursive: true });
      const course = JSON.parse(await readFile(path.join(folder, "course.json"), "utf8")) as Course;
      const changed = await change(folder, course);
      if (changed !== undefined) await writeFile(path.join(folder, "course.json"), JSON.stringify(changed));
      return packCourse(folder);
    }

    for (const name of COURSES) {
      it(`packs courses/${name}: course.json, every lesson and image, never answers.json`, async function () {
        const { course, files } = await packCourse(courseFolder(name));
        const paths = files.map((file) => file.path);
        expect(paths).to.include("course.json");
        expect(paths).to.include.members(course.lessons.map((lesson) => lesson.file));
        expect(paths.filter((p) => p.startsWith("images/"))).to.have.length.greaterThan(0);
        expect(paths).to.not.include("answers.json");
        expect(course.quiz.questions.length).to.be.at.least(8);
        expect(course.lessons.length).to.be.at.least(4);
      });
    }

    it("adds a course: the directory CID of exactly its package", async function () {
      const store = await openEmbeddedStore(path.join(dir.dir, "store"));
      const cid = await addCourse(store, courseFolder("typescript-first-steps"));
      const { files } = await packCourse(courseFolder("typescript-first-steps"));
      expect(String(cid)).to.equal(String(await store.addTree(files)));
      const listing = await store.stat(cid);
      expect(listing).to.include({ type: "directory", entries: 3 }); // course.json, images, lessons
    });

    /**
     * Broken copies of a real course (`change` edits the folder, or returns course.json changed)
     * and the issues packing one must name: exactly these, or these among others (`among`).
     */
    const BROKEN: {
      name: string;
      change: (folder: string, course: Course) => Promise<unknown>;
      issues: string[];
      among?: true;
    }[] = [
      {
        name: "names the field of a question without 4 options",
        change: async (_, course) => {
          course.quiz.questions[3]?.options.pop();
          return course;
        },
        issues: ["course.json: quiz.questions[3].options: expected 4 options"],
      },
      {
        name: "names every broken field of course.json at once, and refuses an answer in the clear",
        change: async (_, course) => ({
          ...course,
          level: "expert",
          language: "English",
          quiz: {
            ...course.quiz,
            passingScore: 12_000,
            questions: course.quiz.questions.map((q, i) =>
              i === 0 ? { ...q, answer: 1 } : { ...q, id: "q2" },
            ),
          },
        }),
        issues: [
          'course.json: level: Invalid option: expected one of "beginner"|"intermediate"|"advanced"',
          'course.json: language: expected a language tag such as "en" or "pt-BR"',
          "course.json: quiz.passingScore: Too big: expected number to be <=10000",
          'course.json: quiz.questions[0]: Unrecognized key: "answer"',
        ],
        among: true,
      },
      {
        name: "finds duplicate question ids and repeated options",
        change: async (_, course) => {
          const [first, second] = course.quiz.questions;
          if (!first || !second) throw new Error("the course has too few questions");
          second.id = first.id;
          first.options[1] = first.options[0] ?? "";
          return course;
        },
        issues: [
          "course.json: quiz.questions[0].options: options must differ",
          'course.json: quiz.questions[1].id: duplicate id "q1"',
        ],
      },
      {
        name: "names a lesson or an image that is not there",
        change: async (folder) => {
          await rm(path.join(folder, "lessons", "03-transactions-and-fees.md"));
          await rm(path.join(folder, "images", "chain.svg"));
        },
        issues: [
          "lessons/01-what-is-a-blockchain.md: image images/chain.svg is not in the package",
          "course.json: lessons[2].file: lessons/03-transactions-and-fees.md is not in the package",
        ],
      },
      {
        name: "checks the clear answer key against the questions",
        change: async (folder) => {
          await writeFile(path.join(folder, "answers.json"), JSON.stringify({ q1: 1, q2: 4, q21: 0 }));
        },
        issues: [
          "answers.json: q2: expected an option index 0–3",
          "answers.json: q21: not a question of course.json",
          "answers.json: q12: no answer",
        ],
        among: true,
      },
    ];

    for (const { name, change, issues, among } of BROKEN) {
      it(name, async function () {
        const found = await issuesOf(packChanged(change));
        if (among) expect(found).to.include.members(issues);
        else expect(found).to.deep.equal(issues);
      });
    }

    it("refuses a package with an answer key, a stray file, or a file that is not its type", async function () {
      const { files } = await packCourse(courseFolder("wallets-and-safety"));
      const map = new Map(files.map(({ path, content }) => [path, content ?? new Uint8Array()]));
      map.set("answers.json", utf8("{}"));
      map.set("notes/todo.md", utf8("- finish"));
      map.set("images/chain.svg", utf8("not an svg"));
      expect(() => checkCoursePackage(map))
        .to.throw(FormatError)
        .with.property("issues")
        .that.deep.equals([
          "images/chain.svg: not a valid image/svg+xml",
          "answers.json: the answer key must never be published in the clear (use answers.enc)",
          "notes/todo.md: not listed in course.json nor shown by a lesson",
        ]);
    });
  });

  describe("job briefs, proposal texts, credential metadata", function () {
    const valid = {
      "job-brief": {
        title: "Translate lesson 1 to Swahili",
        summary: "One lesson, about 1,000 words.",
        description: "Translate `lessons/01-what-is-a-blockchain.md` and keep the markdown.",
        language: "sw",
        skills: ["translation", "swahili"],
        milestones: [{ title: "Draft", description: "The whole lesson, first pass." }],
      },
      proposal: { title: "Fund a Swahili course", body: "## Why\nMore learners read Swahili than English." },
      credential: {
        name: "Wallets and Safety",
        description: "Passed the Wallets and Safety quiz on Azora.",
        image: "ipfs://bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am",
        attributes: [{ trait_type: "Score", value: 9167, display_type: "number" }],
      },
    };

    for (const [name, value] of Object.entries(valid)) {
      it(`accepts a good ${name}`, function () {
        expect(parseFormat(JSON_FORMATS[name as JsonFormat], value)).to.deep.equal(value);
      });
    }

    it("names the broken fields", function () {
      const issues = (name: JsonFormat, value: unknown) => {
        try {
          parseFormat(JSON_FORMATS[name], value);
        } catch (error) {
          return (error as FormatError).issues;
        }
        return expect.fail(`${name} was accepted`);
      };
      expect(
        issues("job-brief", { ...valid["job-brief"], milestones: [{ title: " ", description: "x" }] }),
      ).to.deep.equal(["milestones[0].title: must not be empty"]);
      expect(issues("proposal", { title: "x".repeat(121), body: "b" })).to.deep.equal([
        "title: must be at most 120 characters",
      ]);
      expect(issues("credential", { ...valid.credential, image: "ipfs://not-a-cid" })).to.deep.equal([
        "image: expected ipfs://<cid>[/path] or an https:// URL",
      ]);
    });
  });

  it("keeps content/formats/schemas/*.schema.json in step with the zod schemas (tsx content/formats/write-schemas.ts)", async function () {
    for (const [file, schema] of Object.entries(jsonSchemas())) {
      const written = JSON.parse(
        await readFile(path.join(REPO_ROOT, "content", "formats", "schemas", file), "utf8"),
      );
      expect(written, file).to.deep.equal(JSON.parse(JSON.stringify(schema)));
    }
  });
});
