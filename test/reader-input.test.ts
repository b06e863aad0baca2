/** Reading manuscripts from disk: formats, chapters, and input that must be refused cleanly. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Manuscript, ManuscriptError } from "../src/reader/manuscript.js";
import { splitChapters } from "../src/reader/input/chapters.js";
import { isManuscriptError, loadManuscript, type ReadLimits } from "../src/reader/input/load.js";

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

// ---- Fixtures: invented names, short clinical prose. ----

const dir = mkdtempSync(join(tmpdir(), "scentline-formats-"));
let serial = 0;

/** Writes a fixture file and reads it back as a manuscript. */
function load(name: string, content: string | Uint8Array, limits?: Partial<ReadLimits>): Manuscript | ManuscriptError {
  const sub = join(dir, `f${serial++}`);
  mkdirSync(sub);
  writeFileSync(join(sub, name), content);
  return loadManuscript(join(sub, name), limits);
}

function ok(m: Manuscript | ManuscriptError): Manuscript {
  if (isManuscriptError(m)) throw new Error(`expected a manuscript, got: ${m.error} (${m.hint})`);
  return m;
}

function refused(m: Manuscript | ManuscriptError): ManuscriptError {
  if (!isManuscriptError(m)) throw new Error(`expected a refusal, got a ${m.format} manuscript`);
  expect(m.hint.length).toBeGreaterThan(0);
  return m;
}

const chapterTitles = (m: Manuscript) => m.chapters.map((c) => c.title);

describe("generic HTML", () => {
  const page = `<!doctype html>
<html><head><title>Clinic Notes</title><style>p { color: red }</style><script>var tracked = "Quillon";</script></head>
<body>
<nav><a href="/">Home</a> | <a href="/archive">Archive</a></nav>
<header><h1>Clinic Notes</h1></header>
<main>
  <h2>Morning</h2>
  <p>Quillon Varrowmere arrived at <em>nine</em>.   The&nbsp;chaperone
     waited outside.</p>
  <ul><li>Chart checked.</li><li>Dosage confirmed.</li></ul>
  <h3>Afternoon</h3>
  <div>Sabine Orlet signed the discharge papers.<div>She filed them by noon.</div></div>
  <h4>A note</h4>
  <p>Filed under routine visits.</p>
</main>
<footer><script>track();</script></footer>
</body></html>`;
  const m = ok(load("notes.html", page));

  it("is read as HTML, not as an AO3 work", () => {
    expect(m.format).toBe("html");
    expect(m.metadata).toEqual({ title: "Clinic Notes" });
  });

  it("reads block elements as paragraphs and drops scripts, styles and navigation", () => {
    expect(m.text).toBe(
      [
        "Clinic Notes",
        "Morning",
        "Quillon Varrowmere arrived at nine. The chaperone waited outside.",
        "Chart checked.",
        "Dosage confirmed.",
        "Afternoon",
        "Sabine Orlet signed the discharge papers.",
        "She filed them by noon.",
        "A note",
        "Filed under routine visits.",
      ].join("\n\n") + "\n",
    );
  });

  it("starts a chapter at each h1 to h3 heading", () => {
    expect(chapterTitles(m)).toEqual(["Clinic Notes", "Morning", "Afternoon"]);
    expect(m.text.slice(m.chapters[2].start).startsWith("Afternoon\n")).toBe(true);
  });

  it("reads an HTML fragment in a .html file as HTML", () => {
    const frag = ok(load("fragment.html", "<p>Quillon waited.</p><p>Ordo&#39;s chart was ready.</p>"));
    expect(frag.format).toBe("html");
    expect(frag.text).toBe("Quillon waited.\n\nOrdo's chart was ready.\n");
  });
});

describe("what a file is, by content before extension", () => {
  it("reads HTML saved as .md, after an XML declaration and a comment, as HTML", () => {
    const m = ok(load("page.md", `<?xml version="1.0" encoding="utf-8"?>\n<!-- saved -->\n<html><body><p>Quillon waited.</p></body></html>`));
    expect(m.format).toBe("html");
    expect(m.text).toBe("Quillon waited.\n");
  });

  it("reads a text that merely mentions a tag as text", () => {
    const m = ok(load("story.txt", "Quillon typed <html> into the clinic's form.\n"));
    expect(m.format).toBe("text");
  });

  it("refuses binary data given as text, naming the file", () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(refused(load("scan.txt", bytes)).error).toMatch(/scan\.txt: this looks like binary data/);
  });

  it("refuses a PDF", () => {
    expect(refused(load("book.pdf", "%PDF-1.7\n%\xe2\xe3\n1 0 obj")).error).toMatch(/is a PDF/);
  });

  it("refuses an empty file, and HTML with no text in it", () => {
    expect(refused(load("empty.html", "")).error).toMatch(/empty\.html is empty/);
    expect(refused(load("blank.html", "<html><head><script>x()</script></head><body> </body></html>")).error).toMatch(/blank\.html has no text/);
  });
});
