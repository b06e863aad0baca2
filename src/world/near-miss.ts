/**
 * A world that extends another may add entries to its mappings of names (a new cycle, tell or
 * institution) and to its lists of items with ids (a new modifier). An added entry whose name is a
 * near miss of one the world inherits (`haet:` beside classic's `heat`) is most often a misspelling
 * meant to change the inherited entry; it is not refused, since new names are allowed, but warned
 * about with the name it most likely means.
 */
import { Kind, type TSchema } from "@sinclair/typebox";
import type { Diagnostic, SourcePosition } from "../core/diagnostic.js";
import { editDistance, swappedOnce } from "../core/suggest.js";
import type { Path, PathSegment } from "../core/yaml-source.js";

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => v !== null && typeof v === "object" && !Array.isArray(v);
const kindOf = (s: TSchema): unknown => (s as unknown as Record<symbol, unknown>)[Kind];

/** What an entry of each mapping or list is called in a message. */
const NOUNS: Record<string, string> = {
  axes: "axis",
  species: "species",
  strength: "strength",
  cycles: "cycle",
  modifiers: "modifier",
  triggers: "trigger",
  tells: "tell",
  ranges: "range rule",
  rangeModifiers: "range modifier",
  responses: "response",
  institutions: "institution",
  roles: "role",
};

/** Below this length, most one-letter changes make another word (anger, danger; fear, hear). */
const SHORT = 6;

/**
 * The inherited name a new one most likely misspells, if any. Stricter than a "did you mean" for an
 * unknown name: here the new name is allowed as it stands, so only a slip of one key (two in a long
 * name; a swap of two neighbouring letters is one) counts, and a name that differs only in case.
 * Where either name is short, only a case change or two neighbouring letters swapped count.
 */
export function nearMiss(name: string, inherited: Iterable<string>): string | undefined {
  const x = name.toLowerCase();
  const limit = name.length >= 9 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of inherited) {
    const y = known.toLowerCase();
    const d = Math.min(name.length, known.length) < SHORT ? (x === y ? 0 : swappedOnce(x, y) ? 1 : Infinity) : editDistance(x, y, { swaps: true });
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/**
 * Warnings for entries `own` adds that are near misses of entries in `inherited` (what the worlds
 * it extends make together), walking both along the world's schema.
 */
export function nearMissWarnings(schema: TSchema, own: unknown, inherited: unknown, locate: (path: Path, key: boolean) => SourcePosition | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn = (name: string, guess: string, container: Path, at: SourcePosition | undefined) => {
    const last = container[container.length - 1];
    const noun = (typeof last === "string" && NOUNS[last]) || "entry";
    out.push({
      severity: "warning",
      code: "near-miss",
      message: `${container.join(".")}: "${name}" adds a new ${noun} beside the inherited "${guess}", which stays as it was`,
      hint: `did you mean "${guess}"? To change the inherited ${noun}, use its name; if a new ${noun} is meant, give it a name less like "${guess}"`,
      at,
    });
  };
  // What the file adds where nothing is inherited (a new cycle, or a world that extends none) is
  // walked too, against nothing: an item there that is to be removed removes nothing.
  const walk = (s: TSchema, mine: unknown, theirs: unknown, path: PathSegment[]): void => {
    const kind = kindOf(s);
    if (kind === "Object" && isPlain(mine)) {
      for (const [k, v] of Object.entries(mine)) {
        const child = (s.properties as Record<string, TSchema> | undefined)?.[k];
        if (child && v !== null) walk(child, v, isPlain(theirs) ? theirs[k] : undefined, [...path, k]);
      }
    } else if (kind === "Record" && isPlain(mine)) {
      const child = Object.values(s.patternProperties ?? {})[0] as TSchema;
      const known = isPlain(theirs) ? theirs : {};
      for (const [k, v] of Object.entries(mine)) {
        if (v === null) continue;
        if (k in known) walk(child, v, known[k], [...path, k]);
        else {
          const guess = nearMiss(k, Object.keys(known));
          if (guess) warn(k, guess, path, locate([...path, k], true));
          walk(child, v, undefined, [...path, k]);
        }
      }
    } else if (kind === "Array" && Array.isArray(mine)) {
      const items = s.items as TSchema;
      if (kindOf(items) !== "Object" || !(items.required as string[] | undefined)?.includes("id")) return;
      const known = Array.isArray(theirs) ? theirs : [];
      const ids = known.filter(isPlain).map((x) => x.id).filter((x): x is string => typeof x === "string");
      mine.forEach((item, i) => {
        if (!isPlain(item) || typeof item.id !== "string") return;
        const match = known.find((x) => isPlain(x) && x.id === item.id);
        if (match) walk(items, item, match, [...path, i]);
        else if (item.remove === true) {
          const last = path[path.length - 1];
          const noun = (typeof last === "string" && NOUNS[last]) || "entry";
          const guess = nearMiss(item.id, ids);
          out.push({
            severity: "warning",
            code: "remove-nothing",
            message: `${path.join(".")}: "${item.id}" is to be removed, but no inherited ${noun} has that id`,
            hint: guess ? `did you mean "${guess}"?` : ids.length ? `inherited here: ${ids.join(", ")}` : `nothing is inherited here (remove: true takes out an item of a world this one extends); remove this item`,
            at: locate([...path, i, "id"], false),
          });
        } else {
          const guess = nearMiss(item.id, ids);
          if (guess) warn(item.id, guess, path, locate([...path, i, "id"], false));
          walk(items, item, undefined, [...path, i]);
        }
      });
    }
  };
  walk(schema, own, inherited, []);
  return out;
}
