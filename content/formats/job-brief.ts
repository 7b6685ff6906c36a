import { z } from "zod";
import { languageTag, tags, text } from "./common";

/** A job's brief (see the description below). */
export const jobBriefSchema = z
  .object({
    title: text(120),
    summary: text(500),
    description: text(20_000).describe("What is to be done, in markdown"),
    language: languageTag,
    skills: tags.describe("Skills the job needs"),
    milestones: z
      .array(z.object({ title: text(120), description: text(5_000).describe("Markdown") }).strict())
      .min(1, "expected at least one milestone")
      .max(20),
  })
  .strict()
  .meta({
    title: "Azora job brief",
    description:
      "A job's brief, one JSON file whose CID goes on chain with the job. Amounts and the deadline " +
      "live on chain; the milestones here describe the chain's milestones, in the same order.",
  });

export type JobBrief = z.infer<typeof jobBriefSchema>;
