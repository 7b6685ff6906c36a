// tsx content/formats/write-schemas.ts: writes schemas/*.schema.json from the zod schemas (a test
// fails when they are out of date).
import { writeFile } from "node:fs/promises";
import { format, resolveConfig } from "prettier";
import { jsonSchemas } from "./index";

const directory = new URL("schemas/", import.meta.url);
for (const [file, schema] of Object.entries(jsonSchemas())) {
  const target = new URL(file, directory);
  const options = { ...(await resolveConfig(target)), parser: "json" };
  await writeFile(target, await format(JSON.stringify(schema), options));
  console.log(`wrote ${target.pathname}`);
}
