/** A draft project's files, read from memory while it is checked (before anything is written). */
import type { SourceReader } from "../core/io.js";

/** Where the draft lives while it is checked: a folder no one has. */
export const DRAFT_ROOT = "/scentline-draft";

/** The draft's files, read from memory; anything else (the world's presets) from `io`. */
export function memoryReader(files: ReadonlyMap<string, string>, io: SourceReader): SourceReader {
  const inside = (path: string) => (path.startsWith(`${DRAFT_ROOT}/`) ? path.slice(DRAFT_ROOT.length + 1) : undefined);
  const chapters = [...files.keys()].filter((p) => p.startsWith("chapters/")).map((p) => p.slice("chapters/".length));
  return {
    read: (path) => {
      const rel = inside(path);
      return rel === undefined ? io.read(path) : files.get(rel);
    },
    resolve: (from, ref) => (inside(from) !== undefined ? `${DRAFT_ROOT}/${ref.replace(/^\.\//, "")}` : io.resolve(from, ref)),
    preset: (name) => io.preset(name),
    presets: () => io.presets(),
    list: (dir) => (dir === `${DRAFT_ROOT}/chapters` ? chapters : inside(dir) !== undefined ? undefined : io.list?.(dir)),
    join: (dir, name) => `${dir}/${name}`,
    whyUnreadable: (path) => (inside(path) !== undefined ? `${path} is not in the draft` : (io.whyUnreadable?.(path) ?? path)),
  };
}
