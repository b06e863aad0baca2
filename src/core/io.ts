/**
 * How the engine core reads files without touching the file system itself: the CLI passes a
 * Node implementation, a browser passes one backed by fetched text. Keeps the core browser-safe.
 */
export interface SourceReader {
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  read(path: string): string | undefined;
  /** Resolves `ref` relative to the file `from`. */
  resolve(from: string, ref: string): string;
  /** The path of a canon preset's world file, or undefined for an unknown name. */
  preset(name: string): string | undefined;
  /** Names of the canon presets, for suggestions. */
  presets(): string[];
  /** The file names in a folder (not their paths), or undefined when it is not a readable folder. */
  list?(dir: string): string[] | undefined;
  /** Joins a folder and a name inside it. */
  join?(dir: string, name: string): string;
  /** Why a file cannot be read (missing, a folder, too large), for the error message. */
  whyUnreadable?(path: string): string;
}

export function getAt(value: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = value;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** A world reference is a preset name ("daxam") or, when it looks like a path, a file relative to `from`. */
export function resolveWorldRef(io: SourceReader, from: string, ref: string): string | undefined {
  return /[/\\]|\.ya?ml$/.test(ref) ? io.resolve(from, ref) : io.preset(ref);
}
