/**
 * Loading without a file system: a project (and any world files it names) from strings, with the
 * canon presets bundled in. What a browser page, a game or a studio calls.
 */
import { memoryReader } from "../core/memory-reader.js";
import { CANON_TEXTS } from "../world/canon-texts.js";
import { loadWorld, type WorldLoad } from "../world/load.js";
import { loadProject, PROJECT_FILE, type ProjectLoad } from "./load.js";

export interface StringSources {
  /** Other files the project refers to, by path relative to the project's folder ("worlds/mine.yaml"). */
  files?: Readonly<Record<string, string>>;
  /** The project file's own path, for diagnostics (default `scentline.yaml`). */
  file?: string;
}

/** Loads a project from the text of its scentline.yaml; presets are found by name ("world: classic"). */
export function loadProjectFromStrings(projectYaml: string, sources: StringSources = {}): ProjectLoad {
  const file = sources.file ?? PROJECT_FILE;
  return loadProject(file, memoryReader({ ...sources.files, [file]: projectYaml }, CANON_TEXTS));
}

/** A canon preset's world by name (classic, first-order, guardianship, daxam). */
export function loadPresetWorld(name: string): WorldLoad {
  const io = memoryReader({}, CANON_TEXTS);
  const path = io.preset(name);
  if (path === undefined)
    return { diagnostics: [{ severity: "error", code: "unknown-preset", message: `no canon preset is called "${name}"`, hint: `presets: ${io.presets().join(", ")}` }] };
  return loadWorld(path, io);
}

/** The names of the bundled presets. */
export function presetNames(): string[] {
  return Object.keys(CANON_TEXTS).sort();
}
