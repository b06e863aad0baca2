/**
 * `scentline calendar <project>`: the simulated heats and ruts, Visits and legal dates as an
 * iCalendar file, for a writer's calendar app. A single file, so like `simulate --out` it is
 * replaced whole (written beside it, then renamed over it) rather than refused when it exists.
 */
import { accessSync, constants, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import type { Command } from "commander";
import { formatDate } from "../../core/time.js";
import { slug } from "../../story/load.js";
import { CliError, writeResult } from "../output.js";
import { momentOption, seedOption } from "../options.js";

interface CalendarOptions {
  seed?: number;
  until: string;
  out?: string;
}

export function register(program: Command): void {
  program
    .command("calendar")
    .description("write the predicted heats and ruts, Visits and legal dates of a story project as an iCalendar (.ics) file")
    .argument("<project>", "a project folder (with a scentline.yaml), or the path of its scentline.yaml")
    .option("--out <file>", "the .ics file to write (replaced whole once complete); - or none: stdout")
    .option("--seed <n>", "the random seed (default: the project's seed)", seedOption)
    .option("--until <moment>", "how far to predict: a date (2027-03-01) or a time after the start (1y, 6mo, +90d)", momentOption, "1y")
    .addHelpText(
      "after",
      [
        "",
        "Each heat or rut is one event from its prelude (pre-heat, pre-rut) to its end, with its phases in the",
        "description; a skipped cycle is a cancelled event. Visits, laws and customs taking or losing force,",
        "status changes, appointments, guardians, matches, presentations and bonds are events of an hour.",
        "Every description says why, with the rule ids and inputs `scentline explain` shows.",
        "Times are UTC. The same project, seed and --until always give the same bytes.",
        "An existing --out file is replaced whole; a folder, or a folder that is missing or cannot be written to,",
        "is refused before anything is simulated.",
        "",
        "Example: scentline calendar examples/guardianship --out rey.ics --until 2y",
      ].join("\n"),
    )
    .action((dir: string, options: CalendarOptions) => calendarCommand(dir, options));
}

async function calendarCommand(dir: string, options: CalendarOptions): Promise<void> {
  const out = options.out === "-" ? undefined : options.out;
  // A place that cannot take the file is refused before the simulation runs.
  if (out !== undefined) refuseOut(out);
  const [{ loadProjectOrFail, momentIn, runSimulation }, { calendarEntries }, { calendarIcs }] = await Promise.all([
    import("../project.js"),
    import("../../calendar/entries.js"),
    import("../../calendar/ics.js"),
  ]);
  const project = loadProjectOrFail(dir);
  const until = momentIn(project, options.until, "--until");
  const seed = options.seed ?? project.seed;
  const { log } = runSimulation(project, seed, until);
  const names = new Map(project.people.map((p) => [p.id, p.spec.name]));
  const entries = calendarEntries(log, { cycles: project.world.spec.cycles, until, names });
  const title = project.spec.title ?? basename(project.dir);
  const text = calendarIcs(entries, {
    name: title,
    description: `Predicted by Scentline from ${title} (world ${project.world.id}), seed ${seed}, ${formatDate(project.start)} to ${formatDate(until)}.`,
    uidPrefix: `${slug(title, "project")}-seed${seed}`,
    stamp: project.start,
  });
  writeResult([text], out);
}

/** The file may be replaced, but a folder, a missing folder or one that cannot be written to is refused. */
function refuseOut(file: string): void {
  const hint = "give --out the path of a .ics file in a folder you can write to, or - for stdout";
  const stat = statOrUndefined(file);
  if (stat && !stat.isFile()) throw new CliError(`cannot write ${file}: it is ${stat.isDirectory() ? "a folder" : "not a regular file"}; nothing was written`, hint);
  const folder = dirname(resolve(file));
  if (!statOrUndefined(folder)?.isDirectory()) throw new CliError(`cannot write ${file}: the folder ${folder} does not exist; nothing was written`, "create the folder first");
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new CliError(`cannot write ${file}: the folder ${folder} cannot be written to; nothing was written`, hint);
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
