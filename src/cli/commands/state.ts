/** `scentline state <project> --at <moment>`: everyone's state at a moment. */
import type { Command } from "commander";
import { formatDateTime } from "../../core/time.js";
import type { PersonState } from "../../sim/state.js";
import { colours, useColour, writeResult, type Colours } from "../output.js";
import { momentOption, seedOption } from "../options.js";

interface StateOptions {
  at: string;
  seed?: number;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command("state")
    .description("simulate up to a moment and print each person's state then")
    .argument("<project>", "a project folder (with a scentline.yaml), or the path of its scentline.yaml")
    .requiredOption("--at <moment>", "the moment: a date (2026-06-01, 2026-06-01T14:00) or a time after the start (+90d, 6mo)", momentOption)
    .option("--seed <n>", "the random seed (default: the project's seed)", seedOption)
    .option("--json", "print a JSON object {at, hour, seed, people: [...]}")
    .action((dir: string, options: StateOptions) => stateCommand(dir, options));
}

async function stateCommand(dir: string, options: StateOptions): Promise<void> {
  const [{ loadProjectOrFail, momentIn, runSimulation }, { personState }] = await Promise.all([import("../project.js"), import("../../sim/state.js")]);
  const project = loadProjectOrFail(dir);
  const hour = momentIn(project, options.at, "--at");
  const seed = options.seed ?? project.seed;
  const { sim } = runSimulation(project, seed, hour);
  const people = Array.from({ length: sim.n }, (_, i) => personState(sim, i));
  const at = formatDateTime(hour);
  if (options.json) {
    writeResult([JSON.stringify({ at, hour, seed, people }, null, 2) + "\n"]);
    return;
  }
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const who = (id: string) => (id ? `${nameOf.get(id) ?? id} (${id})` : "none");
  const c = colours(useColour(process.stdout));
  const out = [`State at ${at} (seed ${seed})\n`];
  for (const p of people) out.push("\n", ...personLines(p, who, c));
  writeResult(out);
}

function personLines(p: PersonState, who: (id: string) => string, c: Colours): string[] {
  const rows: [string, string][] = [
    ["designation", p.designation],
    ["cycle", p.cycle ? `${p.cycle}, ${p.phase}` : "none"],
    ["bonded to", who(p.bondedTo)],
    ["partner", who(p.partner)],
    ["status", p.owner ? `${p.status}, owned by ${who(p.owner)}` : p.status],
    ["guardian", who(p.guardian)],
    ["location", p.location || "unknown"],
    ["suppressed", p.suppressed ? "yes" : "no"],
    ["scent", p.scent || "nothing perceptible"],
  ];
  if (p.roles.length) rows.splice(6, 0, ["roles", p.roles.join(", ")]);
  const head = `${c.bold(p.name)} (${p.id}), ${!p.born ? "not yet born" : p.age ?? "age unknown"}, ${p.species}${p.alignment ? `, ${p.alignment}` : ""}\n`;
  return [head, ...rows.map(([k, v]) => `  ${c.dim(k.padEnd(13))}${v}\n`)];
}
