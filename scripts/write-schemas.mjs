// Writes schema/*.schema.json from the TypeBox schemas (run by `npm run build`).
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { projectJsonSchema, worldJsonSchema } from "../dist/world/json-schema.js";

mkdirSync("schema", { recursive: true });
for (const [name, schema] of [["world", worldJsonSchema()], ["project", projectJsonSchema()]]) {
  const file = `schema/${name}.schema.json`;
  writeFileSync(`${file}.tmp`, JSON.stringify(schema, null, 2) + "\n");
  renameSync(`${file}.tmp`, file);
}
