/**
 * A SourceReader over strings held in memory: what a browser, a game or a test passes to the engine
 * in place of the file system. Paths are '/'-separated; a preset's world file sits at
 * `canon/<name>.yaml` under a prefix no project file can have, so diagnostics name it clearly.
 */
import type { SourceReader } from "./io.js";

export const PRESET_PREFIX = "scentline:canon/";

/**
 * `files` maps paths ("story/scentline.yaml", "worlds/my-world.yaml") to their text; `presets` maps
 * preset names ("classic") to theirs.
 */
export function memoryReader(files: Readonly<Record<string, string>>, presets: Readonly<Record<string, string>> = {}): SourceReader {
  const texts = new Map<string, string>();
  for (const [path, text] of Object.entries(files)) texts.set(normalise(path), text);
  for (const [name, text] of Object.entries(presets)) texts.set(`${PRESET_PREFIX}${name}.yaml`, text);
  const names = Object.keys(presets).sort();
  return {
    read: (path) => texts.get(normalise(path)),
    resolve: (from, ref) => (ref.startsWith("/") ? normalise(ref) : normalise(`${dirnameOf(from)}/${ref}`)),
    preset: (name) => (Object.prototype.hasOwnProperty.call(presets, name) ? `${PRESET_PREFIX}${name}.yaml` : undefined),
    presets: () => names,
    list(dir) {
      const prefix = dir === "" || dir === "." ? "" : `${normalise(dir)}/`;
      const inside = [...texts.keys()].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length).split("/")[0]);
      return inside.length ? [...new Set(inside)].sort() : undefined;
    },
    join: (dir, name) => normalise(`${dir}/${name}`),
    whyUnreadable: (path) => `${path} is not among the files given to the engine`,
  };
}

function dirnameOf(path: string): string {
  const k = path.lastIndexOf("/");
  return k < 0 ? "." : path.slice(0, k) || "/";
}

/** "a/./b/../c.yaml" → "a/c.yaml"; a preset's prefix is kept as it is. */
function normalise(path: string): string {
  if (path.startsWith(PRESET_PREFIX)) return path;
  const absolute = path.startsWith("/");
  const out: string[] = [];
  for (const part of path.replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else if (part === ".." && absolute) continue;
    else out.push(part);
  }
  const joined = out.join("/");
  return absolute ? `/${joined}` : joined || ".";
}
