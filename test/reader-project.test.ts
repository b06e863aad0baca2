/** `scentline read --out`: a draft story project that loads, checks clean of the reader's guesses, and is written whole or not at all. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { checkProject } from "../src/check/run.js";
import type { Finding } from "../src/check/finding.js";
import { writeFolder, nodeOps, type FolderOps } from "../src/cli/write-folder.js";
import { nodeReader } from "../src/node/io.js";
import { readText, type Bible, type BibleCharacter } from "../src/reader/bible.js";
import { fromBytes, isManuscriptError } from "../src/reader/input/load.js";
import type { Manuscript } from "../src/reader/manuscript.js";
import { draftProject, type DraftBible } from "../src/reader/project.js";
import { readerWords } from "../src/reader/words.js";
import { loadProject } from "../src/story/load.js";
import { HARBOUR } from "./helpers/manuscripts.js";
import { preset, tempFiles } from "./helpers/world.js";

const io = nodeReader();
const words = readerWords(preset("classic"));


function manuscript(name: string, text: string): Manuscript {
  const m = fromBytes(name, new TextEncoder().encode(text), name.slice(name.lastIndexOf(".")));
  if (isManuscriptError(m)) throw new Error(m.error);
  return m;
}

/** Drafts a project and writes it to a new temp folder; returns the folder and the draft. */
function written(m: Manuscript, bible: DraftBible = readText(m.name, m.text, words)) {
  const project = draftProject(m, bible, { io, schema: "../schema/project.schema.json" });
  const dir = join(tempFiles({}), "project");
  writeFolder(dir, project.files);
  return { dir, project, yaml: readFileSync(join(dir, "scentline.yaml"), "utf8") };
}

const check = (dir: string) => checkProject(join(dir, "scentline.yaml"), io);
/** Findings with their files named from the project's folder, wherever it is. */
const inProject = (file: string) => file.replace(/^.*?(?=(?:chapters\/[^/]+|scentline\.yaml)$)/, "");
const asWritten = (findings: readonly Finding[]) => findings.map((f) => ({ ...f, file: inProject(f.file), causes: f.causes.map((c) => (c.file ? { ...c, file: inProject(c.file) } : c)) }));
const errorsIn = (dir: string) => check(dir).findings.filter((f) => f.severity === "error");

function character(name: string, designation: string, quote: string, extra: Partial<BibleCharacter> = {}): BibleCharacter {
  return { name, aliases: [], major: true, mentions: 3, designation, alignment: "unknown", confidence: 1, evidence: [{ line: 1, offset: 0, quote }], ...extra };
}

