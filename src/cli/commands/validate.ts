/** `scentline validate <world.yaml | project>`: checks a world file or a story project without simulating. */
import { statSync } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import { plural, printDiagnostics } from "../output.js";

export function register(program: Command): void {
  program
    .command("validate")
    .description("check a world file, or a story project (a folder with a scentline.yaml, or that file)")
    .argument("<path>", "a world file (.yaml), a project folder, or a project's scentline.yaml")
    .addHelpText("after", "\nExit status: 0 valid, 1 errors found. Diagnostics go to stderr, each with file:line:col.")
    .action((path: string) => validate(path));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function validate(path: string): Promise<void> {
  const [{ nodeReader }, { loadProject, PROJECT_FILE }, { loadWorld }, { projectFile }] = await Promise.all([
    import("../../node/io.js"),
    import("../../story/load.js"),
    import("../../world/load.js"),
    import("../project.js"),
  ]);
  const io = nodeReader();
  const asProject = isDirectory(path) || basename(path) === PROJECT_FILE;
  const file = asProject ? projectFile(path) : path;
  const { diagnostics } = asProject ? loadProject(file, io) : loadWorld(file, io);
  const errors = printDiagnostics(diagnostics);
  if (errors > 0) {
    process.stderr.write(`${file}: ${plural(errors, "error")}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`ok: ${file} is valid\n`);
}
