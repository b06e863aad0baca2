// Runs after the TypeScript build: writes schema/*.schema.json from the TypeBox schemas, and
// bundles the CLI into one file (dist/bin/scentline.mjs), which starts about twice as fast as
// loading several hundred small modules.
import { build } from "esbuild";
import { chmodSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { projectJsonSchema, worldJsonSchema } from "../dist/world/json-schema.js";

mkdirSync("schema", { recursive: true });
for (const [name, schema] of [["world", worldJsonSchema()], ["project", projectJsonSchema()]]) {
  const file = `schema/${name}.schema.json`;
  writeFileSync(`${file}.tmp`, JSON.stringify(schema, null, 2) + "\n");
  renameSync(`${file}.tmp`, file);
}

// The bundle sits two folders deep, like dist/node/io.js, so it finds canon/ the same way.
await build({
  entryPoints: ["dist/cli/main.js"],
  outfile: "dist/bin/scentline.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  banner: { js: "import { createRequire as __scentlineRequire } from 'node:module'; const require = __scentlineRequire(import.meta.url);" },
});
chmodSync("dist/bin/scentline.mjs", 0o755);
chmodSync("dist/cli/main.js", 0o755);
