/** The manuscript reader: people found without a cast list, invented names included; decoding. */
import { describe, expect, it } from "vitest";
import { readText } from "../src/reader/bible.js";
import { decodeText } from "../src/reader/decode.js";
import { readerWords } from "../src/reader/words.js";
import { HARBOUR } from "./helpers/manuscripts.js";
import { preset } from "./helpers/world.js";

const words = readerWords(preset("classic"));

const STORY = HARBOUR;

describe("reading a manuscript", () => {
  const bible = readText("story.md", STORY, words);
  const byName = (n: string) => bible.characters.find((c) => c.name === n || c.aliases.includes(n));

  it("finds invented names, with their parts as aliases, and no ordinary words", () => {
    expect(bible.characters.map((c) => c.name).sort()).toEqual(["Ordo Fenwick", "Quillon Varrowmere", "Tesmae Orlind"]);
    expect(byName("Quillon Varrowmere")!.aliases).toContain("Quillon");
  });

  it("gives each their designation with the words it came from", () => {
    expect(byName("Quillon")!.designation).toBe("alpha");
    expect(byName("Tesmae")!.designation).toBe("omega");
    expect(byName("Ordo")!.designation).toBe("beta");
    const e = byName("Tesmae")!.evidence[0];
    expect(STORY.split("\n")[e.line - 1].slice(e.offset, e.offset + e.quote.length)).toBe(e.quote);
  });

  it("finds the bond and the guardian", () => {
    expect(bible.relations).toContainEqual(expect.objectContaining({ a: "Quillon Varrowmere", b: "Tesmae Orlind", kind: "bonded" }));
    expect(bible.relations).toContainEqual(expect.objectContaining({ a: "Ordo Fenwick", b: "Tesmae Orlind", kind: "guardian" }));
  });

  it("an empty text gives an empty bible", () => {
    expect(readText("empty.txt", "", words)).toMatchObject({ characters: [], relations: [] });
  });
});

describe("decoding", () => {
  it("reads UTF-8, UTF-16 with a byte-order mark and Windows-1252", () => {
    expect(decodeText(new TextEncoder().encode("Rey’s heat"))).toMatchObject({ text: "Rey’s heat", encoding: "UTF-8" });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from("Rey", (ch) => [ch.charCodeAt(0), 0]).flat()]);
    expect(decodeText(utf16)).toMatchObject({ text: "Rey", encoding: "UTF-16LE" });
    expect(decodeText(new Uint8Array([0x52, 0x65, 0x79, 0x92, 0x73]))).toMatchObject({ text: "Rey’s", encoding: "Windows-1252" });
  });
  it("refuses binary data", () => {
    expect(decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toHaveProperty("error");
  });
});
