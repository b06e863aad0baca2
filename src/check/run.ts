/**
 * `scentline check`: loads a project and its chapters, extracts facts from the prose, runs the
 * simulator alongside the facts in story-time order, and lets every check visit them.
 */
import type { Diagnostic, Severity } from "../core/diagnostic.js";
import type { SourceReader } from "../core/io.js";
import { Simulator } from "../sim/simulator.js";
import { loadChapters, type Chapter } from "../story/chapters.js";
import { loadProject, type Project } from "../story/load.js";
import { WorldCache } from "../world/load.js";
import { FactExtractor, type Fact } from "../text/facts.js";
import { proseOf, SourceText } from "../text/source-text.js";
import { shiftAt, timeShifts } from "../text/time-markers.js";
import type { Check, CheckContext, Report, StoryFact } from "./check.js";
import type { Finding, FindingCause } from "./finding.js";
import { sortFindings } from "./finding.js";
import { StoryRecord } from "./record.js";
import { CHECKS } from "./registry.js";
import { vocabularyOf } from "./vocabulary.js";
import { disabledLines } from "./directives.js";

export interface CheckOptions {
  /** Run only these checks (ids). */
  only?: readonly string[];
  /** Kept between runs (by `--watch`): chapters whose text has not changed are not read again. */
  cache?: CheckCache;
}

/** What extraction found in one chapter: its facts, and who it names (the people present when its front matter does not say). */
export interface ChapterReading {
  text: string;
  facts: Fact[];
  named: number[];
}

/**
 * What one run can lend the next: each chapter as read for one cast and world (`key`, see
 * extractionKey), and the extractor for them, made when a chapter needs reading.
 */
export class CheckCache {
  key?: string;
  extractor?: FactExtractor;
  readonly chapters = new Map<string, ChapterReading>();
  readonly worlds = new WorldCache();

  /** Chapters read elsewhere (a draft's, read ahead) for the cast and world with this key. */
  seed(key: string, chapters: Iterable<readonly [string, ChapterReading]>): void {
    this.key = key;
    this.extractor = undefined;
    this.chapters.clear();
    for (const [file, reading] of chapters) this.chapters.set(file, reading);
  }
}

export interface CheckResult {
  findings: Finding[];
  project?: Project;
  chapters: Chapter[];
  facts: StoryFact[];
}

const LEVELS: Record<string, Severity | "off"> = { error: "error", warn: "warning", warning: "warning", info: "info", off: "off" };

