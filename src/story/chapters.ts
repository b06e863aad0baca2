/**
 * The chapters of a story project: Markdown files with optional front matter saying when the scene
 * happens (a date, or a time after the previous chapter such as +3d), where, who is present and
 * whose point of view it is. What the front matter leaves out is inferred and said.
 */
import { Type, type Static } from "@sinclair/typebox";
import type { Diagnostic } from "../core/diagnostic.js";
import type { SourceReader } from "../core/io.js";
import { didYouMean } from "../core/suggest.js";
import { formatDate, parseMoment, type Hour } from "../core/time.js";
import { validateAgainst } from "../core/validate.js";
import { parseYamlSource, type Path } from "../core/yaml-source.js";
import type { Project } from "./load.js";

const closed = { additionalProperties: false } as const;

export const ChapterFrontMatter = Type.Object(
  {
    title: Type.Optional(Type.String()),
    date: Type.Optional(
      Type.String({ minLength: 1, description: "when the scene happens: a date (2026-03-01, 2026-03-01T14:00) or a time after the previous chapter (+3d)", "x-hint": "write a date such as 2026-03-01 or a time after the previous chapter such as +3d" }),
    ),
    where: Type.Optional(Type.String({ minLength: 1, description: "the place of the scene: a place id or name from the project" })),
    present: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: "who is in the scene: ids, names or aliases from the cast" })),
    pov: Type.Optional(Type.String({ minLength: 1, description: "whose point of view the chapter takes" })),
    // Names other tools and writers use for the same things.
    when: Type.Optional(Type.String({ minLength: 1, description: "the same as date" })),
    location: Type.Optional(Type.String({ minLength: 1, description: "the same as where" })),
    place: Type.Optional(Type.String({ minLength: 1, description: "the same as where" })),
    characters: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: "the same as present" })),
    viewpoint: Type.Optional(Type.String({ minLength: 1, description: "the same as pov" })),
  },
  closed,
);
export type ChapterFrontMatterSpec = Static<typeof ChapterFrontMatter>;

export interface Chapter {
  index: number;
  file: string;
  text: string;
  /** Offset where the prose begins (after the front matter). */
  bodyStart: number;
  title?: string;
  hour: Hour;
  /** False when the date was inferred from the previous chapter or the story's start. */
  dated: boolean;
  where?: number;
  present: number[];
  /** False when the front matter does not say who is present. */
  presentGiven: boolean;
  pov?: number;
}

export interface ChaptersLoad {
  chapters: Chapter[];
  diagnostics: Diagnostic[];
}

export const CHAPTERS_DIR = "chapters";

/** The chapter files: the project's `chapters:` list, or chapters/*.md in name order (2 before 10). */
export function chapterFiles(project: Project, io: SourceReader): { files: string[]; diagnostics: Diagnostic[] } {
  const listed = project.spec.chapters;
  if (listed) return { files: listed.map((f) => io.resolve(project.file, f)), diagnostics: [] };
  const dir = io.join ? io.join(project.dir, CHAPTERS_DIR) : `${project.dir}/${CHAPTERS_DIR}`;
  const names = io.list?.(dir) ?? [];
  const files = names
    .filter((n) => /\.(md|markdown|txt)$/i.test(n))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
    .map((n) => (io.join ? io.join(dir, n) : `${dir}/${n}`));
  return { files, diagnostics: [] };
}

/** A lookup of people by id, name or alias, lower case: ids first, then names, then aliases, so a nickname never hides someone's id. */
export function peopleByName(people: readonly { id: string; spec: { name: string; aliases?: readonly string[] } }[]): Map<string, number> {
  const byName = new Map<string, number>();
  for (const pick of [(i: number) => [people[i].id], (i: number) => [people[i].spec.name], (i: number) => people[i].spec.aliases ?? []])
    for (let i = 0; i < people.length; i++) for (const n of pick(i)) if (!byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), i);
  return byName;
}

export function loadChapters(project: Project, io: SourceReader): ChaptersLoad {
  const { files, diagnostics } = chapterFiles(project, io);
  const chapters: Chapter[] = [];
  const byName = peopleByName(project.people);
  const placeNames = new Map<string, number>();
  (project.spec.places ?? []).forEach((p, i) => {
    placeNames.set(p.id.toLowerCase(), i);
    if (p.name && !placeNames.has(p.name.toLowerCase())) placeNames.set(p.name.toLowerCase(), i);
  });
  let previous: Hour = project.start;
  files.forEach((file, index) => {
    const text = io.read(file);
    if (text === undefined) {
      diagnostics.push({ severity: "error", code: "unreadable", message: `cannot read the chapter: ${io.whyUnreadable?.(file) ?? file}`, hint: "fix the path in chapters:, or the file's permissions", at: { file, line: 1, column: 1 } });
      return;
    }
    const chapter = readChapter(project, file, text, index, previous, byName, placeNames, diagnostics);
    chapters.push(chapter);
    previous = chapter.hour;
  });
  return { chapters, diagnostics };
}

