/** `scentline simulate <project>`: lives the cast through time and prints the event log. */
import { Option, type Command } from "commander";
import { formatDateTime } from "../../core/time.js";
import { orderedEvent, type SimEvent } from "../../sim/event.js";
import { colours, useColour, writeResult, type Colours } from "../output.js";
import { momentOption, seedOption } from "../options.js";

interface SimulateOptions {
  seed?: number;
  until: string;
  format: "pretty" | "jsonl";
  out?: string;
}

export function register(program: Command): void {
  program
    .command("simulate")
    .description("simulate a story project and print its timeline")
    .argument("<project>", "a project folder (with a scentline.yaml), or the path of its scentline.yaml")
    .option("--seed <n>", "the random seed (default: the project's seed)", seedOption)
    .option("--until <moment>", "when to stop: a date (2027-03-01) or a time after the start (1y, 6mo, +90d)", momentOption, "1y")
    .addOption(new Option("--format <format>", "pretty: a readable timeline; jsonl: one JSON event per line").choices(["pretty", "jsonl"]).default("pretty"))
    .option("--out <file>", "write to this file (replaced only once complete) instead of stdout")
    .addHelpText("after", "\nThe same project, seed and --until always give the same bytes.")
    .action((dir: string, options: SimulateOptions) => simulateCommand(dir, options));
}

async function simulateCommand(dir: string, options: SimulateOptions): Promise<void> {
  const { loadProjectOrFail, momentIn, runSimulation } = await import("../project.js");
  const project = loadProjectOrFail(dir);
  const until = momentIn(project, options.until, "--until");
  const { log } = runSimulation(project, options.seed, until);
  const lines = options.format === "jsonl" ? jsonLines(log) : prettyLines(log, colours(options.out === undefined && useColour(process.stdout)));
  writeResult(lines, options.out);
}

function* jsonLines(log: readonly SimEvent[]): Iterable<string> {
  for (const e of log) yield JSON.stringify(orderedEvent(e)) + "\n";
}

/** `2026-03-01 14:00  e12   text`, with warnings and errors marked. */
export function* prettyLines(log: readonly SimEvent[], c: Colours): Iterable<string> {
  const width = log.reduce((w, e) => Math.max(w, e.id.length), 0);
  for (const e of log) {
    const mark = e.severity === "error" ? c.red("error: ") : e.severity === "warning" ? c.yellow("warning: ") : "";
    yield `${c.dim(formatDateTime(e.hour))}  ${c.cyan(e.id.padEnd(width))}  ${mark}${e.text}\n`;
  }
}
