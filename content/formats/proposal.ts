import { z } from "zod";
import { text } from "./common";

/** A DAO proposal's text; the on-chain description carries its CID (protocol/proposals.ts). */
export const proposalSchema = z
  .object({
    title: text(120),
    body: text(50_000).describe("Motivation and details, in markdown"),
  })
  .strict()
  .meta({
    title: "Azora proposal text",
    description:
      "A DAO proposal's text, one JSON file; the proposal's on-chain description references its CID.",
  });

export type Proposal = z.infer<typeof proposalSchema>;
