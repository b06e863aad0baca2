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
