// Runs after the TypeScript build: writes schema/*.schema.json from the TypeBox schemas, bundles
// the CLI into one file (dist/bin/scentline.mjs), which starts about twice as fast as loading
// several hundred small modules, bundles the engine for browsers (dist/engine.browser.js), and
// builds the studio's page into dist/studio/app, so users of the package never run a front-end build.
import { build } from "esbuild";
import { chmodSync, copyFileSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { projectJsonSchema, worldJsonSchema } from "../dist/world/json-schema.js";

mkdirSync("schema", { recursive: true });
for (const [name, schema] of [["world", worldJsonSchema()], ["project", projectJsonSchema()]]) {
  const file = `schema/${name}.schema.json`;
  writeFileSync(`${file}.tmp`, JSON.stringify(schema, null, 2) + "\n");
  renameSync(`${file}.tmp`, file);
}

// The bundle sits two folders deep, like dist/node/io.js, so it finds canon/ the same way. The
// thread that reads a draft's chapters ahead (reader/read-ahead.ts) is a bundle beside it, found
// the same way from either.
const nodeBundle = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  // yaml's platform-neutral build: its Node build reads the environment (LOG_TOKENS) for every
  // token it parses, which made loading a large project several times slower.
  alias: { yaml: "./node_modules/yaml/browser/index.js" },
  banner: { js: "import { createRequire as __scentlineRequire } from 'node:module'; const require = __scentlineRequire(import.meta.url);" },
};
await build({ ...nodeBundle, entryPoints: ["dist/reader/read-ahead-worker.js"], outfile: "dist/bin/read-ahead-worker.js" });
await build({
  ...nodeBundle,
  entryPoints: ["dist/cli/main.js"],
  outfile: "dist/bin/scentline.mjs",
});
chmodSync("dist/bin/scentline.mjs", 0o755);
chmodSync("dist/cli/main.js", 0o755);

// The browser engine: one ES module with its dependencies and the canon presets inside. A browser
// has no Node built-ins, so the platform is "browser": an import of one fails the build here.
await build({
  entryPoints: ["dist/engine.js"],
  outfile: "dist/engine.browser.js",
  bundle: true,
  platform: "browser",
  format: "esm",
  target: "es2022",
  logLevel: "warning",
  legalComments: "eof",
});

// The studio's page: one minified script, its style sheet and the HTML that loads them.
mkdirSync("dist/studio/app", { recursive: true });
await build({
  entryPoints: ["src/studio/app/main.ts"],
  outfile: "dist/studio/app/app.js",
  bundle: true,
  minify: true,
  platform: "browser",
  format: "esm",
  target: "es2022",
  legalComments: "none",
  logLevel: "warning",
});
for (const file of ["index.html", "app.css"]) copyFileSync(`src/studio/app/${file}`, `dist/studio/app/${file}`);
