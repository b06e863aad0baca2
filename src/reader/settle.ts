/**
 * Holds a draft project to the checker before it is written. The draft is checked twice: bare (the
 * cast's names only, no designations, alignments or relations) and as drafted. An error the drafted
 * one has and the bare one has not comes from something the reader stated: the people at its words
 * lose what the draft said of them (it goes back into a comment, with the reason), and the draft is
 * checked again, until nothing new is left. What the bare draft reports comes from the text itself.
 *
 * Chapters without dates all fall on the start date, so a heat or rut told in two chapters looks
 * too soon. Such an error is not the draft's doing and takes nothing back; when one is left, the
 * draft sets cycle-timing to a warning and says why.
 */
import type { CheckResult } from "../check/run.js";
import { CheckCache, checkProject } from "../check/run.js";
import type { Finding } from "../check/finding.js";
import type { SourceReader } from "../core/io.js";
import type { Fact } from "../text/facts.js";
import type { World } from "../world/load.js";
import { SourceText } from "../text/source-text.js";
import { DRAFT_ROOT as ROOT, memoryReader } from "./draft-files.js";
import type { ReadAheadResult } from "./read-ahead.js";
import type { Draft, DraftPerson } from "./project.js";

type Render = (draft: Draft) => ReadonlyMap<string, string>;

/** Checks whose findings hang on the time between chapters, which an undated draft does not know. */
const TIMED = ["cycle-timing"];

/** Settles the draft in place; returns what the checker finds in it as it will be written. */
export function settle(draft: Draft, io: SourceReader, render: Render, world?: World, ahead?: ReadAheadResult): Finding[] {
  // One cache for every round: the chapters, names and world stay the same, so each is read once
  // (or not at all here, when they were read ahead for the same cast and world).
  const cache = new CheckCache();
  if (world) cache.worlds.remember(world, io);
  if (ahead) cache.seed(ahead.key, ahead.chapters);
  const check = (d: Draft): CheckResult => checkProject(`${ROOT}/scentline.yaml`, memoryReader(render(d), io), { cache });
  let result = check(draft);
  // The bare draft is needed only to tell the reader's errors from the text's own.
  const bare = result.findings.some((f) => isError(f) && !hangsOnDates(f)) ? check({ ...draft, people: draft.people.map((p) => ({ ...p, designation: undefined, alignment: undefined })), relations: [] }) : result;
  const failed = bare.findings.find((f) => f.severity === "error" && ["project", "front-matter", "unreadable"].includes(f.ruleId));
  if (failed) throw new Error(`the draft project does not load: ${failed.message}`);
  const known = new Set(bare.findings.filter(isError).map(key));
  for (;;) {
    // An error about the time between two facts hangs on the missing dates, not on what the draft states.
    const fresh = result.findings.filter((f) => isError(f) && !known.has(key(f)) && !hangsOnDates(f));
    if (fresh.length === 0) break;
    const why = `the chapters read otherwise (${where(fresh[0])}: ${fresh[0].message})`;
    const people = peopleAt(result, fresh);
    if (!withdraw(draft, (p) => people.has(p), why) && !withdraw(draft, () => true, why)) break;
    result = check(draft);
  }
  const timed = TIMED.filter((id) => result.findings.some((f) => isError(f) && f.ruleId === id));
  if (timed.length === 0) return result.findings;
  for (const id of timed) draft.checkRules.set(id, { level: "warn", why: "the chapters have no dates yet, so the time between them is not known; set it back to error once they have" });
  // The rules' severities go at the end of scentline.yaml, after every line a finding points at:
  // checked again, the draft would give the same findings, those errors as warnings.
  return result.findings.map((f) => (isError(f) && timed.includes(f.ruleId) ? { ...f, severity: "warning" as const } : f));
}

/** Takes back what the draft states of the chosen people, and the relations they are in. */
function withdraw(draft: Draft, chosen: (person: number) => boolean, why: string): boolean {
  let any = false;
  const index = new Map(draft.people.map((p, i) => [p.id, i]));
  draft.people.forEach((p, i) => {
    if (!chosen(i)) return;
    for (const axis of ["designation", "alignment"] as const) any = takeBack(p, axis, why) || any;
  });
  for (const r of draft.relations) {
    if (r.heldBack || ![r.a, r.b].some((id) => id !== undefined && chosen(index.get(id)!))) continue;
    r.heldBack = why;
    any = true;
  }
  return any;
}

function takeBack(p: DraftPerson, axis: "designation" | "alignment", why: string): boolean {
  const s = p[axis];
  if (!s) return false;
  p.notes.push(`${axis} not stated: ${s.value}? ${why}`);
  p[axis] = undefined;
  return true;
}

/** The people named by the facts at the findings' words. */
function peopleAt(result: CheckResult, findings: readonly Finding[]): Set<number> {
  const wanted = new Set(findings.map((f) => `${f.file}:${f.line}:${f.column}`));
  const sources = new Map<string, SourceText>();
  const people = new Set<number>();
  for (const f of result.facts) {
    const file = f.chapter.file;
    const source = sources.get(file) ?? new SourceText(file, f.chapter.text);
    sources.set(file, source);
    const p = source.position(f.span.start);
    if (wanted.has(`${file}:${p.line}:${p.column}`)) for (const person of factPeople(f)) people.add(person);
  }
  return people;
}

/** Every person a fact names, whatever its kind. */
function factPeople(f: Fact): number[] {
  const out: number[] = [];
  for (const [k, v] of Object.entries(f)) {
    if (k === "place" || k === "span") continue;
    if (typeof v === "number" && v >= 0 && k !== "years") out.push(v);
    else if (k === "chaperones" && Array.isArray(v)) out.push(...(v as number[]));
  }
  return out;
}

/** A finding of a timed check that cites an earlier fact: it compares two times ("comes too soon"). */
const hangsOnDates = (f: Finding) => TIMED.includes(f.ruleId) && f.causes.some((c) => c.file !== undefined && c.rule === undefined);
const isError = (f: Finding) => f.severity === "error";
const key = (f: Finding) => `${f.ruleId}|${f.file}|${f.line}|${f.column}|${f.message}`;
const where = (f: Finding) => `${f.file.startsWith(`${ROOT}/`) ? f.file.slice(ROOT.length + 1) : f.file}:${f.line}`;
