/** Reading manuscripts from disk: formats, chapters, and input that must be refused cleanly. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync, type Zippable } from "fflate";
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

  it("reads an EPUB by its content whatever its extension, and refuses an .epub that is not a zip", () => {
    expect(ok(load("book.txt", epub3())).format).toBe("epub");
    expect(refused(load("book.epub", "Quillon waited.")).error).toMatch(/book\.epub is not an EPUB: it is not a zip/);
  });

  it("refuses binary data given as text, naming the file", () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(refused(load("scan.txt", bytes)).error).toMatch(/scan\.txt: this looks like binary data/);
  });

  it("refuses a zip that is not an EPUB, and a PDF", () => {
    expect(refused(load("chapters.zip", zipSync({ "one.txt": strToU8("Quillon waited.") }))).error).toMatch(/zip archive but not an EPUB/);
    expect(refused(load("book.pdf", "%PDF-1.7\n%\xe2\xe3\n1 0 obj")).error).toMatch(/is a PDF/);
  });

  it("refuses an empty file, and HTML with no text in it", () => {
    expect(refused(load("empty.html", "")).error).toMatch(/empty\.html is empty/);
    expect(refused(load("blank.html", "<html><head><script>x()</script></head><body> </body></html>")).error).toMatch(/blank\.html has no text/);
  });
});

// ---- EPUBs, built here with fflate. ----

const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

const xhtml = (body: string, title = "") =>
  `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>${title}</title></head><body>${body}</body></html>`;

interface EpubSpec {
  version: "2.0" | "3.0";
  metadata: string;
  /** id → [href, media type, properties?] */
  manifest: Record<string, [string, string, string?]>;
  spine: string[];
  spineToc?: string;
  /** Paths under OEBPS/ → content. */
  files: Record<string, string>;
}

function buildEpub(spec: EpubSpec): Uint8Array {
  const items = Object.entries(spec.manifest)
    .map(([id, [href, type, props]]) => `<item id="${id}" href="${href}" media-type="${type}"${props ? ` properties="${props}"` : ""}/>`)
    .join("\n    ");
  const opf = `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="${spec.version}" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">${spec.metadata}</metadata>
  <manifest>
    ${items}
  </manifest>
  <spine${spec.spineToc ? ` toc="${spec.spineToc}"` : ""}>${spec.spine.map((id) => `<itemref idref="${id}"/>`).join("")}</spine>
</package>`;
  const files: Zippable = {
    mimetype: [strToU8("application/epub+zip"), { level: 0 }],
    "META-INF/container.xml": strToU8(CONTAINER),
    "OEBPS/content.opf": strToU8(opf),
  };
  for (const [path, content] of Object.entries(spec.files)) files[`OEBPS/${path}`] = strToU8(content);
  return zipSync(files);
}

const XHTML = "application/xhtml+xml";

/** EPUB 3 with a nav document; the spine's order differs from the files' names and the manifest's order. */
function epub3(): Uint8Array {
  return buildEpub({
    version: "3.0",
    metadata: `<dc:identifier id="uid">urn:uuid:1</dc:identifier><dc:title>Clinic Days</dc:title><dc:creator>Maren Holloway</dc:creator>
      <dc:language>en</dc:language><dc:subject>Omegaverse</dc:subject><dc:subject>Clinic</dc:subject>
      <dc:description>&lt;p&gt;Two visits to the clinic.&lt;/p&gt;</dc:description>`,
    manifest: {
      c2: ["text/b-second.xhtml", XHTML],
      nav: ["nav.xhtml", XHTML, "nav"],
      c1: ["text/z-first.xhtml", XHTML],
      cover: ["text/cover.xhtml", XHTML],
      css: ["style.css", "text/css"],
    },
    spine: ["cover", "nav", "c1", "c2"],
    files: {
      "nav.xhtml": xhtml(`<nav epub:type="landmarks"><ol><li><a href="text/cover.xhtml">Cover</a></li></ol></nav>
        <nav epub:type="toc"><h1>Contents</h1><ol><li><a href="text/z-first.xhtml">The First Visit</a></li><li><a href="text/b-second.xhtml">The Second Visit</a></li></ol></nav>`),
      "text/cover.xhtml": xhtml(`<div><img src="cover.png" alt=""/></div>`),
      "text/z-first.xhtml": xhtml(`<h1>One</h1><p>Quillon Varrowmere arrived for the first visit.</p>`),
      "text/b-second.xhtml": xhtml(`<h1>Two</h1><p>Sabine Orlet checked the chart on the second visit.</p>`),
      "style.css": "p { margin: 0 }",
    },
  });
}

