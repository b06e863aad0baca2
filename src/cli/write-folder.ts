/**
 * Writes a folder of files so that no one sees it half written and nothing is lost. The files go
 * into a new folder beside the target (so on the same file system), which is renamed into place
 * once complete. A target that exists and is not empty is left alone unless `replace` is set; then
 * it is renamed aside, the new folder renamed in, and only then the old one removed. On any failure
 * the new folder is removed and the old one, if any, is where it was.
 */
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CliError, reason } from "./output.js";

/** The file operations the writer uses; tests replace them to fail on purpose. */
export interface FolderOps {
  write(path: string, text: string): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
}

export const nodeOps: FolderOps = {
  write: writeDurably,
  rename: renameSync,
  remove: (path) => rmSync(path, { recursive: true, force: true }),
};

export interface FolderWrite {
  /** Replace a folder that exists and is not empty. */
  replace?: boolean;
  ops?: FolderOps;
}

/** What became of an old folder that was replaced: where it still is, when it could not be removed. */
export interface Written {
  leftover?: string;
}

/** Refuses a target that is a file or a link, a folder that is not empty (unless `replace`), or one whose parent is missing. */
export function refuseTarget(dir: string, replace: boolean): Stats | undefined {
  const target = resolve(dir);
  const existing = lstatOrUndefined(target);
  if (existing && !existing.isDirectory()) throw new CliError(`cannot write to ${dir}: it is ${existing.isSymbolicLink() ? "a link" : "a file"}, not a folder; nothing was written`, "give --out a new folder, or an empty one");
  if (existing && readdirSync(target).length > 0 && !replace)
    throw new CliError(`${dir} already exists and is not empty; nothing was written`, "give --out a new folder, or add --force to replace it (the old one is removed only once the new one is complete)");
  if (!lstatOrUndefined(dirname(target))?.isDirectory()) throw new CliError(`cannot write to ${dir}: the folder ${dirname(target)} does not exist; nothing was written`, "create the folder it goes in first");
  return existing;
}

export function writeFolder(dir: string, files: ReadonlyMap<string, string>, options: FolderWrite = {}): Written {
  const ops = options.ops ?? nodeOps;
  const target = resolve(dir);
  const parent = dirname(target);
  const existing = refuseTarget(dir, options.replace === true);
  let fresh: string | undefined;
  try {
    // A name no one else has, made like any other folder (so it has the usual permissions).
    fresh = join(parent, `.${basename(target)}.new-${process.pid}-${randomBytes(4).toString("hex")}`);
    mkdirSync(fresh);
    for (const [rel, text] of files) {
      const path = join(fresh, rel);
      mkdirSync(dirname(path), { recursive: true });
      ops.write(path, text);
    }
    const written = existing ? swap(target, fresh, ops) : (ops.rename(fresh, target), {});
    fresh = undefined;
    return written;
  } catch (e) {
    if (fresh) ops.remove(fresh);
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot write to ${dir}: ${reason(e)}; nothing was written${existing ? ` and ${dir} is as it was` : ""}`, "check that the folder can be written to and the disk has room");
  }
}

/** Old aside, new in, old out: if the new one cannot go in, the old one goes back. */
function swap(target: string, fresh: string, ops: FolderOps): Written {
  const aside = fresh.replace(/\.new-([^/\\]*)$/, ".old-$1");
  ops.rename(target, aside);
  try {
    ops.rename(fresh, target);
  } catch (e) {
    try {
      ops.rename(aside, target);
    } catch {
      throw new CliError(`cannot write to ${target}: ${reason(e)}; the old folder is kept at ${aside}`, `rename it back to ${target}`);
    }
    throw e;
  }
  try {
    ops.remove(aside);
    return {};
  } catch {
    return { leftover: aside };
  }
}

/** Writes a new file and waits until it is on the disk. */
function writeDurably(path: string, text: string): void {
  const fd = openSync(path, "wx");
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
