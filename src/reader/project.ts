/**
 * A draft story project from a manuscript and its bible: `scentline.yaml` (the world, a start date,
 * the cast, the relations the text states), one chapter file per chapter of the manuscript with its
 * text as it is, and `bible.json`, the bible with all its evidence.
 *
 * Only what the bible is sure of is stated, each fact under a comment quoting the words it rests on;
 * guesses are left in comments. Nothing is made up: no birth dates, no designation for someone the
 * text does not name one for. The draft is then held to the checker (see settle.ts), so that no error
 * `scentline check` reports on it comes from the reader's own guesses.
 *
 * Pure: the files come back as text, and writing them is the caller's.
 */
import { Document, isScalar, isSeq, type Node, type Pair, type YAMLMap } from "yaml";
import type { Finding } from "../check/finding.js";
import { resolveWorldRef, type SourceReader } from "../core/io.js";
import { slug } from "../story/load.js";
import type { RelationSpec } from "../story/schema.js";
import { loadWorld, type World } from "../world/load.js";
import type { Bible, BibleCharacter, BibleRelation, Evidence } from "./bible.js";
import type { Manuscript } from "./manuscript.js";
import { settle } from "./settle.js";
import type { ReadAheadResult } from "./read-ahead.js";

/** A bible may name its world (a later step may tell it from the text); classic until then. */
export type DraftBible = Bible & { world?: string };

export interface DraftOptions {
  /** Reads the world the project names (a canon preset) and what it extends. */
  io: SourceReader;
  /** Where scentline.yaml finds its JSON Schema (a path relative to the project, or a URL). */
  schema?: string;
  /** The bible's world, when the caller has loaded it already; read through `io` otherwise. */
  world?: World;
  /** The chapters as read ahead for the draft's cast (see read-ahead.ts). */
  readAhead?: ReadAheadResult;
}

export const DEFAULT_WORLD = "classic";
/** The manuscript gives no dates: the start is a placeholder, and said to be one. */
export const DEFAULT_START = "2026-01-01";
/** The share of the bible's cues that must agree before a designation is stated. */
export const CONFIDENT = 0.75;

/** A fact about a person the draft states, and the words it rests on. */
export interface Stated {
  value: string;
  evidence: Evidence[];
}

export interface DraftPerson {
  id: string;
  source: BibleCharacter;
  designation?: Stated;
  alignment?: Stated;
  /** What the bible guessed and the draft does not state, and why: left as comments. */
  notes: string[];
}

export interface DraftRelation {
  kind: RelationSpec["kind"] | undefined;
  a?: string;
  b?: string;
  source: BibleRelation;
  /** Why the draft does not state it; undefined when it does. */
  heldBack?: string;
}

export interface Draft {
  title?: string;
  world: string;
  start: string;
  schema?: string;
  manuscript: string;
  people: DraftPerson[];
  relations: DraftRelation[];
  chapters: { path: string; text: string }[];
  bible: Bible;
  /** Severities the draft sets for its checks, each with the reason (a comment). */
  checkRules: Map<string, { level: string; why: string }>;
}

export interface DraftProject {
  /** Paths relative to the project folder, with their text. */
  files: Map<string, string>;
  draft: Draft;
  /** What `scentline check` finds in the draft as written. */
  findings: Finding[];
}

/** The bible's relation kinds as the project format names them. */
const RELATION_KINDS: Record<string, RelationSpec["kind"]> = {
  bonded: "bond",
  courting: "courtship",
  partner: "partner",
  guardian: "guardian",
  owner: "owner",
  parent: "parent",
  sibling: "sibling",
  "dominant-of": "dominant-of",
};
/** Kinds a person has one of at a time (the project refuses a second). */
const ONE_AT_A_TIME: ReadonlySet<string> = new Set(["bond", "partner"]);