/** EPUB 2 with an NCX: a chapter split over two files, and a chapter starting inside a file. */
function epub2(): Uint8Array {
  return buildEpub({
    version: "2.0",
    metadata: `<dc:identifier id="uid">urn:uuid:2</dc:identifier><dc:title>Ward Rounds</dc:title><dc:creator opf:role="aut">Maren Holloway</dc:creator><dc:language>en</dc:language>`,
    manifest: {
      ncx: ["toc.ncx", "application/x-dtbncx+xml"],
      a: ["part_split_000.xhtml", XHTML],
      b: ["part_split_001.xhtml", XHTML],
      c: ["later.xhtml", XHTML],
      notes: ["notes.xhtml", XHTML],
    },
    spine: ["a", "b", "c", "notes"],
    spineToc: "ncx",
    files: {
      "toc.ncx": `<?xml version="1.0" encoding="utf-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
  <navPoint id="p1" playOrder="1"><navLabel><text>Rounds Begin</text></navLabel><content src="part_split_000.xhtml"/>
    <navPoint id="p2" playOrder="2"><navLabel><text>Night Shift</text></navLabel><content src="later.xhtml#night"/></navPoint>
  </navPoint>
</navMap></ncx>`,
      "part_split_000.xhtml": xhtml(`<h2>Rounds Begin</h2><p>Quillon Varrowmere began the morning rounds.</p>`),
      "part_split_001.xhtml": xhtml(`<p>He checked every chart on the ward.</p>`),
      "later.xhtml": xhtml(`<p>The afternoon passed quietly.</p><h2 id="night">Night Shift</h2><p>Sabine Orlet took over at ten.</p>`),
      "notes.xhtml": xhtml(`<p>Records kept by the ward.</p>`),
    },
  });
}

