/** `scentline explain <project> <event id>`: why an event happened, back to rules and inputs. */
import type { Command } from "commander";
import { formatDate, formatDateTime, HOURS_PER_YEAR, type Hour } from "../../core/time.js";
import type { SimEvent } from "../../sim/event.js";
import type { Project } from "../../story/load.js";
import { CliError, writeResult } from "../output.js";
import { momentOption, seedOption } from "../options.js";

interface ExplainOptions {
  seed?: number;
  until?: string;
}

/** Without --until, the run grows from a year up to this many years until the event is reached. */
const MAX_YEARS = 16;

export function register(program: Command): void {
  program
    .command("explain")
    .description("print an event and the tree of its causes: earlier events, world rules, project inputs")
    .argument("<project>", "a project folder (with a scentline.yaml), or the path of its scentline.yaml")
    .argument("<event>", "an event id such as e38, from `scentline simulate`")
    .option("--seed <n>", "the random seed (default: the project's seed); use the one the id came from", seedOption)
    .option("--until <moment>", `how far to simulate (default: 1y, longer up to ${MAX_YEARS}y if the event comes later)`, momentOption)
    .action((dir: string, id: string, options: ExplainOptions) => explainCommand(dir, id, options));
}

async function explainCommand(dir: string, id: string, options: ExplainOptions): Promise<void> {
  const wanted = id.trim();
  if (!/^e\d+$/.test(wanted))
    throw new CliError(`"${id}" is not an event id`, /^\d+$/.test(wanted) ? `did you mean "e${wanted}"?` : "event ids look like e38; `scentline simulate <project>` prints them");
  const [run, { explain, explanationText }] = await Promise.all([import("../project.js"), import("../../sim/explain.js")]);
  const project = run.loadProjectOrFail(dir);
  const { log, until } = logWith(run, project, wanted, options);
  const tree = explain(log, wanted);
  if (!tree) {
    const span = log.length ? `the log has ${log[0].id}–${log[log.length - 1].id}` : "the log is empty";
    const seed = options.seed ?? project.seed;
    throw new CliError(
      `no event ${wanted} up to ${formatDate(until)} with seed ${seed} (${span})`,
      options.until === undefined
        ? "ids come from `scentline simulate` with the same project and --seed"
        : "ids come from `scentline simulate` with the same project and --seed; a later --until simulates further",
    );
  }
  writeResult([header(tree.event), ...explanationText(tree).map((l) => l + "\n")]);
}

/** Simulates until the event is in the log: to --until, or a year, doubled while the id lies beyond. */
function logWith(run: typeof import("../project.js"), project: Project, id: string, options: ExplainOptions): { log: SimEvent[]; until: Hour } {
  if (options.until !== undefined) {
    const until = run.momentIn(project, options.until, "--until");
    return { log: run.runSimulation(project, options.seed, until).log, until };
  }
  const n = Number(id.slice(1));
  let years = 1;
  let previous = -1;
  for (;;) {
    const until = project.start + years * HOURS_PER_YEAR;
    const { log } = run.runSimulation(project, options.seed, until);
    if (log.length >= n || log.length === previous || years >= MAX_YEARS) return { log, until };
    previous = log.length;
    years *= 2;
  }
}

function header(e: SimEvent): string {
  const facts = [e.type, formatDateTime(e.hour), e.people.join(", ")];
  if (e.place) facts.push(`at ${e.place}`);
  if (e.severity) facts.push(e.severity);
  return `${e.id}: ${facts.filter(Boolean).join("; ")}\n\n`;
}
