// Runs after the TypeScript build: writes schema/*.schema.json from the TypeBox schemas, and
// makes the CLI entry point executable.
import { chmodSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { projectJsonSchema, worldJsonSchema } from "../dist/world/json-schema.js";

mkdirSync("schema", { recursive: true });
for (const [name, schema] of [["world", worldJsonSchema()], ["project", projectJsonSchema()]]) {
  const file = `schema/${name}.schema.json`;
  writeFileSync(`${file}.tmp`, JSON.stringify(schema, null, 2) + "\n");
  renameSync(`${file}.tmp`, file);
}
chmodSync("dist/cli/main.js", 0o755);