/** AO3's EPUB: its HTML download split by Calibre into files, classes renamed, ids kept, a chapter starting mid-file. */
function ao3Epub(): Uint8Array {
  return buildEpub({
    version: "2.0",
    metadata: `<dc:title>The Intake Ledger</dc:title><dc:language>en</dc:language><dc:creator opf:role="aut">ledgerkeeper</dc:creator>
      <dc:identifier id="uid">urn:uuid:3</dc:identifier><dc:description>&lt;p&gt;A first visit.&lt;/p&gt;</dc:description>
      <dc:publisher>Archive of Our Own</dc:publisher><dc:subject>Fanworks</dc:subject><dc:subject>General Audiences</dc:subject><dc:subject>Omegaverse</dc:subject>`,
    manifest: {
      ncx: ["toc.ncx", "application/x-dtbncx+xml"],
      h0: ["index_split_000.html", XHTML],
      h1: ["index_split_001.html", XHTML],
      h2: ["index_split_002.html", XHTML],
      h3: ["index_split_003.html", XHTML],
    },
    spine: ["h0", "h1", "h2", "h3"],
    spineToc: "ncx",
    files: {
      "toc.ncx": `<?xml version="1.0" encoding="utf-8"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
        <navPoint id="a"><navLabel><text>Preface</text></navLabel><content src="index_split_000.html"/></navPoint>
        <navPoint id="b"><navLabel><text>Chapter 1: Intake</text></navLabel><content src="index_split_001.html#calibre_toc_2"/></navPoint>
        <navPoint id="c"><navLabel><text>Chapter 2: Review</text></navLabel><content src="index_split_002.html#calibre_toc_3"/></navPoint>
        <navPoint id="d"><navLabel><text>Afterword</text></navLabel><content src="index_split_003.html"/></navPoint></navMap></ncx>`,
      "index_split_000.html": xhtml(`<div id="preface" class="calibre1"><h2 class="toc-heading" id="calibre_toc_1">Preface</h2>
        <p class="message"><b class="calibre2">The Intake Ledger</b><br class="calibre1"/>Posted originally on the <a href="https://archiveofourown.org/">Archive of Our Own</a> at <a href="https://archiveofourown.org/works/101">https://archiveofourown.org/works/101</a>.</p>
        <div class="calibre1"><dl class="tags">
          <dt class="calibre3">Rating:</dt><dd class="calibre4"><a href="https://archiveofourown.org/tags/x">General Audiences</a></dd>
          <dt class="calibre3">Archive Warning:</dt><dd class="calibre4"><a href="https://archiveofourown.org/tags/x">No Archive Warnings Apply</a></dd>
          <dt class="calibre3">Fandoms:</dt><dd class="calibre4"><a href="https://archiveofourown.org/tags/x">Harbour Clinic (Invented)</a>, <a href="https://archiveofourown.org/tags/y">Ward Tales (Invented)</a></dd>
          <dt class="calibre3">Characters:</dt><dd class="calibre4"><a href="https://archiveofourown.org/tags/x">Quillon Varrowmere</a>, <a href="https://archiveofourown.org/tags/y">Sabine Orlet</a></dd>
          <dt class="calibre3">Additional Tags:</dt><dd class="calibre4"><a href="https://archiveofourown.org/tags/x">Omegaverse</a></dd>
          <dt class="calibre3">Language:</dt><dd class="calibre4">English</dd>
          <dt class="calibre3">Stats:</dt><dd class="calibre5">Published: 2024-03-01 Words: 40 Chapters: 2/2</dd>
        </dl></div></div>`),
      "index_split_001.html": xhtml(`<div id="preface" class="calibre1"><div class="calibre1"><h1 class="calibre6">The Intake Ledger</h1>
        <div class="byline">by <a rel="author" href="https://archiveofourown.org/users/ledgerkeeper/pseuds/ledgerkeeper">ledgerkeeper</a></div>
        <p class="calibre7">Summary</p><blockquote class="userstuff"><p class="calibre7">A first visit.</p></blockquote></div></div>
        <div class="userstuff1" id="chapters"><div class="calibre1"><h2 class="heading" id="calibre_toc_2">Chapter 1: Intake</h2>
        <p class="calibre7">Chapter Notes</p><blockquote class="userstuff"><p>A note before the first chapter.</p></blockquote></div>
        <div class="userstuff2"><p>Quillon Varrowmere signed the intake form.</p></div></div>`),
      "index_split_002.html": xhtml(`<div class="userstuff1" id="chapters"><div class="userstuff2"><p>The nurse filed the chart.</p></div>
        <div class="calibre1" id="endnotes1"><p class="calibre7">Chapter End Notes</p><blockquote class="userstuff"><p>An end note.</p></blockquote></div>
        <div class="calibre1"><h2 class="heading" id="calibre_toc_3">Chapter 2: Review</h2></div>
        <div class="userstuff2"><p>Sabine Orlet reviewed the dosage.</p></div></div>`),
      "index_split_003.html": xhtml(`<div id="afterword" class="calibre1"><h2 class="toc-heading" id="calibre_toc_4">Afterword</h2>
        <p class="message">Please <a href="https://archiveofourown.org/works/101/comments/new">drop by the Archive and comment</a> to let the creator know if you enjoyed their work!</p></div>`),
    },
  });
}

