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

/** The 1-based line of `text` where `quote` starts. */
function lineOf(text: string, quote: string): number {
  const at = text.indexOf(quote);
  expect(at).toBeGreaterThanOrEqual(0);
  return text.slice(0, at).split("\n").length;
}

const chapterTitles = (m: Manuscript) => m.chapters.map((c) => c.title);
const chapterText = (m: Manuscript, i: number) => m.text.slice(m.chapters[i].start, m.chapters[i + 1]?.start ?? m.text.length);

/** An AO3 "Download → HTML" file, as otwarchive's downloads/show.html.erb and its partials write it. */
const AO3_HTML = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head>
  <meta charset="utf-8" />
  <title>The Intake Ledger - Harbour Clinic [Archive of Our Own]</title>
  <style type="text/css">
    p.message { text-align: center; }
    .toc-heading { display: none; }
  </style>
</head>
<body>
<div id="preface">
  <h2 class="toc-heading">Preface</h2>
  <p class="message">
    <b>The Intake Ledger</b><br />
    Posted originally on the <a href="https://archiveofourown.org/">Archive of Our Own</a> at <a href="https://archiveofourown.org/works/101">https://archiveofourown.org/works/101</a>.
  </p>
  <div class="meta">
    <dl class="tags">
      <dt>Rating:</dt>
      <dd><a href="https://archiveofourown.org/tags/General%20Audiences">General Audiences</a></dd>
      <dt>Archive Warning:</dt>
      <dd><a href="https://archiveofourown.org/tags/x">No Archive Warnings Apply</a></dd>
      <dt>Category:</dt>
      <dd><a href="https://archiveofourown.org/tags/Gen">Gen</a></dd>
      <dt>Fandom:</dt>
      <dd><a href="https://archiveofourown.org/tags/x">Harbour Clinic (Invented)</a></dd>
      <dt>Relationship:</dt>
      <dd><a href="https://archiveofourown.org/tags/x">Quillon Varrowmere &amp; Sabine Orlet</a></dd>
      <dt>Characters:</dt>
      <dd><a href="https://archiveofourown.org/tags/x">Quillon Varrowmere</a>, <a href="https://archiveofourown.org/tags/y">Sabine Orlet</a></dd>
      <dt>Additional Tags:</dt>
      <dd><a href="https://archiveofourown.org/tags/x">Omegaverse</a>, <a href="https://archiveofourown.org/tags/y">Clinic Visits</a></dd>
      <dt>Language:</dt>
      <dd>English</dd>
      <dt>Series:</dt>
      <dd>Part 1 of <a href="https://archiveofourown.org/series/7">Harbour Records</a></dd>
      <dt>Stats:</dt>
      <dd>
        Published: 2024-03-01
        Words: 64
        Chapters: 2/2
      </dd>
    </dl>
    <h1>The Intake Ledger</h1>
    <div class="byline">by <a rel="author" href="https://archiveofourown.org/users/ledgerkeeper/pseuds/ledgerkeeper">ledgerkeeper</a></div>
      <p>Summary</p>
      <blockquote class="userstuff"><p>A patient&#8217;s first visit to the harbour clinic.</p></blockquote>
      <p>Notes</p>
      <blockquote class="userstuff"><p>Written for a records prompt.</p></blockquote>
  </div>
</div>

<div id="chapters" class="userstuff">
<div class="meta group">
  <h2 class="heading">
      Chapter 1: Intake
  </h2>
    <p>Chapter Notes</p>
    <blockquote class="userstuff"><p>A note before the first chapter.</p></blockquote>
</div>

<!--chapter content-->
<div class="userstuff">
  <p>Quillon Varrowmere signed the intake form at the clinic desk.</p>
<p>The nurse noted his designation as omega &amp; filed the chart.<br />
The chart went to the second shelf.</p>
<p>&nbsp;</p>
</div>
<!--/chapter content-->

  <div class="meta" id="endnotes1">
    <p>Chapter End Notes</p>
    <blockquote class="userstuff"><p>An end note after the first chapter.</p></blockquote>
  </div>

<div class="meta group">
  <h2 class="heading">
      Chapter 2: Review
  </h2>
