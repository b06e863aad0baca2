/**
 * Reading a manuscript from disk, whatever its format. What a path is decides how it is read, by its
 * content first and its extension second:
 *
 * - a folder: its chapter files (folder.ts);
 * - a zip archive (bytes starting "PK") whose mimetype is application/epub+zip: an EPUB (epub.ts);
 *   any other zip is refused, and so is an .epub file that is not a zip at all (it was cut short);
 * - text starting `<!DOCTYPE html` or `<html` (after any XML declaration or comment), or any text in a
 *   .html, .htm or .xhtml file: HTML, read as an AO3 download when it has AO3's preface and chapters
 *   blocks (ao3-html.ts) and as generic HTML otherwise (html.ts). So a page saved as .txt is still read
 *   as HTML rather than as text full of tags; the reverse (a .html file of plain prose) reads the same
 *   either way, since text outside any tag is a paragraph;
 * - anything else: plain text, or Markdown for .md and .markdown, in whatever encoding decode.ts finds;
 *   binary data is refused.
 *
 * Nothing here throws for a user's mistake: a file that cannot be read comes back as a
 * `ManuscriptError` naming it, with a hint.
 */
import { readFileSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { decodeText } from "../decode.js";
import type { Manuscript, ManuscriptError } from "../manuscript.js";
import { fromAo3Html, looksLikeAo3 } from "./ao3-html.js";
import { splitChapters } from "./chapters.js";
import { fromEpub } from "./epub.js";
import { fromFolder } from "./folder.js";
import { fromHtml } from "./html.js";

export interface ReadLimits {
  /** The largest file read (bytes). */
  maxFileBytes: number;
  /** The most bytes unzipped from one EPUB, all its entries together (declared sizes and actual bytes both count). */
  maxUnzippedBytes: number;
  /** The most entries an EPUB may hold. */
  maxZipEntries: number;
  /** The most bytes read from a folder's chapter files together. */
  maxFolderBytes: number;
  /** The most chapter files read from one folder. */
  maxFolderFiles: number;
}

const MB = 2 ** 20;

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 64 * MB,
  maxUnzippedBytes: 200 * MB,
  maxZipEntries: 10_000,
  maxFolderBytes: 200 * MB,
  maxFolderFiles: 10_000,
};

export function loadManuscript(path: string, limits: Partial<ReadLimits> = {}): Manuscript | ManuscriptError {
  const all: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return hasText(fromFolder(path, all, (name, bytes, extension) => fromBytes(name, bytes, extension, all)));
    if (!st.isFile()) return { error: `${path} is not a file`, hint: "give a manuscript file or a folder of chapter files" };
    size = st.size;
  } catch {
    return { error: `${path} does not exist`, hint: "give the path of a manuscript" };
  }
  if (size > all.maxFileBytes) return { error: `${path} is ${(size / MB).toFixed(0)} MB; Scentline reads manuscripts of up to ${all.maxFileBytes / MB} MB`, hint: "split it into chapter files and read the folder" };
  if (size === 0) return { error: `${path} is empty`, hint: "give a file with the manuscript's text" };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return { error: `${path} cannot be read`, hint: "check that you may read it" };
  }
  return hasText(fromBytes(basename(path), bytes, extname(path).toLowerCase(), all));
}

/** A file's bytes as a manuscript, whatever its format (`extension` in lower case, with its dot). */
export function fromBytes(name: string, bytes: Uint8Array, extension: string, limits: ReadLimits = DEFAULT_LIMITS): Manuscript | ManuscriptError {
  if (startsWith(bytes, "PK\x03\x04") || startsWith(bytes, "PK\x05\x06")) return fromEpub(name, bytes, limits);
  if (extension === ".epub") return { error: `${name} is not an EPUB: it is not a zip archive`, hint: "the file may have been cut short while downloading; download or export it again" };
  if (startsWith(bytes, "%PDF-")) return { error: `${name} is a PDF, which Scentline does not read`, hint: "export the manuscript as text, HTML or EPUB" };
  const decoded = decodeText(bytes);
  if ("error" in decoded) return { error: `${name}: ${decoded.error}`, hint: decoded.hint };
  if (isHtml(decoded.text, extension)) {
    return (looksLikeAo3(decoded.text) ? fromAo3Html(name, decoded.text, decoded.encoding) : undefined) ?? fromHtml(name, decoded.text, decoded.encoding);
  }
  const markdown = extension === ".md" || extension === ".markdown";
  const text = decoded.text.includes("\r") ? decoded.text.replace(/\r\n?/g, "\n") : decoded.text;
  return { name, format: markdown ? "markdown" : "text", encoding: decoded.encoding, text, chapters: splitChapters(text, markdown) };
}

export function isManuscriptError(m: Manuscript | ManuscriptError): m is ManuscriptError {
  return "error" in m;
}

const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i;

/** HTML by its start, or by its extension. */
export function isHtml(text: string, extension: string): boolean {
  return HTML_START.test(text.slice(0, 4096)) || extension === ".html" || extension === ".htm" || extension === ".xhtml";
}

/** A manuscript with nothing to read in it (an HTML page of scripts, a file of blank lines) is refused. */
function hasText(m: Manuscript | ManuscriptError): Manuscript | ManuscriptError {
  if ("error" in m || /\S/.test(m.text)) return m;
  return { error: `${m.name} has no text to read`, hint: m.format === "html" || m.format === "epub" ? "its pages hold no paragraphs of text; export the manuscript again" : "give a file with the manuscript's text" };
}

function startsWith(bytes: Uint8Array, prefix: string): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix.charCodeAt(i)) return false;
  return true;
}
