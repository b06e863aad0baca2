/** Reading manuscripts from disk: formats, chapters, and input that must be refused cleanly. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { splitChapters } from "../src/reader/input/chapters.js";
import { isManuscriptError, loadManuscript } from "../src/reader/input/load.js";

const titles = (text: string, markdown = false) => splitChapters(text, markdown).map((c) => c.title);

describe("chapters of a plain text", () => {
  it("splits at lines that name a chapter, in words, digits or roman numerals", () => {
    const text = "Chapter 1\n\nThe office opened.\n\nCHAPTER II: The Visit\n\nThe chaperone arrived.\n\nChapter Twelve\n\nLater.";
    expect(titles(text)).toEqual(["Chapter 1", "CHAPTER II: The Visit", "Chapter Twelve"]);
    const chapters = splitChapters(text, false);
    expect(text.slice(chapters[1].start).startsWith("CHAPTER II")).toBe(true);
  });

  it("does not split at a sentence that mentions a chapter", () => {
    expect(titles("She read chapter 3 of the statute.\nChapter 3 was short, she said.")).toEqual([""]);
  });

  it("splits Markdown at its headings, keeping text before the first as an opening", () => {
    expect(titles("A note.\n\n# One\n\nText.\n\n## Two\n\nMore.", true)).toEqual(["Opening", "One", "Two"]);
  });
});

describe("loading a manuscript file", () => {
  const dir = mkdtempSync(join(tmpdir(), "scentline-input-"));

  it("refuses an empty file with a hint", () => {
    writeFileSync(join(dir, "empty.txt"), "");
    const m = loadManuscript(join(dir, "empty.txt"));
    expect(isManuscriptError(m) && m.error).toMatch(/is empty/);
  });

  it("refuses a file over the size limit before reading it", () => {
    writeFileSync(join(dir, "big.txt"), "word ".repeat(300));
    const m = loadManuscript(join(dir, "big.txt"), { maxFileBytes: 1000 });
    expect(isManuscriptError(m) && m.error).toMatch(/up to/);
  });

  it("normalises Windows line ends without moving lines", () => {
    writeFileSync(join(dir, "crlf.txt"), "Chapter 1\r\n\r\nQuillon waited.\r\n");
    const m = loadManuscript(join(dir, "crlf.txt"));
    expect(!isManuscriptError(m) && m.text).toBe("Chapter 1\n\nQuillon waited.\n");
  });
});