export function draftProject(manuscript: Manuscript, bible: DraftBible, options: DraftOptions): DraftProject {
  if (bible.characters.length === 0) throw new Error(`the reader found no one in ${manuscript.name}, and a story project needs at least one person in its cast`);
  const worldName = bible.world ?? DEFAULT_WORLD;
  const world = options.world ?? loadDraftWorld(worldName, options.io);
  const people = cast(bible.characters, world, worldName);
  const draft: Draft = {
    title: manuscript.metadata?.title ?? (manuscript.name.replace(/\.[^.]+$/, "") || undefined),
    world: worldName,
    start: DEFAULT_START,
    schema: options.schema,
    manuscript: manuscript.name,
    people,
    relations: relations(bible.relations, people),
    chapters: chapterFiles(manuscript),
    bible,
    checkRules: new Map(),
  };
  const findings = settle(draft, options.io, projectFiles, world, options.readAhead);
  return { files: projectFiles(draft), draft, findings };
}

function loadDraftWorld(name: string, io: SourceReader): World {
  const path = resolveWorldRef(io, "scentline.yaml", name);
  const loaded = path ? loadWorld(path, io) : undefined;
  if (!loaded?.world) throw new Error(`the bible names the world "${name}", which cannot be loaded${path ? "" : `: presets are ${io.presets().join(", ")}`}`);
  return loaded.world;
}

// ----- the cast -----

function cast(characters: readonly BibleCharacter[], world: World, worldName: string): DraftPerson[] {
  const ids = new Set<string>();
  return characters.map((c) => {
    const person: DraftPerson = { id: uniqueId(c.name, ids), source: c, notes: [] };
    const alignments = world.spec.axes.alignment?.values ?? [];
    judge(person, "designation", c.designation, world.designations, c.confidence, worldName);
    judge(person, "alignment", c.alignment, alignments, undefined, worldName);
    return person;
  });
}

/** States a designation or alignment the bible is sure of, or notes the guess and why it is not stated. */
function judge(person: DraftPerson, axis: "designation" | "alignment", value: string, values: readonly string[], confidence: number | undefined, worldName: string): void {
  const c = person.source;
  if (!value || value === "unknown") return;
  const name = nameTest(c);
  const word = valueTest(value);
  // Two quotes are cited at most: a long book's evidence lists are read only that far.
  const byName = firstOf(c.evidence, (e) => word(e.quote) && name(e.quote), 2);
  const guess = `${axis} not stated: ${value}?`;
  const why =
    value === "none"
      ? `the text suggests ${c.name} has no ${axis}; give a species without one if the world "${worldName}" has it`
      : !values.includes(value)
        ? `the world "${worldName}" has no ${axis} "${value}"`
    : confidence !== undefined && confidence < CONFIDENT
      ? `only ${Math.round(confidence * 100)}% of the cues agree`
      : byName.length === 0
        ? `the text never says it of ${c.name} by name`
        : undefined;
  if (why) {
    const named = firstOf(c.evidence, (e) => word(e.quote), 2);
    const cites = named.length ? named : c.evidence.slice(0, 1);
    person.notes.push([`${guess} ${why}`, ...cites.map(cite)].join("; "));
    return;
  }
  person[axis] = { value, evidence: byName };
}

/** The first `n` items that pass the test, in order. */
function firstOf<T>(items: readonly T[], test: (item: T) => boolean, n: number): T[] {
  const out: T[] = [];
  for (const item of items) if (test(item) && out.push(item) === n) break;
  return out;
}

/** Any of the person's names as a word, to tell "Hux is an alpha" from a quote with only "alpha" in it. */
function nameTest(c: BibleCharacter): (text: string) => boolean {
  return wordTest([c.name, ...c.aliases], LETTER_OR_DIGIT, false);
}

/** The value as a word, singular or plural ("alpha", "Alphas"). */
function valueTest(value: string): (text: string) => boolean {
  return wordTest([value], LETTER, true);
}

const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Whether a text holds one of the words whole, in any case (no character of `inWord` on either
 * side), a plural "s" allowed when asked. Made without a regular expression: building a
 * case-blind Unicode one for each person costs more than all the tests it would do.
 */
