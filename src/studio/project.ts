/**
 * The project the studio shows, loaded, checked and simulated once per change: the model the
 * page draws and the event log it asks about are kept here between requests.
 */
import { dirname, relative, sep } from "node:path";
import { checkProject, CheckCache } from "../check/run.js";
import { CHECKS } from "../check/registry.js";
import { HOURS_PER_DAY, HOURS_PER_YEAR, parseMoment, type Hour } from "../core/time.js";
import { nodeReader } from "../node/io.js";
import type { SimEvent } from "../sim/event.js";
import { buildModel, emptyModel, type StudioModel, type StudioRun } from "./model.js";

export interface StudioProjectOptions {
  /** When the simulation stops: a date or a time after the start (default: a year, or a month past the last chapter). */
  until?: string;
}

export class StudioProject {
  readonly root: string;
  model!: StudioModel;
  log: SimEvent[] = [];
  private version = 0;
  private readonly cache = new CheckCache();
  /** The last simulation: a save that changes nothing it reads (a chapter, the title) reuses it. */
  private run?: StudioRun;

  constructor(
    readonly file: string,
    private readonly options: StudioProjectOptions = {},
  ) {
    this.root = dirname(file);
    this.rebuild();
  }

  /** Project-relative, with forward slashes: the names the page uses for files. */
  relative = (file: string): string => {
    const rel = relative(this.root, file);
    return rel.startsWith("..") ? file : rel.split(sep).join("/");
  };

  rebuild(): StudioModel {
    this.version++;
    const rules = CHECKS.map((c) => c.meta);
    const result = checkProject(this.file, nodeReader(), { cache: this.cache });
    const project = result.project;
    if (!project) {
      this.log = [];
      this.model = emptyModel(this.version, this.relative(this.root) || "project", this.relative(this.file), result.findings.map((f) => ({ ...f, file: f.file ? this.relative(f.file) : "" })), rules, "the project does not load: see the findings");
      return this.model;
    }
    const until = this.untilFor(project.start, result.chapters.map((c) => c.hour));
    const built = buildModel({ project, chapters: result.chapters, findings: result.findings, rules, until, version: this.version, relative: this.relative }, this.run);
    this.model = built.model;
    this.log = built.run.log;
    this.run = built.run;
    return this.model;
  }

  private untilFor(start: Hour, chapterHours: readonly Hour[]): Hour {
    if (this.options.until) {
      const h = parseMoment(this.options.until, start);
      if (h !== undefined && h > start) return h;
    }
    const lastChapter = chapterHours.reduce((a, b) => Math.max(a, b), start);
    return Math.max(start + HOURS_PER_YEAR, lastChapter + 30 * HOURS_PER_DAY);
  }
}
