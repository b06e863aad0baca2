/**
 * What the commands share for output: errors that end a command with a one-line message, colour
 * that follows the terminal and NO_COLOR, diagnostics on stderr, and writing a result either to
 * stdout or atomically to a file.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync, type Stats } from "node:fs";
import { isAbsolute, relative } from "node:path";
import { formatDiagnostic, type Diagnostic } from "../core/diagnostic.js";

/** A mistake in the input or the arguments: reported in one line (and a hint), exit status 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export interface Colours {
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  cyan(s: string): string;
}

const plain = (s: string) => s;
const sgr = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

/** Colour only on a terminal, and never when NO_COLOR is set to anything but an empty string. */
export function useColour(stream: NodeJS.WriteStream): boolean {
  const noColor = process.env.NO_COLOR;
  return stream.isTTY === true && (noColor === undefined || noColor === "");
}

export function colours(enabled: boolean): Colours {
  if (!enabled) return { red: plain, yellow: plain, dim: plain, bold: plain, cyan: plain };
  return { red: sgr(31, 39), yellow: sgr(33, 39), dim: sgr(2, 22), bold: sgr(1, 22), cyan: sgr(36, 39) };
}

export function printError(message: string, hint?: string): void {
  const c = colours(useColour(process.stderr));
  process.stderr.write(`${c.red("error:")} ${message}\n${hint ? `  hint: ${hint}\n` : ""}`);
}

/** A path as the user would type it: relative to where they are, when that is shorter. */
function shorter(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.length < file.length ? rel : file;
}

/** Writes each diagnostic to stderr; returns the number of errors among them. */
export function printDiagnostics(diagnostics: readonly Diagnostic[]): number {
  const c = colours(useColour(process.stderr));
  let errors = 0;
  for (const d of diagnostics) {
    if (d.severity === "error") errors++;
    // Paths read as the user would type them: relative to where they are, when that is shorter.
    const at = d.at && isAbsolute(d.at.file) ? { ...d.at, file: shorter(d.at.file) } : d.at;
    const text = formatDiagnostic({ ...d, at });
    const paint = d.severity === "error" ? c.red : d.severity === "warning" ? c.yellow : plain;
    process.stderr.write(text.replace(`${d.severity} [${d.code}]`, paint(`${d.severity} [${d.code}]`)) + "\n");
  }
  return errors;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * Writes text made of chunks to stdout, or to `file` atomically: the chunks go to
 * `file.tmp-<pid>`, which is renamed over `file` only once complete, so no reader ever sees a
 * partial file. A failure removes the temporary file and reports the reason.
 */
export function writeResult(chunks: Iterable<string>, file?: string): void {
  if (file === undefined) {
    let buffer = "";
    for (const chunk of chunks) {
      buffer += chunk;
      if (buffer.length >= 1 << 16) {
        process.stdout.write(buffer);
        buffer = "";
      }
    }
    if (buffer) process.stdout.write(buffer);
    return;
  }
  // Only a regular file is replaced: a device, a folder or a pipe is never renamed over.
  const existing = statOrUndefined(file);
  if (existing && !existing.isFile()) throw new CliError(`cannot write ${file}: it is not a regular file`, "give --out a path to a file (it is replaced whole once the run is done)");
  const tmp = `${file}.tmp-${process.pid}`;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "w");
    let buffer = "";
    for (const chunk of chunks) {
      buffer += chunk;
      if (buffer.length >= 1 << 16) {
        writeSync(fd, buffer);
        buffer = "";
      }
    }
    if (buffer) writeSync(fd, buffer);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw new CliError(`cannot write ${file}: ${reason(e)}`, "check that the folder exists and can be written to");
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** The message of a system error without Node's prefix and path noise. */
export function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === "ENOENT") return "no such folder";
  if (err?.code === "EACCES" || err?.code === "EPERM") return "permission denied";
  if (err?.code === "EISDIR") return "it is a folder";
  if (err?.code === "ENOSPC") return "no space left on the device";
  return err?.message ?? String(e);
}
