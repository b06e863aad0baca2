/**
 * Inline directives in chapters, as ESLint has them:
 * `<!-- scentline-disable-next-line scent-range -->` (or several ids, or none for every check),
 * and `<!-- scentline-disable-line … -->` at the end of a line.
 */
const byText = new Map<string, Map<number, Set<string>>>();

/** Lines (1-based) with the checks turned off on them; an empty set means every check. */
export function disabledLines(text: string): Map<number, Set<string>> {
  const known = byText.get(text);
  if (known) return known;
  const out = new Map<number, Set<string>>();
  const re = /<!--\s*scentline-disable-(next-line|line)\b([^>]*?)-->/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let line = 1;
    for (let i = text.indexOf("\n"); i >= 0 && i < m.index; i = text.indexOf("\n", i + 1)) line++;
    const target = m[1] === "next-line" ? line + 1 : line;
    // Like ESLint, "-- why" after the ids is a comment.
    const ids = m[2].replace(/\s--\s[\s\S]*$/, "").split(/[\s,]+/).filter(Boolean);
    const set = out.get(target) ?? new Set<string>();
    for (const id of ids) set.add(id);
    out.set(target, set);
  }
  if (byText.size > 64) byText.clear();
  byText.set(text, out);
  return out;
}

