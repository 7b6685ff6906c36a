import { z } from "zod";
import { answerKeyEnvelopeSchema } from "./answer-key";
import { courseSchema } from "./course";
import { credentialMetadataSchema } from "./credential";
import { jobBriefSchema } from "./job-brief";
import { proposalSchema } from "./proposal";

export type JsonFormat = "job-brief" | "proposal" | "credential";

/** The formats that are one JSON file, by the name an upload gives as `?format=`. */
export const JSON_FORMATS: Record<JsonFormat, z.ZodType> = {
  "job-brief": jobBriefSchema,
  proposal: proposalSchema,
  credential: credentialMetadataSchema,
};

/** Every format's schema, by name (`schemas/<name>.schema.json`). */
const SCHEMAS = { course: courseSchema, "answer-key": answerKeyEnvelopeSchema, ...JSON_FORMATS };

/** The JSON Schema of every format, by file name, as `write-schemas.ts` writes them. */
export function jsonSchemas(): Record<string, object> {
  return Object.fromEntries(
    Object.entries(SCHEMAS).map(([name, schema]) => [`${name}.schema.json`, z.toJSONSchema(schema)]),
  );
}
