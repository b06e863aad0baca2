/**
 * EPUB 2 and 3: META-INF/container.xml names the package (OPF); its spine gives the reading order of
 * XHTML documents, rendered like any HTML; its Dublin Core fields give the title, authors, subjects
 * (as tags), language and description (as the summary). The table of contents (EPUB 3's nav document,
 * or EPUB 2's NCX) names the chapters:
 *
 * - a spine document the table of contents points at starts a chapter with that entry's label, and an
 *   entry pointing into a document (`chapter.xhtml#part2`) starts one at that element;
 * - a document it does not point at continues the chapter before (converters such as Calibre split
 *   long chapters into several files), unless nothing came before it;
 * - without a table of contents, each document is a chapter, titled by its first heading.
 *
 * AO3's EPUBs are its HTML download split by Calibre, so they are read as one AO3 download across
 * the documents (see ao3-html.ts), with chapters at AO3's chapter headings wherever the files split.
 * Nothing is inflated beyond what is read (images never are), and the archive's limits are in zip.ts.
 */
import { posix } from "node:path";
import { Parser } from "htmlparser2";
import { decodeText } from "../decode.js";
import type { Manuscript, ManuscriptError, WorkMetadata } from "../manuscript.js";
import { Ao3Html } from "./ao3-html.js";
import { GenericHtml } from "./html.js";
import { localName, walkHtml } from "./html-walk.js";
import { TextOut } from "./text-out.js";
import { listZip, readZip, type ZipLimits } from "./zip.js";

interface ManifestItem {
  path: string;
  mediaType: string;
  properties: string[];
}

interface Package {
  metadata: WorkMetadata & { publisher?: string };
  manifest: Map<string, ManifestItem>;
  spine: { idref: string; linear: boolean }[];
  /** The NCX's manifest id, from `<spine toc="…">`. */
  ncx?: string;
}

interface TocEntry {
  label: string;
  path: string;
  fragment?: string;
}

const CONTAINER = "META-INF/container.xml";
const XHTML = new Set(["application/xhtml+xml", "text/html", "application/xml", "text/xml"]);

