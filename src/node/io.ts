/** The Node side of file access: reads files, finds canon presets beside the package. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SourceReader } from "../core/io.js";

/** The largest world, project or chapter file Scentline reads (bytes). */
export const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

export const CANON_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../canon");

export function nodeReader(): SourceReader {
  return {
    read(path) {
      try {
        if (statSync(path).size > MAX_SOURCE_BYTES) return undefined;
        return readFileSync(path, "utf8");
      } catch {
        return undefined;
      }
    },
    resolve: (from, ref) => resolve(dirname(from), ref),
    list(dir) {
      try {
        return readdirSync(dir).sort();
      } catch {
        return undefined;
      }
    },
    join: (dir, name) => join(dir, name),
    whyUnreadable(path) {
      try {
        const st = statSync(path);
        if (st.isDirectory()) return `${path} is a folder, not a file`;
        if (st.size > MAX_SOURCE_BYTES) return `${path} is ${(st.size / 2 ** 20).toFixed(0)} MB; Scentline reads world, project and chapter files of up to ${MAX_SOURCE_BYTES / 2 ** 20} MB`;
        return `${path} cannot be read (check its permissions)`;
      } catch {
        return `${path} does not exist`;
      }
    },
    preset(name) {
      return /^[a-z][a-z0-9-]*$/.test(name) && canonNames().includes(name) ? join(CANON_DIR, `${name}.yaml`) : undefined;
    },
    presets: canonNames,
  };
}

export function canonNames(): string[] {
  try {
    return readdirSync(CANON_DIR)
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => f.slice(0, -5))
      .sort();
  } catch {
    return [];
  }
}