export function checkProject(file: string, io: SourceReader, options: CheckOptions = {}): CheckResult {
  const loaded = loadProject(file, io, { worlds: options.cache?.worlds });
  // Someone of unknown age in adults-only content is the age-unknown check's to report, once per
  // person with every place listed, not once per line as loading warns.
  const said = loaded.diagnostics.filter((d) => d.code !== "age-unknown");
  if (!loaded.project) return { findings: sortFindings(said.map((d) => fromDiagnostic(d, d.code === "under-age" ? "under-age" : "project"))), chapters: [], facts: [] };
  const project = loaded.project;
  const findings: Finding[] = said.map((d) => fromDiagnostic(d, "project"));
  const { chapters, diagnostics } = loadChapters(project, io);
  findings.push(...diagnostics.map((d) => fromDiagnostic(d, d.code)));

  const sources = new Map(chapters.map((c) => [c, new SourceText(c.file, c.text)]));
  const cache = options.cache ?? new CheckCache();
  const key = extractionKey(project);
  if (cache.key !== key) cache.seed(key, []);
  const facts: StoryFact[] = [];
  for (const c of chapters) {
    const prose = proseOf(c.text, c.bodyStart);
    const cached = cache.chapters.get(c.file);
    const reading = cached && cached.text === c.text ? cached : readChapter((cache.extractor ??= new FactExtractor(vocabularyOf(project))), c, prose);
    cache.chapters.set(c.file, reading);
    const shifts = timeShifts(prose);
    for (const f of reading.facts) facts.push({ ...f, chapter: c, hour: c.hour + shiftAt(shifts, f.span.start) });
    if (!c.presentGiven) {
      const named = reading.named;
      c.present.push(...named);
      if (named.length) findings.push({ ...at(sources.get(c)!, 0, 0), ruleId: "inferred", severity: "info", message: `no "present" in the front matter: taken as everyone the chapter names (${named.map((p) => project.people[p].spec.name).join(", ")})`, evidence: "", causes: [], hint: "add present: [...] to the front matter" });
    }
  }
  facts.sort((a, b) => a.hour - b.hour || a.chapter.index - b.chapter.index || a.span.start - b.span.start);

  const configured = project.spec.check?.rules ?? {};
  const checks = CHECKS.filter((c) => (!options.only || options.only.includes(c.meta.id)) && (c.meta.fixed || LEVELS[configured[c.meta.id] ?? ""] !== "off"));
  // A loop, not Math.max(...facts): a long manuscript has more facts than a call takes arguments.
  let until = project.start;
  for (const f of facts) until = Math.max(until, f.hour);
  for (const c of chapters) until = Math.max(until, c.hour);
  const sim = new Simulator(project, { until });
  const record = new StoryRecord();
  const cite = (f: StoryFact, text: string): FindingCause => {
    const p = sources.get(f.chapter)!.position(f.span.start);
    return { text, file: f.chapter.file, line: p.line, column: p.column };
  };
  const contextFor = (check: Check): CheckContext => {
    const severity = check.meta.fixed ? check.meta.severity : ((LEVELS[configured[check.meta.id] ?? ""] as Severity | undefined) ?? check.meta.severity);
    const report = (r: Report) => {
      const chapter = r.fact?.chapter ?? r.chapter;
      const span = r.fact?.span ?? r.span ?? { start: 0, end: 0 };
      const source = chapter ? sources.get(chapter) : undefined;
      const line = r.at?.line ?? 1;
      const column = r.at?.column ?? 1;
      const place = source ? at(source, span.start, span.end) : { file: r.at?.file ?? project.file, line, column, endLine: line, endColumn: column };
      // A finding may be milder than its check (a custom departed from), never harsher than configured.
      const level = !check.meta.fixed && r.severity && ORDER[r.severity] > ORDER[severity] ? r.severity : severity;
      findings.push({ ...place, ruleId: check.meta.id, severity: level, message: r.message, evidence: source ? source.text.slice(span.start, span.end) : "", causes: r.causes ?? [], hint: r.hint });
    };
    return { project, chapters, sim, record, name: (p) => project.people[p].spec.name, cite, report };
  };
  const visitors = checks.map((c) => c.create(contextFor(c)));
  for (const v of visitors) for (const c of chapters) v.chapter?.(c);
  for (const f of facts) {
    sim.advanceTo(f.hour);
    for (const v of visitors) v.fact?.(f);
    record.add(f);
  }
  for (const v of visitors) v.end?.();

  const disabled = new Map(chapters.map((c) => [c.file, disabledLines(c.text)]));
  const fixed = new Set(checks.filter((c) => c.meta.fixed).map((c) => c.meta.id));
  const kept = findings.filter((f) => !suppressed(f, disabled, fixed));
  return { findings: sortFindings(kept), project, chapters, facts };
}

/** What extraction depends on: the cast's names and pronouns, the places and the world. Chapters read for one key serve any project with it. */
export function extractionKey(project: Project): string {
  return JSON.stringify([project.people.map((p) => [p.spec.name, p.spec.aliases, p.spec.pronouns]), project.spec.places, project.world.spec]);
}

/** Reads one chapter (`prose`: its text as prose, see proseOf). */
export function readChapter(extractor: FactExtractor, chapter: Chapter, prose: string): ChapterReading {
  const facts = extractor.extract(prose, { pov: chapter.pov });
  return { text: chapter.text, facts, named: [...new Set(extractor.mentions(prose).map((m) => m.person))] };
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function at(source: SourceText, start: number, end: number): Pick<Finding, "file" | "line" | "column" | "endLine" | "endColumn"> {
  const a = source.position(start);
  const b = source.position(Math.max(start, end));
  return { file: source.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

function fromDiagnostic(d: Diagnostic, ruleId: string): Finding {
  const line = d.at?.line ?? 1;
  const column = d.at?.column ?? 1;
  return { ruleId, severity: d.severity, file: d.at?.file ?? "", line, column, endLine: line, endColumn: column, message: d.message, evidence: "", causes: [], hint: d.hint };
}

/** An inline `scentline-disable-next-line` comment turns a finding off (never an under-age one). */
function suppressed(f: Finding, disabled: ReadonlyMap<string, Map<number, Set<string>>>, fixed: ReadonlySet<string>): boolean {
  if (fixed.has(f.ruleId)) return false;
  const off = disabled.get(f.file)?.get(f.line);
  return !!off && (off.size === 0 || off.has(f.ruleId));
}
