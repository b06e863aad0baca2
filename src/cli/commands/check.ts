/** `scentline check <project>`: the continuity checker, like a linter over the chapters. */
import { readFileSync, watch } from "node:fs";
import { dirname, relative } from "node:path";
import { Option, type Command } from "commander";
import type { CheckMeta } from "../../check/check.js";
import type { Finding } from "../../check/finding.js";
import { CliError, colours, useColour, writeResult } from "../output.js";

interface CheckCommandOptions {
  format: "pretty" | "json" | "sarif";
  rule?: string[];
  watch?: boolean;
  out?: string;
}

export function register(program: Command): void {
  program
    .command("check")
    .description("check a story's chapters against its world, cast and timeline")
    .argument("<project>", "a project folder (with a scentline.yaml and chapters/), or the path of its scentline.yaml")
    .addOption(new Option("--format <format>", "pretty: for reading; json: an array of findings; sarif: SARIF 2.1.0 for code-review tools").choices(["pretty", "json", "sarif"]).default("pretty"))
    .option("--rule <id...>", "run only these checks (see `scentline rules`)")
    .option("--watch", "check again whenever a chapter or scentline.yaml changes")
    .option("--out <file>", "write to this file (replaced only once complete) instead of stdout")
    .addHelpText("after", "\nExit status: 0 when no finding is an error, 1 otherwise.\nSeverities are set in scentline.yaml (check: { rules: { scent-range: warn } }) and lines silenced with <!-- scentline-disable-next-line ID -->.")
    .action((dir: string, options: CheckCommandOptions) => checkCommand(dir, options));
}

async function checkCommand(dir: string, options: CheckCommandOptions): Promise<void> {
  const [{ projectFile }, { nodeReader }, { checkProject, CheckCache }, { CHECKS }, format, { version }] = await Promise.all([
    import("../project.js"),
    import("../../node/io.js"),
    import("../../check/run.js"),
    import("../../check/registry.js"),
    import("../../check/format.js"),
    import("../version.js"),
  ]);
  const known = CHECKS.map((c) => c.meta.id);
  for (const id of options.rule ?? []) if (!known.includes(id)) throw new CliError(`no check is called "${id}"`, `checks: ${known.join(", ")}`);
  const file = projectFile(dir);
  const rules = CHECKS.map((c) => c.meta);
  const show = (p: string) => {
    const rel = relative(process.cwd(), p);
    return rel.length < p.length ? rel : p;
  };
  const render = (findings: Finding[], metas: CheckMeta[]): string => {
    if (options.format === "json") return format.formatJson(findings.map((f) => ({ ...f, file: show(f.file), causes: f.causes.map((c) => (c.file ? { ...c, file: show(c.file) } : c)) })));
    if (options.format === "sarif") return format.formatSarif(findings, metas, version(), (f) => relative(dirname(file), f).split("\\").join("/"));
    const lines = new Map<string, string[]>();
    const lineText = (f: string, line: number) => {
      if (!lines.has(f)) {
        try {
          lines.set(f, readFileSync(f, "utf8").split(/\r?\n/));
        } catch {
          lines.set(f, []);
        }
      }
      return lines.get(f)![line - 1];
    };
    const c = colours(useColour(options.out ? process.stderr : process.stdout) && !options.out);
    const body = format.formatPretty(findings, lineText, c, show);
    return `${body}${findings.length ? "" : "no findings\n"}${findings.length ? `${format.summary(findings)}\n` : ""}`;
  };
  const cache = options.watch ? new CheckCache() : undefined;
  const once = (): void => {
    const result = checkProject(file, nodeReader(), { only: options.rule, cache });
    writeResult([render(result.findings, rules)], options.out);
    process.exitCode = result.findings.some((f) => f.severity === "error") ? 1 : 0;
  };
  once();
  if (!options.watch) return;
  const root = dirname(file);
  process.stderr.write(`watching ${show(root) || "."} for changes (Ctrl-C to stop)\n`);
  let timer: NodeJS.Timeout | undefined;
  watch(root, { recursive: true }, (_event, name) => {
    if (!name || !/\.(md|markdown|txt|ya?ml)$/i.test(String(name))) return;
    clearTimeout(timer);
    // Editors save in several steps: check once they are done.
    timer = setTimeout(() => {
      const started = performance.now();
      once();
      process.stderr.write(`checked in ${Math.round(performance.now() - started)} ms\n`);
    }, 30);
  });
  await new Promise<never>(() => undefined);
}
