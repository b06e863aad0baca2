/**
 * Inline directives in chapters, as ESLint has them:
 * `<!-- scentline-disable-next-line scent-range -->` (or several ids, or none for every check),
 * and `<!-- scentline-disable-line … -->` at the end of a line.
 */

/** Lines (1-based) with the checks turned off on them; an empty set means every check. */
export function disabledLines(text: string): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  const re = /<!--\s*scentline-disable-(next-line|line)\b([^>]*?)-->/g;
  // Lines are counted on from the previous directive, so many directives cost one pass.
  let line = 1;
  let counted = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = text.indexOf("\n", counted); i >= 0 && i < m.index; i = text.indexOf("\n", i + 1)) line++, (counted = i + 1);
    const target = m[1] === "next-line" ? line + 1 : line;
    // Like ESLint, "-- why" after the ids is a comment.
    const ids = m[2].replace(/\s--\s[\s\S]*$/, "").split(/[\s,]+/).filter(Boolean);
    const set = out.get(target) ?? new Set<string>();
    for (const id of ids) set.add(id);
    out.set(target, set);
  }
  return out;
}

