/**
 * Which files the studio may read: regular files inside the project folder, named by a relative
 * path. Everything else is refused before the disk is touched where possible, and after it (a
 * symbolic link, a folder link) by comparing real paths, so no name can lead outside the project.
 */
import { realpathSync, statSync } from "node:fs";
import { isAbsolute, join, sep } from "node:path";

/** The largest file the studio sends (chapters and project files are far smaller). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export type Resolved = { ok: true; path: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * `relative` is the path as the page sent it, already percent-decoded once by the URL parser.
 * Names that are absolute, climb (`..`), hide (`.git`), or still hold escapes or odd characters
 * are refused by their form; the rest must resolve, through any links, to a file under `root`.
 */
export function resolveInside(root: string, relative: string): Resolved {
  if (relative.length === 0 || relative.length > 1024) return { ok: false, status: 400, reason: "no file named" };
  // A second layer of percent-encoding, NUL bytes and backslashes have no place in a project path.
  if (/[%\0\\]/.test(relative) || isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return { ok: false, status: 403, reason: "not a path inside the project" };
  const parts = relative.split("/");
  if (parts.some((p) => p === "" || p === "." || p === ".." || p.startsWith("."))) return { ok: false, status: 403, reason: "not a path inside the project" };
  let realRoot: string;
  let real: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(join(realRoot, ...parts));
  } catch {
    return { ok: false, status: 404, reason: "no such file in the project" };
  }
  if (!real.startsWith(realRoot + sep)) return { ok: false, status: 403, reason: "the file lies outside the project" };
  try {
    const st = statSync(real);
    if (!st.isFile()) return { ok: false, status: 404, reason: "not a file" };
    if (st.size > MAX_FILE_BYTES) return { ok: false, status: 403, reason: "the file is too large to show" };
  } catch {
    return { ok: false, status: 404, reason: "no such file in the project" };
  }
  return { ok: true, path: real };
}
