/**
 * What the project commands (simulate, state, explain) share: finding and loading a project,
 * placing a moment in its time, and running the simulator with progress on stderr for long runs.
 * The commands import this module only when they run, so that help and usage errors stay quick.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { formatDate, formatDateTime, parseMoment, type Hour } from "../core/time.js";
import { nodeReader } from "../node/io.js";
import type { SimEvent } from "../sim/event.js";
import { Simulator } from "../sim/simulator.js";
import { loadProject, PROJECT_FILE, type Project } from "../story/load.js";
import { CliError, plural, printDiagnostics } from "./output.js";

/** A project folder, or the path of a scentline.yaml, to the file to load. */
export function projectFile(arg: string): string {
  let isDir: boolean;
  try {
    isDir = statSync(arg).isDirectory();
  } catch {
    throw new CliError(`${arg} does not exist`, `give a project folder (one with a ${PROJECT_FILE}) or the path of its ${PROJECT_FILE}`);
  }
  if (!isDir) return arg;
  const file = join(arg, PROJECT_FILE);
  if (!existsSync(file)) throw new CliError(`${arg} has no ${PROJECT_FILE}`, `a story project is a folder with a ${PROJECT_FILE} file; world files are checked with \`scentline validate <world.yaml>\``);
  return file;
}

/** Loads a project; its diagnostics go to stderr, and any error ends the command. */
export function loadProjectOrFail(arg: string): Project {
  const file = projectFile(arg);
  const { project, diagnostics } = loadProject(file, nodeReader());
  const errors = printDiagnostics(diagnostics);
  if (!project) throw new CliError(`${file} cannot be used: ${plural(Math.max(errors, 1), "error")} above`, `\`scentline validate ${arg}\` checks a project without simulating it`);
  return project;
}

/** A moment given on the command line, as an hour; never before the story's start. */
export function momentIn(project: Project, text: string, option: string): Hour {
  const hour = parseMoment(text, project.start);
  if (hour === undefined) throw new CliError(`${option} ${text} is not a date or a time after the start`, "write 2027-03-01, 2027-03-01T14:00, 1y or +90d");
  if (hour < project.start)
    throw new CliError(`${option} ${text} (${formatDateTime(hour)}) is before the story starts (${formatDate(project.start)})`, "give a later date, or a time after the start such as +90d");
  return hour;
}

export interface Run {
  sim: Simulator;
  log: SimEvent[];
}

/** Runs the simulation to `until`. A run longer than a second reports its progress on stderr. */
export function runSimulation(project: Project, seed: number | undefined, until: Hour): Run {
  const sim = new Simulator(project, { seed, until });
  const progress = new Progress(project.start, until);
  const emit = sim.emit.bind(sim);
  let count = 0;
  sim.emit = (...args) => {
    if ((++count & 255) === 0) progress.tick(sim.now, count);
    return emit(...args);
  };
  const log = sim.run();
  progress.done(log.length);
  return { sim, log };
}

/** Progress lines on stderr, shown only once a run has taken more than a second. */
class Progress {
  private readonly began = performance.now();
  private shown = false;
  private last = 0;
  private readonly tty = process.stderr.isTTY === true;

  constructor(
    private readonly from: Hour,
    private readonly to: Hour,
  ) {}

  tick(now: Hour, events: number): void {
    const t = performance.now();
    if (t - this.began < 1000 || t - this.last < (this.tty ? 200 : 5000)) return;
    this.last = t;
    this.shown = true;
    const share = this.to > this.from ? Math.min(100, Math.floor((100 * (now - this.from)) / (this.to - this.from))) : 100;
    const line = `simulating: ${formatDate(now)} (${share}%), ${events} events`;
    process.stderr.write(this.tty ? `\r\x1b[K${line}` : `${line}\n`);
  }

  done(events: number): void {
    const elapsed = performance.now() - this.began;
    if (!this.shown && elapsed < 1000) return;
    const seconds = (elapsed / 1000).toFixed(1);
    process.stderr.write(`${this.tty ? "\r\x1b[K" : ""}simulated ${plural(events, "event")} in ${seconds} s\n`);
  }
}
