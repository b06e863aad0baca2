/** Which seed rules a world implements: every id cited in a `rules` list anywhere in it. */
import type { WorldSpec } from "./schema.js";

export function citedRules(spec: WorldSpec): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, key?: string): void => {
    if (Array.isArray(v)) {
      if (key === "rules") for (const x of v) if (typeof x === "string") out.add(x);
      v.forEach((x) => walk(x));
    } else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) if (k !== "canon") walk(x, k);
    }
  };
  walk(spec);
  return out;
}

export interface Coverage {
  world: string;
  implemented: string[];
  notModelled: { id: string; reason: string }[];
  /** Seed rules neither implemented nor explained. */
  unaccounted: string[];
}

export function coverage(spec: WorldSpec): Coverage | undefined {
  if (!spec.canon) return undefined;
  const cited = citedRules(spec);
  const order = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });
  return {
    world: spec.id,
    implemented: spec.canon.seedRules.filter((id) => cited.has(id)).sort(order),
    notModelled: Object.entries(spec.canon.notModelled ?? {}).map(([id, reason]) => ({ id, reason })).sort((a, b) => order(a.id, b.id)),
    unaccounted: spec.canon.seedRules.filter((id) => !cited.has(id) && !spec.canon!.notModelled?.[id]),
  };
}
