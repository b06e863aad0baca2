/**
 * Reading a draft's chapters ahead (reader/read-ahead.ts): the check that settles the draft uses
 * chapters read ahead only for the cast and world they were read for, so the draft is the same
 * with them or without; and the thread that reads them posts what reading in place would give.
 */
import { describe, expect, it } from "vitest";
import { nodeReader } from "../src/node/io.js";
import { readText, type CastEntry } from "../src/reader/bible.js";
import { fromBytes, isManuscriptError } from "../src/reader/input/load.js";
import { chapterFiles, draftProject } from "../src/reader/project.js";
import { readAhead, type ReadAheadRequest, type ReadAheadResult } from "../src/reader/read-ahead.js";
import { readerWords } from "../src/reader/words.js";
import { HARBOUR } from "./helpers/manuscripts.js";
import { preset } from "./helpers/world.js";

const io = nodeReader();
const m = fromBytes("harbour.md", new TextEncoder().encode(HARBOUR), ".md");
if (isManuscriptError(m)) throw new Error(m.error);
let cast: readonly CastEntry[] = [];
const bible = { ...readText(m.name, m.text, readerWords(preset("classic")), { onCast: (people) => (cast = people) }), world: "guardianship" };
const request: ReadAheadRequest = { world: "guardianship", people: cast, chapters: chapterFiles(m) };
const draft = (readAheadResult?: ReadAheadResult) => draftProject(m, bible, { io, schema: "x", readAhead: readAheadResult });
/** The same chapters with every fact and name taken out: a check that used them would find other things. */
const emptied = (r: ReadAheadResult): ReadAheadResult => ({ key: r.key, chapters: r.chapters.map(([file, c]) => [file, { ...c, facts: [], named: [] }]) });

describe("chapters read ahead", () => {
  it("hears the cast before the facts, as the bible names it", () => {
    expect(cast.map((p) => p.name)).toEqual(bible.characters.map((c) => c.name));
    expect(cast.map((p) => p.pronoun)).toEqual(bible.characters.map((c) => c.pronoun));
  });

  it("give the draft the check would give reading them in place", () => {
    const ahead = readAhead(request, io)!;
    expect(ahead.chapters.length).toBe(request.chapters.length);
    const inPlace = draft();
    expect(draft(ahead).files).toEqual(inPlace.files);
    expect(draft(ahead).findings).toEqual(inPlace.findings);
  });

  it("are used when read for the draft's cast and world, and not for another", () => {
    const ahead = readAhead(request, io)!;
    // Used: the draft's check sees no facts and no names, so it finds other things.
    expect(draft(emptied(ahead)).findings).not.toEqual(draft().findings);
    // Read for another pronoun or world, the same emptied chapters are passed over.
    const otherCast = readAhead({ ...request, people: cast.map((p, i) => (i === 0 ? { ...p, pronoun: p.pronoun === "he" ? "she" : "he" } : p)) }, io)!;
    const otherWorld = readAhead({ ...request, world: "classic" }, io)!;
    for (const other of [otherCast, otherWorld]) {
      expect(other.key).not.toBe(ahead.key);
      expect(draft(emptied(other)).findings).toEqual(draft().findings);
      expect(draft(emptied(other)).files).toEqual(draft().files);
    }
  });

  it("in a thread post what reading in place gives (the built thread, as the command uses it)", async () => {
    const { ReadAheadThread } = await import("../dist/reader/read-ahead.js");
    const thread = ReadAheadThread.start(m.text.length);
    // A machine with one core reads in place: nothing to test there.
    if (!thread) return;
    thread.send(request);
    expect(thread.take(60_000)).toEqual(readAhead(request, io));
  });
});
