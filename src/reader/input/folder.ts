/**
 * A folder of chapter files: every .txt, .md, .html and .xhtml file in it and in its subfolders
 * (hidden files and folders left out), in natural order ("chapter2" before "chapter10", compared a
 * path segment at a time), each file one chapter titled by the heading it opens with or else by its
 * file name, joined with blank lines. Other files (images, notes in other formats) are passed over.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import type { Manuscript, ManuscriptError } from "../manuscript.js";
import { TextOut } from "./text-out.js";

export const CHAPTER_FILES = new Set([".txt", ".md", ".markdown", ".html", ".htm", ".xhtml"]);

export interface FolderLimits {
  maxFileBytes: number;
  /** The most bytes read from a folder's files together. */
  maxFolderBytes: number;
  /** The most chapter files read from a folder. */
  maxFolderFiles: number;
}

/** Reads one file's bytes as a manuscript, whatever its format. */
export type FileReader = (name: string, bytes: Uint8Array, extension: string) => Manuscript | ManuscriptError;

const natural = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

export function fromFolder(path: string, limits: FolderLimits, read: FileReader): Manuscript | ManuscriptError {
  const folder = basename(path);
  const files: string[][] = [];
  const listed = attempt(() => list(path, [], files, limits.maxFolderFiles) ?? "");
  if (listed === undefined) return { error: `${folder} cannot be listed`, hint: "check that you may read the folder and its subfolders" };
  if (listed) return { error: `${folder}: ${listed}`, hint: "give a folder that holds only the manuscript's chapters" };
  if (files.length === 0) return { error: `${folder} holds no chapter files`, hint: "put the chapters in it as .txt, .md, .html or .xhtml files (one a chapter), or give a single manuscript file" };
  files.sort(compareSegments);

  const out = new TextOut();
  let total = 0;
  for (const segments of files) {
    const rel = segments.join("/");
    const full = join(path, ...segments);
    const size = attempt(() => statSync(full).size);
    if (size === undefined) return unreadable(folder, rel);
    if (size === 0) continue;
    if (size > limits.maxFileBytes) return { error: `${folder}/${rel} is ${(size / 2 ** 20).toFixed(0)} MB; Scentline reads chapter files of up to ${limits.maxFileBytes / 2 ** 20} MB`, hint: "split it into smaller chapter files" };
    total += size;
    if (total > limits.maxFolderBytes) return { error: `${folder} holds more than ${limits.maxFolderBytes / 2 ** 20} MB of chapter files, the most Scentline reads at once`, hint: "read the manuscript in parts, a folder each" };
    const bytes = attempt(() => readFileSync(full));
    if (bytes === undefined) return unreadable(folder, rel);
    const m = read(`${folder}/${rel}`, bytes, extname(rel).toLowerCase());
    if ("error" in m) return m;
    const text = m.text.trim();
    if (text === "") continue;
    out.chapter(fileTitle(m, text) ?? basename(rel, extname(rel)), rel);
    out.paragraph(text);
  }
  if (out.empty) return { error: `${folder} holds only empty chapter files`, hint: "put the chapters' text in its .txt, .md, .html or .xhtml files" };
  const { text, chapters } = out.finish();
  return { name: folder, format: "folder", text, chapters };
}

/** The heading a file opens with, if it opens with one: its first line is one of its chapters' titles. */
function fileTitle(m: Manuscript, text: string): string | undefined {
  const nl = text.indexOf("\n");
  const line = (nl < 0 ? text : text.slice(0, nl)).replace(/^#{1,6}\s+/, "").replace(/[\s#]+$/, "").trim();
  return line !== "" && m.chapters.some((c) => c.title === line) ? line : undefined;
}

/** Collects chapter files' paths (as segments) under `dir`; an error message when there are too many. */
function list(root: string, at: string[], into: string[][], max: number): string | undefined {
  for (const entry of readdirSync(join(root, ...at), { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const segments = [...at, entry.name];
    if (entry.isDirectory()) {
      const err = list(root, segments, into, max);
      if (err) return err;
    } else if (CHAPTER_FILES.has(extname(entry.name).toLowerCase()) && (entry.isFile() || isFile(join(root, ...segments)))) {
      into.push(segments);
      if (into.length > max) return `more than ${max} chapter files`;
    }
  }
  return undefined;
}

function isFile(path: string): boolean {
  return attempt(() => statSync(path).isFile()) ?? false;
}

/** What `f` gives, or undefined when the file system refuses (permissions, a file removed meanwhile). */
function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function unreadable(folder: string, rel: string): ManuscriptError {
  return { error: `${folder}/${rel} cannot be read`, hint: "check that you may read it" };
}

function compareSegments(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = natural.compare(a[i], b[i]) || (a[i] < b[i] ? -1 : a[i] > b[i] ? 1 : 0);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}
