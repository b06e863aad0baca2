/** "Did you mean" suggestions: the closest known name by edit distance, if it is close enough. */

/**
 * The edit distance between two strings: insertions, deletions and substitutions, and with `swaps`
 * a swap of two neighbouring letters as one edit too (optimal string alignment).
 */
export function editDistance(a: string, b: string, options: { swaps?: boolean } = {}): number {
  // Three rows: the one before the previous is needed for a swap.
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = new Array<number>(b.length + 1);
  let row = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (options.swaps && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1);
    }
    [before, prev, row] = [prev, row, before];
  }
  return prev[b.length];
}

/** Whether two strings differ only by a swap of two neighbouring letters ("alram", "alarm"). */
export function swappedOnce(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  // Very short names are too alike to guess between ("c" is one edit from every letter).
  const limit = name.length <= 2 ? 0 : Math.max(2, Math.floor(name.length / 3));
  return best !== undefined && bestScore <= limit ? best : undefined;
}

export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const c = closest(name, candidates);
  return c ? `did you mean "${c}"?` : undefined;
}
