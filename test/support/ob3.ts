import { Ajv2019 } from "ajv/dist/2019.js";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";

/** The OB 3.0 JSON Schema kept in the repository (schemas/open-badges-3.0/README.md names its source). */
export function ob3Validator() {
  const schema = JSON.parse(
    readFileSync(
      new URL("../../schemas/open-badges-3.0/achievementcredential.schema.json", import.meta.url),
      "utf8",
    ),
  ) as object;
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}