</div>

<!--chapter content-->
<div class="userstuff">
  <p>Dr. Sabine Orlet reviewed the suppressant dosage with him.</p>
<p>&#8220;Twelve milligrams, twice daily,&#8221; she said.</p>
</div>
<!--/chapter content-->
</div>

<div id="afterword">
  <h2 class="toc-heading">Afterword</h2>
  <div class="meta">
    <div id="endnotes">
      <p>End Notes</p>
      <blockquote class="userstuff"><p>Thank you for reading the records.</p></blockquote>
    </div>
  </div>
  <p class="message">Please <a href="https://archiveofourown.org/works/101/comments/new">drop by the Archive and comment</a> to let the creator know if you enjoyed their work!</p>
</div>
</body>
</html>
`;

describe("AO3 HTML downloads", () => {
  const m = ok(load("The_Intake_Ledger.html", AO3_HTML));

  it("is read as an AO3 work, with the metadata block's fields", () => {
    expect(m.format).toBe("ao3-html");
    expect(m.metadata).toEqual({
      title: "The Intake Ledger",
      authors: ["ledgerkeeper"],
      rating: ["General Audiences"],
      warnings: ["No Archive Warnings Apply"],
      categories: ["Gen"],
      fandoms: ["Harbour Clinic (Invented)"],
      relationships: ["Quillon Varrowmere & Sabine Orlet"],
      characters: ["Quillon Varrowmere", "Sabine Orlet"],
      tags: ["Omegaverse", "Clinic Visits"],
      language: "English",
      summary: "A patient’s first visit to the harbour clinic.",
      notes: "Written for a records prompt.\nThank you for reading the records.",
    });
  });

  it("takes the chapter titles from AO3's chapter headings, and starts the text with the first", () => {
    expect(chapterTitles(m)).toEqual(["Chapter 1: Intake", "Chapter 2: Review"]);
    expect(m.chapters[0].start).toBe(0);
    expect(m.text.slice(m.chapters[1].start).startsWith("Chapter 2: Review\n\nDr. Sabine Orlet")).toBe(true);
  });

  it("puts a chapter's title line, then one paragraph a line with blank lines between", () => {
    expect(chapterText(m, 0)).toBe(
      "Chapter 1: Intake\n\nQuillon Varrowmere signed the intake form at the clinic desk.\n\nThe nurse noted his designation as omega & filed the chart.\nThe chart went to the second shelf.\n\n",
    );
  });

  it("puts a quote from chapter 2 verbatim at its line, entities decoded", () => {
    expect(lineOf(m.text, "“Twelve milligrams, twice daily,” she said.")).toBe(12);
    expect(m.text.split("\n")[11]).toBe("“Twelve milligrams, twice daily,” she said.");
  });

  it("leaves the metadata block, notes, styles and the afterword out of the text", () => {
    for (const absent of ["Posted originally", "Rating", "Summary", "first visit", "note before", "end note", "Thank you", "drop by", "text-align", "Preface", "Afterword"]) {
      expect(m.text).not.toContain(absent);
    }
  });

  it("reads a one-chapter work, titled by its toc heading", () => {
    const single = AO3_HTML.replace(/<div id="chapters" class="userstuff">[\s\S]*?<div id="afterword">/, `<div id="chapters" class="userstuff">
    <h2 class="toc-heading">The Intake Ledger</h2>
    <div class="userstuff"><p>Quillon Varrowmere waited in the corridor.</p></div>
</div>
<div id="afterword">`);
    const one = ok(load("single.html", single));
    expect(one.format).toBe("ao3-html");
    expect(one.text).toBe("The Intake Ledger\n\nQuillon Varrowmere waited in the corridor.\n");
    expect(chapterTitles(one)).toEqual(["The Intake Ledger"]);
  });
});

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
  it("reads an AO3 download saved as .txt as AO3 HTML, not as text full of tags", () => {
    const m = ok(load("downloaded.txt", AO3_HTML));
    expect(m.format).toBe("ao3-html");
    expect(chapterTitles(m)).toEqual(["Chapter 1: Intake", "Chapter 2: Review"]);
  });

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