export function fromEpub(name: string, bytes: Uint8Array, limits: ZipLimits): Manuscript | ManuscriptError {
  const entries = listZip(name, bytes, limits);
  if ("error" in entries) return entries;
  const budget = { left: limits.maxUnzippedBytes, limit: limits.maxUnzippedBytes };
  const has = (entry: string) => entries.some((e) => e.name === entry);
  if (has("mimetype")) {
    const mimetype = readZip(name, bytes, entries, ["mimetype"], budget);
    if ("error" in mimetype) return mimetype;
    if (new TextDecoder().decode(mimetype.get("mimetype")).trim() !== "application/epub+zip") return notEpub(name);
  } else if (!has(CONTAINER)) return notEpub(name);
  const container = readZip(name, bytes, entries, [CONTAINER], budget);
  if ("error" in container) return container;

  const opfPath = rootfile(text(container.get(CONTAINER)!));
  if (!opfPath) return { error: `${name}: META-INF/container.xml names no package document`, hint: "the EPUB is damaged; export or download it again" };
  const opfBytes = readZip(name, bytes, entries, [opfPath], budget);
  if ("error" in opfBytes) return opfBytes;
  const pkg = readPackage(text(opfBytes.get(opfPath)!), posix.dirname(opfPath));

  const navItem = [...pkg.manifest.values()].find((m) => m.properties.includes("nav"));
  const ncxItem = (pkg.ncx ? pkg.manifest.get(pkg.ncx) : undefined) ?? [...pkg.manifest.values()].find((m) => m.mediaType === "application/x-dtbncx+xml");
  const spineItems = pkg.spine
    .filter((s) => s.linear)
    .map((s) => pkg.manifest.get(s.idref))
    .filter((m): m is ManifestItem => m !== undefined && XHTML.has(m.mediaType) && m !== navItem && m !== ncxItem);
  const paths = [...new Set(spineItems.map((d) => d.path))];
  if (paths.length === 0) return { error: `${name} has no text documents in its reading order (spine)`, hint: "the EPUB is damaged or holds only images; export the text again" };
  const tocPath = (navItem ?? ncxItem)?.path;
  const present = new Set(entries.map((e) => e.name));
  const wanted = tocPath && present.has(tocPath) && !paths.includes(tocPath) ? [...paths, tocPath] : paths;
  const files = readZip(name, bytes, entries, wanted, budget);
  if ("error" in files) return files;

  const toc = tocPath && files.has(tocPath) ? (tocPath === navItem?.path ? readNav(text(files.get(tocPath)!), tocPath) : readNcx(text(files.get(tocPath)!), tocPath)) : [];
  // Each document is decoded when it is read, and a generic EPUB's bytes are let go once read, so a
  // long book is never held as bytes and as text at once.
  const docs: Doc[] = paths.map((path) => ({ path, bytes: files.get(path)! }));
  files.clear();
  const markup = (d: Doc): string | ManuscriptError => {
    const t = decodeText(d.bytes);
    return "error" in t ? { error: `${name}: ${d.path}: ${t.error}`, hint: "the EPUB's text documents must be XHTML; export it again" } : t.text;
  };

  let ao3 = pkg.metadata.publisher === "Archive of Our Own";
  for (const d of docs.slice(0, 3)) if (/\bid\s*=\s*["']?preface\b/.test(new TextDecoder().decode(d.bytes.subarray(0, 65536)))) ao3 = true;
  const read = (ao3 ? readAo3(docs, markup) : undefined) ?? readGeneric(docs, toc, markup);
  if ("error" in read) return read;
  const metadata = { ...pkg.metadata };
  delete metadata.publisher;
  if (read.metadata) {
    if (read.metadata.rating || read.metadata.fandoms || read.metadata.tags) delete metadata.tags; // the OPF's subjects are all the tags in one list
    Object.assign(metadata, read.metadata);
  }
  return { name, format: "epub", text: read.text, chapters: read.chapters, ...(Object.keys(metadata).length > 0 ? { metadata } : {}) };
}

interface Doc {
  path: string;
  bytes: Uint8Array;
}

type Read = ReturnType<TextOut["finish"]> & { metadata?: WorkMetadata };
type Markup = (d: Doc) => string | ManuscriptError;

/** The documents as one AO3 download; undefined when AO3's chapters are not there (the documents stay, to be read as generic HTML). */
function readAo3(docs: Doc[], markup: Markup): Read | ManuscriptError | undefined {
  const out = new TextOut();
  const visitor = new Ao3Html(out);
  for (const d of docs) {
    const m = markup(d);
    if (typeof m !== "string") return m;
    visitor.file = d.path;
    walkHtml(m, visitor);
  }
  if (out.empty) return undefined;
  return { ...out.finish(), metadata: visitor.finish() };
}

function readGeneric(docs: Doc[], toc: TocEntry[], markup: Markup): Read | ManuscriptError {
  const out = new TextOut();
  for (const d of docs) {
    const m = markup(d);
    if (typeof m !== "string") return m;
    d.bytes = new Uint8Array(0);
    const entries = toc.filter((t) => t.path === d.path);
    const anchors = new Set(entries.flatMap((t) => (t.fragment ? [t.fragment] : [])));
    const start = out.next;
    const visitor = new GenericHtml(out, { headingChapters: false, file: d.path, anchors });
    walkHtml(m, visitor);
    if (out.next === start) continue; // nothing to read here (a cover image, an empty page)
    const ownTitle = visitor.firstHeading ?? visitor.title ?? posix.basename(d.path).replace(/\.[^.]+$/, "");
    const starts = entries.map((t) => ({ title: t.label || ownTitle, at: t.fragment ? (visitor.anchorAt.get(t.fragment) ?? start) : start })).sort((a, b) => a.at - b.at);
    if (starts.length === 0 || starts[0].at > start) {
      // Not (or not at its top) in the table of contents: continues the chapter before, if there is one.
      if (toc.length === 0 || out.chapterCount === 0) starts.unshift({ title: ownTitle, at: start });
    }
    let last = -1;
    for (const s of starts) {
      if (s.at === last) continue;
      out.chapter(s.title, d.path, s.at);
      last = s.at;
    }
  }
  return out.finish();
}

/** The package document's path, from META-INF/container.xml. */
function rootfile(xml: string): string | undefined {
  let found: string | undefined;
  parseXml(xml, {
    open(name, attrs) {
      if (name === "rootfile" && !found && attrs["full-path"]) found = resolve("", attrs["full-path"]);
    },
  });
  return found;
}

function readPackage(xml: string, dir: string): Package {
  const pkg: Package = { metadata: {}, manifest: new Map(), spine: [] };
  const m = pkg.metadata;
  let inMetadata = false;
  let field: string | undefined;
  let value: string[] = [];
  parseXml(xml, {
    open(name, attrs) {
      if (name === "metadata") inMetadata = true;
      else if (inMetadata) {
        field = name;
        value = [];
      } else if (name === "item" && attrs.id && attrs.href) {
        pkg.manifest.set(attrs.id, { path: resolve(dir, attrs.href), mediaType: (attrs["media-type"] ?? "").toLowerCase(), properties: (attrs.properties ?? "").split(/\s+/) });
      } else if (name === "spine") pkg.ncx = attrs.toc;
      else if (name === "itemref" && attrs.idref) pkg.spine.push({ idref: attrs.idref, linear: attrs.linear !== "no" });
    },
    text(chunk) {
      if (field) value.push(chunk);
    },
    close(name) {
      if (name === "metadata") inMetadata = false;
      if (!field || name !== field) return;
      const v = value.join("").replace(/\s+/g, " ").trim();
      field = undefined;
      if (v === "") return;
      if (name === "title") m.title ??= v;
      else if (name === "creator") (m.authors ??= []).push(v);
      else if (name === "subject") (m.tags ??= []).push(v);
      else if (name === "language") m.language ??= v;
      else if (name === "publisher") m.publisher ??= v;
      else if (name === "description") m.summary ??= htmlText(value.join(""));
    },
  });
  return pkg;
}

/** EPUB 3's navigation document: the links of its `<nav epub:type="toc">` (or its first nav), in order. */
function readNav(markup: string, navPath: string): TocEntry[] {
  const navs: TocEntry[][] = [];
  let toc = -1;
  let current: TocEntry[] | undefined;
  let link: { href: string; text: string[] } | undefined;
  walkHtml(markup, {
    open(el) {
      if (el.name === "nav") {
        current = [];
        navs.push(current);
        if (/\btoc\b/.test(el.attrs["epub:type"] ?? el.attrs.role ?? "") && toc < 0) toc = navs.length - 1;
      } else if (el.name === "a" && current && el.attrs.href) link = { href: el.attrs.href, text: [] };
    },
    text(chunk) {
      link?.text.push(chunk);
    },
    close(el) {
      if (el.name === "a" && link && current) {
        current.push(entry(link.text.join(""), link.href, navPath));
        link = undefined;
      } else if (el.name === "nav") current = undefined;
    },
    block() {},
  });
  return navs[toc < 0 ? 0 : toc] ?? [];
}

/** EPUB 2's NCX: its navPoints in document order (nested ones flattened). */
function readNcx(xml: string, ncxPath: string): TocEntry[] {
  const points: { label: string[]; src?: string }[] = [];
  const open: { label: string[]; src?: string }[] = [];
  let inLabel = false;
  parseXml(xml, {
    open(name, attrs) {
      if (name === "navpoint") {
        const p = { label: [] };
        points.push(p);
        open.push(p);
      } else if (name === "navlabel") inLabel = open.length > 0 && open[open.length - 1].label.length === 0;
      else if (name === "content" && open.length > 0) open[open.length - 1].src ??= attrs.src;
    },
    text(chunk) {
      if (inLabel) open[open.length - 1].label.push(chunk);
    },
    close(name) {
      if (name === "navpoint") open.pop();
      else if (name === "navlabel") inLabel = false;
    },
  });
  return points.filter((p) => p.src).map((p) => entry(p.label.join(""), p.src!, ncxPath));
}

function entry(label: string, href: string, from: string): TocEntry {
  const hash = href.indexOf("#");
  const fragment = hash >= 0 ? decode(href.slice(hash + 1)) : undefined;
  return { label: label.replace(/\s+/g, " ").trim(), path: resolve(posix.dirname(from), hash >= 0 ? href.slice(0, hash) : href), ...(fragment ? { fragment } : {}) };
}

/** An href inside the archive, relative to `dir`, as a zip entry name. */
function resolve(dir: string, href: string): string {
  const joined = posix.normalize(posix.join(dir === "." ? "" : dir, decode(href)));
  return joined.replace(/^(\.\/|\/)+/, "");
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** XML through htmlparser2, with names in lower case and without their namespace prefix. */
function parseXml(xml: string, handler: { open?(name: string, attrs: Record<string, string>): void; text?(chunk: string): void; close?(name: string): void }): void {
  const parser = new Parser(
    {
      onopentag: (name, attrs) => handler.open?.(localName(name).toLowerCase(), attrs),
      ontext: (t) => handler.text?.(t),
      onclosetag: (name) => handler.close?.(localName(name).toLowerCase()),
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
}

/** A description's HTML (the OPF holds it escaped) as plain text. */
function htmlText(markup: string): string {
  const out = new TextOut();
  walkHtml(markup, new GenericHtml(out, { headingChapters: false }));
  return out.finish().text.trim().replace(/\n\n/g, "\n");
}

function text(bytes: Uint8Array): string {
  const t = decodeText(bytes);
  return "error" in t ? "" : t.text;
}

function notEpub(name: string): ManuscriptError {
  return { error: `${name} is a zip archive but not an EPUB`, hint: "give an .epub file; for a zip of chapter files, unzip it and read the folder" };
}