describe("a draft story project from a manuscript", () => {
  const m = manuscript("harbour.md", HARBOUR);
  const { dir, yaml, project } = written(m);

  it("has scentline.yaml, one file per chapter with its text as it is, and the bible", () => {
    expect(readdirSync(dir).sort()).toEqual(["bible.json", "chapters", "scentline.yaml"]);
    expect(readdirSync(join(dir, "chapters"))).toEqual(["01-chapter-one.md", "02-chapter-two.md"]);
    const chapters = readdirSync(join(dir, "chapters")).map((f) => readFileSync(join(dir, "chapters", f), "utf8"));
    expect(chapters.join("")).toBe(HARBOUR);
    expect(JSON.parse(readFileSync(join(dir, "bible.json"), "utf8"))).toEqual(readText(m.name, m.text, words));
  });

  it("loads, validates, and the checker reports no error", () => {
    const loaded = loadProject(join(dir, "scentline.yaml"), io);
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(loaded.project!.people.every((p) => p.born === undefined)).toBe(true);
    expect(errorsIn(dir)).toEqual([]);
  });

  it("asks for the birth dates of the people in the bond, and of no one else", () => {
    const asked = check(dir).findings.filter((f) => f.ruleId === "age-unknown");
    expect(asked.map((f) => f.message.split(" has no")[0]).sort()).toEqual(["Quillon Varrowmere", "Tesmae Orlind"]);
    expect(asked.every((f) => f.severity === "warning")).toBe(true);
  });

  it("states the designations and relations the text gives by name, each under the words it rests on", () => {
    const spec = parse(yaml);
    const byName = (n: string) => spec.cast.find((c: { name: string }) => c.name === n);
    expect(spec.world).toBe("classic");
    expect(spec.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(byName("Quillon Varrowmere")).toMatchObject({ designation: "alpha", aliases: expect.arrayContaining(["Quillon"]) });
    expect(byName("Tesmae Orlind").designation).toBe("omega");
    expect(spec.relations).toEqual([
      { kind: "bond", a: "quillon-varrowmere", b: "tesmae-orlind" },
      { kind: "guardian", a: "ordo-fenwick", b: "tesmae-orlind" },
    ]);
    // Every quoted line is in the manuscript where the comment says.
    const lines = HARBOUR.split("\n");
    const quotes = [...yaml.matchAll(/line (\d+): "([^"]+)"/g)];
    expect(quotes.length).toBeGreaterThanOrEqual(4);
    for (const [, line, quote] of quotes) expect(lines[Number(line) - 1]).toContain(quote);
    expect(yaml).toMatch(/# line 3: "Quillon Varrowmere, an alpha"\n\s+designation: alpha/);
    expect(yaml).toMatch(/# line 9: "Quillon bit Tesmae"\n\s+- kind: bond/);
  });

  it("leaves a guess in a comment: a designation no sentence gives by name, birth dates", () => {
    // Only "as a beta" in a sentence about Brannoch: a cue, not a statement by name.
    const guess = written(manuscript("watch.md", "Brannoch Vey kept the gate. Brannoch walked the wall all night, as a beta on the night watch.\nBrannoch said nothing to Ysolde. Ysolde thanked Brannoch."));
    const brannoch = parse(guess.yaml).cast.find((c: { name: string }) => c.name.startsWith("Brannoch"));
    expect(brannoch.designation).toBeUndefined();
    expect(guess.yaml).toContain("# designation not stated: beta?");
    expect(yaml).not.toMatch(/^\s+born:/m);
    expect(yaml).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/project\.schema\.json\n/);
    expect(project.draft.people.map((p) => p.id)).toEqual(parse(yaml).cast.map((c: { id: string }) => c.id));
  });

  it("counts a quote as saying it by name only when a name and the value stand there as whole words, in any case", () => {
    const text = "HUX stood with the Alphas.\nHuxley is an alpha.\nMitaka, alphabetically first, waited.";
    const bible: DraftBible = {
      ...readText("names.md", text, words),
      characters: [
        character("Hux", "alpha", "HUX stood with the Alphas"),
        character("Huxley Brand", "alpha", "Huxley is an alpha", { aliases: ["Huxley"] }),
        character("Mitaka", "alpha", "Mitaka, alphabetically first"),
        character("Armitage", "alpha", "Huxley is an alpha"),
      ],
      relations: [],
    };
    const spec = parse(written(manuscript("names.md", text), bible).yaml);
    const designation = (n: string) => spec.cast.find((c: { name: string }) => c.name === n).designation;
    // "Huxley" is not "Hux", "alphabetically" is not "alpha"; "Alphas" is.
    expect([designation("Hux"), designation("Huxley Brand"), designation("Mitaka"), designation("Armitage")]).toEqual(["alpha", "alpha", undefined, undefined]);
  });

  it("writes the bible's world when it names one", () => {
    const bible: DraftBible = { ...readText(m.name, m.text, words), world: "guardianship" };
    const g = written(m, bible);
    expect(parse(g.yaml).world).toBe("guardianship");
    expect(errorsIn(g.dir)).toEqual([]);
    expect(() => draftProject(m, { ...bible, world: "nowhere" }, { io })).toThrow(/"nowhere"/);
    expect(() => draftProject(m, { ...bible, characters: [] }, { io })).toThrow(/found no one in harbour\.md/);
  });
});

describe("the draft is held to the checker", () => {
  it("takes back a designation the chapters contradict, and says why", () => {
    const m = manuscript("watch.txt", "Rey, an omega, keeps the watch. Rey waits by the gate.\n");
    const bible: Bible = { text: m.name, characters: [character("Rey", "alpha", "Rey is an alpha")], relations: [], events: [] };
    const { dir, yaml } = written(m, bible);
    expect(parse(yaml).cast[0].designation).toBeUndefined();
    expect(yaml).toMatch(/# designation not stated: alpha\? the chapters read otherwise \(chapters\/01-chapter\.md:1: /);
    expect(errorsIn(dir)).toEqual([]);
  });

  it("states one bond per person and leaves the second in a comment", () => {
    const m = manuscript("bonds.txt", "Ash waits. Bo waits. Cy waits.\n");
    const e = [{ line: 1, offset: 0, quote: "Ash waits" }];
    const bible: Bible = {
      text: m.name,
      characters: ["Ash", "Bo", "Cy"].map((n) => character(n, "unknown", `${n} waits`, { confidence: 0 })),
      events: [],
      relations: [
        { a: "Ash", b: "Bo", kind: "bonded", confidence: 1, evidence: e },
        { a: "Ash", b: "Cy", kind: "bonded", confidence: 1, evidence: e },
        { a: "Bo", b: "Cy", kind: "rival" as never, confidence: 1, evidence: e },
        { a: "Cy", b: "Bo", kind: "parent", confidence: 0.5, evidence: e },
      ],
    };
    const { dir, yaml } = written(m, bible);
    expect(parse(yaml).relations).toEqual([{ kind: "bond", a: "ash", b: "bo" }]);
    expect(yaml).toContain("#   parent: Cy – Bo, not stated: read from context, not stated in so many words; confirm it first");
    expect(yaml).toContain("#   bonded: Ash – Cy, not stated: ash already has a bond here, ash – bo");
    expect(yaml).toContain('#   rival: Bo – Cy, not stated: a project has no relation "rival"');
    expect(loadProject(join(dir, "scentline.yaml"), io).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("a heat told in two undated chapters makes cycle-timing a warning, with the reason", () => {
    const text = "# One\n\nMira Sollen, an omega, rests. Mira's heat began at noon.\n\n# Two\n\nMira's heat began again.\n";
    const { dir, yaml, project } = written(manuscript("heat.md", text));
    expect(parse(yaml).check).toEqual({ rules: { "cycle-timing": "warn" } });
    expect(yaml).toContain("# cycle-timing: warn, because the chapters have no dates yet");

    const r = check(dir);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.findings.some((f) => f.ruleId === "cycle-timing" && f.severity === "warning")).toBe(true);
    expect(asWritten(project.findings)).toEqual(asWritten(r.findings));
  });

  it("keeps what the draft states when only the missing dates make a cycle come too soon", () => {
    // In guardianship a bond sets the heat period, so the drafted error's dates differ from the
    // bare draft's: it is still the missing dates, not the bond or the designations, that cause it.
    const text = "# One\n\nMira, an omega, rests. Mira's heat began at noon. Ash, an alpha, waits.\n\n# Two\n\nMira's heat began again.\n";
    const m = manuscript("bonded.md", text);
    const e = [{ line: 3, offset: 0, quote: "Mira, an omega" }];
    const bible: DraftBible = {
      text: m.name,
      world: "guardianship",
      characters: [character("Mira", "omega", "Mira, an omega"), character("Ash", "alpha", "Ash, an alpha")],
      relations: [{ a: "Ash", b: "Mira", kind: "bonded", confidence: 1, evidence: e }],
      events: [],
    };
    const { dir, yaml, project } = written(m, bible);
    expect(parse(yaml).cast.map((p: { designation?: string }) => p.designation)).toEqual(["omega", "alpha"]);
    expect(parse(yaml).relations).toEqual([{ kind: "bond", a: "ash", b: "mira" }]);
    expect(parse(yaml).check).toEqual({ rules: { "cycle-timing": "warn" } });
    expect(errorsIn(dir)).toEqual([]);
    // What the draft says the check finds is what it finds in the project written.
    expect(asWritten(project.findings)).toEqual(asWritten(check(dir).findings));
  });

  it("a chapter that opens with a rule is not read as front matter", () => {
    const text = "---\nRey waits.\n---\nRey sleeps.\n";
    const m = manuscript("rule.txt", text);
    const { dir } = written(m, { text: m.name, characters: [character("Rey", "unknown", "Rey waits", { confidence: 0 })], relations: [], events: [] });
    const chapter = readFileSync(join(dir, "chapters", "01-chapter.md"), "utf8");
    expect(chapter.endsWith(text)).toBe(true);
    expect(check(dir).findings.filter((f) => f.ruleId === "front-matter")).toEqual([]);
  });
});

describe("writing a project folder", () => {
  const files = new Map([
    ["scentline.yaml", "world: classic\n"],
    ["chapters/01-one.md", "One.\n"],
    ["bible.json", "{}\n"],
  ]);
  const place = () => {
    const parent = tempFiles({});
    return { parent, dir: join(parent, "out") };
  };
  const old = (dir: string) => {
    mkdirSync(join(dir, "chapters"), { recursive: true });
    writeFileSync(join(dir, "scentline.yaml"), "world: daxam\n");
    writeFileSync(join(dir, "notes.txt"), "mine\n");
  };
  /** The file operations, with `on` failing (the disk is full) after it has worked `after` times. */
  const failing = (on: "write" | "rename", after: number): FolderOps => {
    let calls = 0;
    const fail = () => {
      if (calls++ === after) throw Object.assign(new Error("disk full"), { code: "ENOSPC" });
    };
    return on === "write" ? { ...nodeOps, write: (p, t) => (fail(), nodeOps.write(p, t)) } : { ...nodeOps, rename: (a, b) => (fail(), nodeOps.rename(a, b)) };
  };

  it("writes a new folder, and leaves nothing beside it", () => {
    const { parent, dir } = place();
    writeFolder(dir, files);
    expect(readdirSync(parent)).toEqual(["out"]);
    expect(readFileSync(join(dir, "chapters", "01-one.md"), "utf8")).toBe("One.\n");
  });

  it("never replaces a folder that is not empty without --force, which is left as it was", () => {
    const { parent, dir } = place();
    old(dir);
    expect(() => writeFolder(dir, files)).toThrow(/already exists and is not empty; nothing was written/);
    expect(readFileSync(join(dir, "scentline.yaml"), "utf8")).toBe("world: daxam\n");
    expect(readdirSync(dir).sort()).toEqual(["chapters", "notes.txt", "scentline.yaml"]);
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  it("an empty folder is written into", () => {
    const { dir } = place();
    mkdirSync(dir);
    writeFolder(dir, files);
    expect(readFileSync(join(dir, "scentline.yaml"), "utf8")).toBe("world: classic\n");
  });

  it("with --force replaces the folder whole", () => {
    const { parent, dir } = place();
    old(dir);
    writeFolder(dir, files, { replace: true });
    expect(readdirSync(dir).sort()).toEqual(["bible.json", "chapters", "scentline.yaml"]);
    expect(readFileSync(join(dir, "scentline.yaml"), "utf8")).toBe("world: classic\n");
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  it("a failure in the middle leaves nothing: no folder, no partial files", () => {
    const { parent, dir } = place();
    expect(() => writeFolder(dir, files, { ops: failing("write", 1) })).toThrow(/no space left on the device; nothing was written/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it("a failure with --force leaves the old folder as it was", () => {
    for (const ops of [failing("write", 2), failing("rename", 1)]) {
      const { parent, dir } = place();
      old(dir);
      expect(() => writeFolder(dir, files, { replace: true, ops })).toThrow(/nothing was written and .* is as it was/);
      expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("mine\n");
      expect(readdirSync(parent)).toEqual(["out"]);
    }
  });

  it("refuses a file, or a folder whose parent is missing", () => {
    const { parent, dir } = place();
    writeFileSync(dir, "x");
    expect(() => writeFolder(dir, files, { replace: true })).toThrow(/it is a file, not a folder/);
    expect(() => writeFolder(join(parent, "no", "out"), files)).toThrow(/does not exist/);
    expect(existsSync(join(parent, "no"))).toBe(false);
  });
});

