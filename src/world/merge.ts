/**
 * How a world that `extends` another overrides it: mappings merge key by key, lists of items
 * with an `id` merge item by item (same id replaces, new ids are added, an item with
 * `remove: true` takes out the inherited one of its id), other lists replace.
 * A key set to null removes what the parent had there (as in JSON Merge Patch).
 */
type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => v !== null && typeof v === "object" && !Array.isArray(v);
const hasIds = (v: unknown[]): boolean => v.length > 0 && v.every((x) => isPlain(x) && typeof x.id === "string");

export function mergeWorlds(base: unknown, override: unknown): unknown {
  if (isPlain(override)) {
    // A mapping new here merges onto nothing: the nulls inside it remove nothing and are dropped.
    const from = isPlain(base) ? base : {};
    const out: Plain = { ...from };
    for (const [k, v] of Object.entries(override)) {
      if (v === null) delete out[k];
      else out[k] = mergeWorlds(from[k], v);
    }
    return out;
  }
  if (Array.isArray(override) && hasIds(override)) {
    const out = (Array.isArray(base) && hasIds(base) ? [...base] : []) as Plain[];
    for (const item of override as Plain[]) {
      const i = out.findIndex((x) => x.id === item.id);
      if (item.remove === true) {
        if (i >= 0) out.splice(i, 1);
      } else if (i >= 0) out[i] = mergeWorlds(out[i], item) as Plain;
      else out.push(mergeWorlds(undefined, item) as Plain);
    }
    return out;
  }
  return override;
}
