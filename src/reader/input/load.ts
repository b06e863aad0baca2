/**
 * Reading a manuscript from disk, whatever its format: plain text and Markdown here; other formats
 * each have their own module beside this one. Nothing here throws for a user's mistake: a file that
 * cannot be read comes back as a `ManuscriptError` with a hint.
 */
import { readFileSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { decodeText } from "../decode.js";
import type { Manuscript, ManuscriptError } from "../manuscript.js";
import { splitChapters } from "./chapters.js";

export interface ReadLimits {
  /** The largest file read (bytes). */
  maxFileBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxFileBytes: 64 * 1024 * 1024 };

export function loadManuscript(path: string, limits: ReadLimits = DEFAULT_LIMITS): Manuscript | ManuscriptError {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { error: `${path} is not a file`, hint: "give a manuscript file" };
    size = st.size;
  } catch {
    return { error: `${path} does not exist`, hint: "give the path of a manuscript" };
  }
  if (size > limits.maxFileBytes) return { error: `${path} is ${(size / 2 ** 20).toFixed(0)} MB; Scentline reads manuscripts of up to ${limits.maxFileBytes / 2 ** 20} MB`, hint: "split it into chapter files and read the folder" };
  if (size === 0) return { error: `${path} is empty`, hint: "give a file with the manuscript's text" };
  return fromBytes(basename(path), readFileSync(path), extname(path).toLowerCase());
}

/** A plain text or Markdown file's bytes as a manuscript. */
export function fromBytes(name: string, bytes: Uint8Array, extension: string): Manuscript | ManuscriptError {
  const decoded = decodeText(bytes);
  if ("error" in decoded) return { error: `${name}: ${decoded.error}`, hint: decoded.hint };
  const markdown = extension === ".md" || extension === ".markdown";
  const text = decoded.text.replace(/\r\n?/g, "\n");
  return { name, format: markdown ? "markdown" : "text", encoding: decoded.encoding, text, chapters: splitChapters(text, markdown) };
}

export function isManuscriptError(m: Manuscript | ManuscriptError): m is ManuscriptError {
  return "error" in m;
}
