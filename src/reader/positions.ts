/** Looking things up by offset in sorted lists: the reader's one binary search. */
import type { Mention } from "../text/names.js";

/** The index of the last of `starts` (sorted) at or before `at`; 0 when none is. */
export function lastAtOrBefore(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Mentions (names, resolved pronouns) sorted by position. */
export class Positions {
  constructor(protected readonly list: readonly Mention[]) {}

  /** The index of the first mention starting at or after `at`. */
  protected firstAtOrAfter(at: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid].start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The mentions that start in [start, end). */
  within(start: number, end: number): Mention[] {
    const out: Mention[] = [];
    for (let k = this.firstAtOrAfter(start); k < this.list.length && this.list[k].start < end; k++) out.push(this.list[k]);
    return out;
  }
}