describe("EPUB", () => {
  it("EPUB 3: reads the spine in order, skips the nav document and empty pages, titles chapters from the nav", () => {
    const m = ok(load("clinic.epub", epub3()));
    expect(m.format).toBe("epub");
    expect(m.text).toBe("One\n\nQuillon Varrowmere arrived for the first visit.\n\nTwo\n\nSabine Orlet checked the chart on the second visit.\n");
    expect(m.chapters).toEqual([
      { title: "The First Visit", start: 0, file: "OEBPS/text/z-first.xhtml" },
      { title: "The Second Visit", start: m.text.indexOf("Two"), file: "OEBPS/text/b-second.xhtml" },
    ]);
    expect(m.metadata).toEqual({ title: "Clinic Days", authors: ["Maren Holloway"], language: "en", tags: ["Omegaverse", "Clinic"], summary: "Two visits to the clinic." });
  });

  it("EPUB 2: reads the spine with the NCX's titles, a split chapter as one, a chapter from an anchor", () => {
    const m = ok(load("rounds.epub", epub2()));
    expect(chapterTitles(m)).toEqual(["Rounds Begin", "Night Shift"]);
    expect(chapterText(m, 0)).toBe("Rounds Begin\n\nQuillon Varrowmere began the morning rounds.\n\nHe checked every chart on the ward.\n\nThe afternoon passed quietly.\n\n");
    expect(chapterText(m, 1)).toBe("Night Shift\n\nSabine Orlet took over at ten.\n\nRecords kept by the ward.\n");
    expect(m.chapters[1].file).toBe("OEBPS/later.xhtml");
  });

  it("without a table of contents, makes each document a chapter titled by its first heading or its file name", () => {
    const bytes = buildEpub({
      version: "2.0",
      metadata: `<dc:title>Untitled</dc:title>`,
      manifest: { a: ["a.xhtml", XHTML], b: ["b.xhtml", XHTML] },
      spine: ["a", "b"],
      files: { "a.xhtml": xhtml(`<h3>Arrival</h3><p>Quillon waited.</p>`), "b.xhtml": xhtml(`<p>Sabine arrived.</p>`) },
    });
    expect(chapterTitles(ok(load("plain.epub", bytes)))).toEqual(["Arrival", "b"]);
  });

  it("AO3's EPUB: the preface's tags as metadata, chapters at AO3's headings across Calibre's file splits", () => {
    const m = ok(load("The_Intake_Ledger.epub", ao3Epub()));
    expect(m.format).toBe("epub");
    expect(m.metadata).toEqual({
      title: "The Intake Ledger",
      authors: ["ledgerkeeper"],
      language: "English",
      summary: "A first visit.",
      rating: ["General Audiences"],
      warnings: ["No Archive Warnings Apply"],
      fandoms: ["Harbour Clinic (Invented)", "Ward Tales (Invented)"],
      characters: ["Quillon Varrowmere", "Sabine Orlet"],
      tags: ["Omegaverse"],
    });
    expect(chapterTitles(m)).toEqual(["Chapter 1: Intake", "Chapter 2: Review"]);
    expect(m.text).toBe("Chapter 1: Intake\n\nQuillon Varrowmere signed the intake form.\n\nThe nurse filed the chart.\n\nChapter 2: Review\n\nSabine Orlet reviewed the dosage.\n");
    expect(m.chapters.map((c) => c.file)).toEqual(["OEBPS/index_split_001.html", "OEBPS/index_split_002.html"]);
  });

  it("refuses a truncated EPUB with a clear error", () => {
    const bytes = epub3();
    for (const keep of [0.5, 0.95, 0.999]) {
      const e = refused(load("cut.epub", bytes.subarray(0, Math.floor(bytes.length * keep))));
      expect(e.error).toMatch(/cut\.epub is not a complete zip archive/);
    }
  });

  /** An EPUB whose one chapter holds `size` characters of prose (which compresses very well). */
  const big = (size: number) =>
    buildEpub({
      version: "3.0",
      metadata: `<dc:title>Long</dc:title>`,
      manifest: { a: ["a.xhtml", XHTML] },
      spine: ["a"],
      files: { "a.xhtml": xhtml(`<p>${"Quillon checked the chart. ".repeat(Math.ceil(size / 27))}</p>`) },
    });

  it("refuses an EPUB whose declared unzipped size is over the limit, before inflating it", () => {
    const bytes = big(2 * 2 ** 20);
    expect(bytes.length).toBeLessThan(100_000);
    const e = refused(load("bomb.epub", bytes, { maxUnzippedBytes: 2 ** 20 }));
    expect(e.error).toMatch(/bomb\.epub declares 2 MB of contents, more than the 1 MB Scentline unzips/);
    expect(ok(load("fine.epub", bytes, { maxUnzippedBytes: 4 * 2 ** 20 })).text.length).toBeGreaterThan(2 * 2 ** 20);
  });

  it("refuses an EPUB whose declared sizes lie, by counting what actually inflates", () => {
    const bytes = big(2 * 2 ** 20);
    lieAboutSizes(bytes, "OEBPS/a.xhtml", 1000);
    const e = refused(load("liar.epub", bytes, { maxUnzippedBytes: 2 ** 20 }));
    expect(e.error).toMatch(/liar\.epub unpacks to more than its zip directory declares and more than the 1 MB/);
  });

  it("refuses an archive with too many entries", () => {
    const files: Zippable = { mimetype: [strToU8("application/epub+zip"), { level: 0 }] };
    for (let i = 0; i < 30; i++) files[`x/${i}.txt`] = strToU8("x");
    expect(refused(load("many.epub", zipSync(files), { maxZipEntries: 20 })).error).toMatch(/more than 20 files/);
  });

  it("refuses an EPUB without a package document, naming what is missing", () => {
    const bytes = zipSync({ mimetype: [strToU8("application/epub+zip"), { level: 0 }], "OEBPS/a.xhtml": strToU8(xhtml("<p>x</p>")) });
    expect(refused(load("bare.epub", bytes)).error).toMatch(/bare\.epub is missing META-INF\/container\.xml/);
  });
});