function wordTest(words: readonly string[], inWord: RegExp, plural: boolean): (text: string) => boolean {
  const wanted = words.map((w) => w.toLowerCase()).filter((w) => w.length > 0);
  // The whole character at a position, a pair of surrogates read together.
  const charAt = (text: string, at: number) => {
    const low = text.charCodeAt(at);
    if (low >= 0xdc00 && low <= 0xdfff && at > 0) return text.slice(at - 1, at + 1);
    return String.fromCodePoint(text.codePointAt(at)!);
  };
  const outside = (text: string, at: number) => at < 0 || at >= text.length || !inWord.test(charAt(text, at));
  return (text) => {
    const lower = text.toLowerCase();
    for (const w of wanted) {
      for (let at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) {
        const end = at + w.length;
        if (outside(lower, at - 1) && (outside(lower, end) || (plural && lower[end] === "s" && outside(lower, end + 1)))) return true;
      }
    }
    return false;
  };
}

/** An id from the name: letters, digits and dashes, starting with a letter, unique in the cast. */
function uniqueId(name: string, taken: Set<string>): string {
  let base = slug(name).slice(0, 40).replace(/-+$/, "");
  if (!/^[a-z]/.test(base)) base = `p-${base}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

// ----- relations -----

function relations(found: readonly BibleRelation[], people: readonly DraftPerson[]): DraftRelation[] {
  const byName = new Map(people.map((p) => [p.source.name, p.id]));
  const held = new Map<string, string>();
  return found.map((r): DraftRelation => {
    const kind = RELATION_KINDS[r.kind];
    const a = byName.get(r.a);
    const b = byName.get(r.b);
    const out: DraftRelation = { kind, a, b, source: r };
    if (!kind) out.heldBack = `a project has no relation "${r.kind}"`;
    else if (a === undefined || b === undefined) out.heldBack = `${a === undefined ? r.a : r.b} is not in the cast`;
    else if (a === b) out.heldBack = "it names one person twice";
    else if (r.confidence < 1) out.heldBack = "read from context, not stated in so many words; confirm it first";
    else if (ONE_AT_A_TIME.has(kind)) {
      const busy = [a, b].find((p) => held.has(`${kind}:${p}`));
      if (busy) out.heldBack = `${busy} already has a ${kind} here, ${held.get(`${kind}:${busy}`)}, and has one at a time`;
      else for (const p of [a, b]) held.set(`${kind}:${p}`, `${a} – ${b}`);
    }
    return out;
  });
}

// ----- chapters -----

/** One file per chapter, its text as it is; anything before the first heading stays with the first. */
export function chapterFiles(m: Manuscript): { path: string; text: string }[] {
  const chapters = m.chapters.length > 0 ? m.chapters : [{ title: "", start: 0 }];
  const width = Math.max(2, String(chapters.length).length);
  return chapters.map((c, i) => {
    const from = i === 0 ? 0 : c.start;
    const to = i + 1 < chapters.length ? chapters[i + 1].start : m.text.length;
    let text = m.text.slice(from, to);
    // A chapter that opens with a rule ("---") would read as front matter: an empty block goes first.
    if (/^\uFEFF?---[ \t]*\r?\n/.test(text)) text = `---\n---\n${text}`;
    const name = slug(c.title || (c.file ?? "").replace(/^.*[/\\]|\.[^.]*$/g, ""), "chapter").slice(0, 40).replace(/-+$/, "");
    return { path: `chapters/${String(i + 1).padStart(width, "0")}-${name}.md`, text };
  });
}

// ----- writing -----

/** The project's files as text: scentline.yaml, the chapters and bible.json. */
export function projectFiles(d: Draft): Map<string, string> {
  const files = new Map<string, string>([["scentline.yaml", projectYaml(d)]]);
  for (const c of d.chapters) files.set(c.path, c.text);
  files.set("bible.json", JSON.stringify(d.bible, null, 2) + "\n");
  return files;
}

function projectYaml(d: Draft): string {
  const stated = d.relations.filter((r) => !r.heldBack);
  const held = d.relations.filter((r) => r.heldBack);
  const spec: Record<string, unknown> = {
    ...(d.title ? { title: d.title } : {}),
    world: d.world,
    start: d.start,
    cast: d.people.map((p) => ({
      id: p.id,
      name: p.source.name,
      ...(p.source.aliases.length ? { aliases: p.source.aliases } : {}),
      // The checker follows pronouns the way the reader did.
      ...(p.source.pronoun ? { pronouns: p.source.pronoun } : {}),
      ...(p.designation ? { designation: p.designation.value } : {}),
      ...(p.alignment ? { alignment: p.alignment.value } : {}),
    })),
    ...(stated.length ? { relations: stated.map((r) => ({ kind: r.kind, a: r.a, b: r.b })) } : {}),
    ...(d.checkRules.size ? { check: { rules: Object.fromEntries([...d.checkRules].map(([id, r]) => [id, r.level])) } } : {}),
  };
  const doc = new Document(spec);
  doc.commentBefore = [
    ...(d.schema ? [` yaml-language-server: $schema=${d.schema}`] : []),
    ` A draft story project read from ${d.manuscript} by \`scentline read\`. Each stated fact quotes`,
    " the words it rests on (lines of the manuscript); what the reader could not confirm is left in",
    " comments. Correct it, then run `scentline check`. bible.json has everything the reader found.",
  ].join("\n");
  const root = doc.contents as YAMLMap;
  keyOf(root, "start").commentBefore = [
    " The manuscript gives no dates: this start is a placeholder, and each chapter falls on it until",
    " its front matter gives a date (date: 2026-03-01, or +3d after the chapter before).",
  ].join("\n");
  keyOf(root, "cast").commentBefore = [
    " No one has a birth date: the text does not give them. Add born: (YYYY-MM-DD) to each person;",
    " until then `scentline check` asks for it wherever someone takes part in courtship, bonding,",
    " a bite or heat partnership.",
  ].join("\n");
  const castSeq = root.get("cast", true);
  if (isSeq(castSeq))
    d.people.forEach((p, i) => {
      const item = castSeq.items[i] as YAMLMap;
      item.commentBefore = ` ${p.source.mentions} ${p.source.mentions === 1 ? "mention" : "mentions"}${p.source.major ? ", a major character" : ""}`;
      const aliases = item.get("aliases", true);
      if (isSeq(aliases)) aliases.flow = true;
      for (const axis of ["designation", "alignment"] as const) {
        const s = p[axis];
        if (s) keyOf(item, axis).commentBefore = s.evidence.map((e) => ` ${cite(e)}`).join("\n");
      }
      if (p.notes.length) item.comment = p.notes.map((n) => ` ${n}`).join("\n");
    });
  const relSeq = root.get("relations", true);
  if (isSeq(relSeq)) stated.forEach((r, i) => ((relSeq.items[i] as Node).commentBefore = r.source.evidence.slice(0, 2).map((e) => ` ${cite(e)}`).join("\n")));
  if (d.checkRules.size) keyOf(root, "check").commentBefore = [...d.checkRules].map(([id, r]) => ` ${id}: ${r.level}, because ${r.why}`).join("\n");
  if (held.length)
    doc.comment = [
      " Relations the text suggests that this draft does not state:",
      ...held.map((r) => `   ${r.source.kind}: ${r.source.a} – ${r.source.b}, not stated: ${r.heldBack}; ${cite(r.source.evidence[0])}`),
    ].join("\n");
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function keyOf(map: YAMLMap, key: string): Node {
  const pair = map.items.find((p: Pair) => isScalar(p.key) && p.key.value === key);
  if (!pair || !isScalar(pair.key)) throw new Error(`no key ${key}`);
  return pair.key;
}

/** `line 27: "the words"`, on one line and not too long for a comment. */
export function cite(e: Evidence | undefined): string {
  if (!e) return "no quote";
  const words = e.quote.replace(/\s+/g, " ").trim();
  return `line ${e.line}: "${words.length > 100 ? `${words.slice(0, 99)}…` : words}"`;
}
