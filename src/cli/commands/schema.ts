/** `scentline schema [--project]`: the JSON Schema (draft-07) of world files or of scentline.yaml. */
import type { Command } from "commander";
import { writeResult } from "../output.js";

export function register(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema (draft-07) of a world file, for editors")
    .option("--project", "print the schema of a project's scentline.yaml instead")
    .addHelpText("after", "\nExample: scentline schema > world.schema.json")
    .action(async (options: { project?: boolean }) => {
      const { projectJsonSchema, worldJsonSchema } = await import("../../world/json-schema.js");
      writeResult([JSON.stringify(options.project ? projectJsonSchema() : worldJsonSchema(), null, 2) + "\n"]);
    });
}