/** Rewrites an entry's uncompressed size in its local header and in the central directory, as a zip bomb does. */
function lieAboutSizes(zip: Uint8Array, name: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const encoded = strToU8(name);
  const nameAt = (at: number) => encoded.every((b, i) => zip[at + i] === b);
  let patched = 0;
  for (let i = 0; i + 46 < zip.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === encoded.length && nameAt(i + 30)) view.setUint32(i + 22, size, true), patched++;
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === encoded.length && nameAt(i + 46)) view.setUint32(i + 24, size, true), patched++;
  }
  expect(patched).toBe(2);
}

describe("a folder of chapter files", () => {
  function folder(files: Record<string, string>): string {
    const root = join(dir, `folder${serial++}`);
    for (const [rel, content] of Object.entries(files)) {
      mkdirSync(join(root, rel, ".."), { recursive: true });
      writeFileSync(join(root, rel), content);
    }
    return root;
  }

  it("reads the chapter files in natural order, each a chapter titled by its heading or its name", () => {
    const root = folder({
      "chapter10.md": "# The Last Visit\n\nSabine Orlet closed the file.\n",
      "chapter2.txt": "Quillon Varrowmere returned for a check.\n",
      "chapter1.html": "<html><body><h1>Intake</h1><p>Quillon Varrowmere arrived.</p></body></html>",
      "cover.png": "not text",
      "outline.docx": "not read",
      ".draft.md": "# Hidden\n\nNot read.",
      ".git/notes.md": "Not read either.",
      "empty.md": "",
    });
    const m = ok(loadManuscript(root));
    expect(m.format).toBe("folder");
    expect(m.chapters).toEqual([
      { title: "Intake", start: 0, file: "chapter1.html" },
      { title: "chapter2", start: m.text.indexOf("Quillon Varrowmere returned"), file: "chapter2.txt" },
      { title: "The Last Visit", start: m.text.indexOf("# The Last Visit"), file: "chapter10.md" },
    ]);
    expect(m.text).toBe("Intake\n\nQuillon Varrowmere arrived.\n\nQuillon Varrowmere returned for a check.\n\n# The Last Visit\n\nSabine Orlet closed the file.\n");
  });

  it("reads subfolders in order, path by path", () => {
    const root = folder({ "part2/ch1.txt": "Third.", "part10/ch1.txt": "Fourth.", "part1/ch10.txt": "Second.", "part1/ch9.txt": "First." });
    expect(ok(loadManuscript(root)).text).toBe("First.\n\nSecond.\n\nThird.\n\nFourth.\n");
  });

  it("refuses a folder with nothing readable, with a hint", () => {
    const root = folder({ "cover.png": "x", "notes.docx": "y" });
    const e = refused(loadManuscript(root));
    expect(e.error).toMatch(/holds no chapter files/);
    expect(e.hint).toMatch(/\.txt, \.md, \.html/);
  });

  it("names the chapter file that cannot be read", () => {
    const root = folder({ "ch1.txt": "Quillon waited.", "ch2.txt": "\u0000\u0001binary" });
    expect(refused(loadManuscript(root)).error).toMatch(/\/ch2\.txt: this looks like binary data/);
  });
});
