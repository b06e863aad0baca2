/** `scentline rules`: every check of `scentline check`, with its doc. */
import type { Command } from "commander";
import { colours, useColour } from "../output.js";

export function register(program: Command): void {
  program
    .command("rules")
    .description("list the checks of `scentline check`, each with its severity, doc and examples")
    .argument("[id]", "show only this check")
    .option("--json", "as JSON")
    .action((id: string | undefined, options: { json?: boolean }) => rulesCommand(id, options));
}

async function rulesCommand(id: string | undefined, options: { json?: boolean }): Promise<void> {
  const [{ CHECKS, LOAD_FINDINGS }, { CliError }] = await Promise.all([import("../../check/registry.js"), import("../output.js")]);
  const metas = CHECKS.map((c) => c.meta).filter((m) => !id || m.id === id);
  if (id && metas.length === 0) throw new CliError(`no check is called "${id}"`, `checks: ${CHECKS.map((c) => c.meta.id).join(", ")}`);
  if (options.json) {
    process.stdout.write(JSON.stringify(metas, null, 2) + "\n");
    return;
  }
  const c = colours(useColour(process.stdout));
  const out: string[] = [];
  for (const m of metas) {
    out.push(`${c.bold(m.id)} ${c.dim(`(${m.severity}${m.fixed ? ", cannot be turned off" : ""})`)}`);
    out.push(`  ${m.description}`);
    out.push(`  ${c.red("wrong:")} ${m.wrong}`);
    out.push(`  ${c.cyan("right:")} ${m.right}`);
    out.push("");
  }
  if (!id) {
    out.push(c.bold("Findings from reading the project (not checks):"));
    for (const f of LOAD_FINDINGS) out.push(`  ${f.id} (${f.severity}): ${f.description}`);
    out.push("");
  }
  process.stdout.write(out.join("\n"));
}