function readChapter(project: Project, file: string, text: string, index: number, previous: Hour, byName: Map<string, number>, placeNames: Map<string, number>, diagnostics: Diagnostic[]): Chapter {
  const chapter: Chapter = { index, file, text, bodyStart: 0, hour: previous, dated: false, present: [], presentGiven: false };
  const fm = frontMatter(text);
  const err = (message: string, at: { line: number; column: number }, hint?: string) => diagnostics.push({ severity: "error", code: "front-matter", message, hint, at: { file, ...at } });
  if (fm === "unclosed") {
    err("the front matter that opens on line 1 is never closed", { line: 1, column: 1 }, 'end it with a line of three dashes "---"');
    chapter.bodyStart = text.length;
  } else if (fm) {
    chapter.bodyStart = fm.bodyStart;
    // One blank line stands for the opening "---", so positions are the file's own.
    const { source, diagnostics: yamlErrors } = parseYamlSource(file, "\n" + fm.yaml);
    diagnostics.push(...yamlErrors.map((d) => ({ ...d, code: "front-matter" })));
    if (source) {
      const value = source.value;
      const keys: Record<string, string> = {};
      // Front matter often carries other tools' fields (tags, summary): an unknown field is said, not an error.
      if (value !== null && value !== undefined)
        diagnostics.push(...validateAgainst(ChapterFrontMatter, source).map((d): Diagnostic => (d.code === "unknown-field" ? { ...d, code: "front-matter", severity: d.hint?.startsWith("did you mean") ? "warning" : "info", message: `${d.message} (ignored)` } : { ...d, code: "front-matter" })));
      // What is well formed is used even when a neighbouring field is wrong, so every mistake shows at once.
      if (value && typeof value === "object" && !Array.isArray(value)) applyFrontMatter(chapter, wellFormed(value as Record<string, unknown>, keys), (p) => source.locate([keys[p[0] as string] ?? p[0], ...p.slice(1)]), project, previous, byName, placeNames, err);
    }
  }
  if (!chapter.dated) {
    const from = index === 0 ? "the story's start" : "the previous chapter";
    diagnostics.push({ severity: "info", code: "inferred", message: `no date in the front matter: taken as ${formatDate(chapter.hour)}, the date of ${from}`, hint: "add date: to the front matter (2026-03-01, or +3d after the previous chapter)", at: { file, line: 1, column: 1 } });
  }
  return chapter;
}

function applyFrontMatter(
  chapter: Chapter,
  fm: ChapterFrontMatterSpec,
  locate: (p: Path) => { line: number; column: number },
  project: Project,
  previous: Hour,
  byName: Map<string, number>,
  placeNames: Map<string, number>,
  err: (message: string, at: { line: number; column: number }, hint?: string) => void,
): void {
  // Names before ids: a suggestion reads best as the name the chapters use.
  const names = [...project.people.map((p) => p.spec.name), ...project.people.flatMap((p) => [p.id, ...(p.spec.aliases ?? [])])];
  const person = (ref: string, path: Path): number | undefined => {
    const i = byName.get(ref.toLowerCase());
    if (i === undefined) err(`no one in the cast is called "${ref}"`, locate(path), didYouMean(ref, names) ?? "add the person to cast: in scentline.yaml, or fix the name");
    return i;
  };
  chapter.title = fm.title;
  if (fm.date !== undefined) {
    const hour = parseMoment(fm.date, previous);
    if (hour === undefined) err(`"${fm.date}" is not a date or a time after the previous chapter`, locate(["date"]), "write 2026-03-01, 2026-03-01T14:00 or +3d");
    else (chapter.hour = hour), (chapter.dated = true);
  }
  if (fm.where !== undefined) {
    const p = placeNames.get(fm.where.toLowerCase());
    if (p === undefined) err(`no place is called "${fm.where}"`, locate(["where"]), didYouMean(fm.where, [...placeNames.keys()]) ?? "add it to places: in scentline.yaml");
    chapter.where = p;
  }
  if (fm.present) {
    chapter.presentGiven = true;
    fm.present.forEach((ref, k) => {
      const i = person(ref, ["present", k]);
      if (i !== undefined && !chapter.present.includes(i)) chapter.present.push(i);
    });
  }
  if (fm.pov !== undefined) chapter.pov = person(fm.pov, ["pov"]);
}

/** The YAML between a first line of "---" and the next such line, or "unclosed". */
function frontMatter(text: string): { yaml: string; bodyStart: number } | "unclosed" | undefined {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const close = /^(---|\.\.\.)[ \t]*(\r?\n|$)/m;
  close.lastIndex = 0;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  if (!m) return "unclosed";
  return { yaml: rest.slice(0, m.index), bodyStart: open[0].length + m.index + m[0].length };
}

/** The front matter's fields that have the right type (the schema reports the others). */
const ALIASES: Record<string, string[]> = { date: ["when"], where: ["location", "place"], present: ["characters"], pov: ["viewpoint"] };

function wellFormed(v: Record<string, unknown>, keys: Record<string, string>): ChapterFrontMatterSpec {
  const text = (x: unknown) => (typeof x === "string" && x.length > 0 ? x : undefined);
  const list = (x: unknown) => (Array.isArray(x) && x.every((y) => typeof y === "string" && y.length > 0) ? (x as string[]) : undefined);
  // Positions point at the key the writer used, alias or not.
  for (const [name, aliases] of Object.entries(ALIASES)) keys[name] = [name, ...aliases].find((k) => v[k] !== undefined) ?? name;
  return {
    title: text(v.title),
    date: text(v.date) ?? text(v.when),
    where: text(v.where) ?? text(v.location) ?? text(v.place),
    present: list(v.present) ?? list(v.characters),
    pov: text(v.pov) ?? text(v.viewpoint),
  };
}
