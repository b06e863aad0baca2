/**
 * Dialogue in prose: where quoted speech is, and who says it. "I" inside quotes is the speaker,
 * not the narrator, so facts such as "“I'm a beta,” Hale said" belong to Hale. A speaker is the
 * person a speech verb next to the quote names ("Hale said", "said Hale", "she asked"), or else the
 * one person the paragraph's narration refers to.
 */
import type { Mention } from "./names.js";
import type { Span } from "./source-text.js";

const SPEECH = "said|says|asked|asks|replied|replies|answered|answers|whispered|whispers|murmured|murmurs|called|calls|shouted|shouts|yelled|yells|snapped|snaps|added|adds|muttered|mutters|agreed|agrees|admitted|admits|offered|offers|continued|continues|sighed|sighs|demanded|demands|insisted|insists|told|tells|went on|goes on|repeated|repeats|breathed|breathes|hissed|hisses|growled|growls|began|begins";
const VERB_AFTER = new RegExp(`^[\\s,]*(?:${SPEECH})\\b`, "i");
const VERB_BEFORE = new RegExp(`\\b(?:${SPEECH})\\s*[,:]?\\s*$`, "i");

/** Quoted spans (curly or straight quotes), each closed at the latest by the end of its paragraph. */
export function quoteSpans(text: string): Span[] {
  const out: Span[] = [];
  let open = -1;
  let straight = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c || (c === 0x22 && open < 0)) {
      if (open >= 0) out.push({ start: open, end: i });
      open = i;
      straight = c === 0x22;
    } else if ((c === 0x201d && open >= 0) || (c === 0x22 && open >= 0 && straight)) {
      out.push({ start: open, end: i + 1 });
      open = -1;
    } else if (c === 0x0a && open >= 0 && text.charCodeAt(i + 1) === 0x0a) {
      // An unclosed quote ends with its paragraph (a speech that runs on opens again in the next one).
      out.push({ start: open, end: i });
      open = -1;
    }
  }
  if (open >= 0) out.push({ start: open, end: text.length });
  return out;
}

/** The index of the quote holding an offset, or -1. */
export function quoteAt(quotes: readonly Span[], at: number): number {
  let lo = 0;
  let hi = quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid].end <= at) lo = mid + 1;
    else if (quotes[mid].start > at) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * Who says each quote (undefined when the text does not make it clear). `refs` are the people
 * referred to by name or resolved pronoun, sorted by position; `paragraphs` are paragraph starts.
 */
export function speakersOf(text: string, quotes: readonly Span[], refs: readonly Mention[], paragraphs: readonly number[]): (number | undefined)[] {
  let r = 0;
  let p = 0;
  return quotes.map((q, i) => {
    while (p + 1 < paragraphs.length && paragraphs[p + 1] <= q.start) p++;
    const from = paragraphs[p];
    const to = paragraphs[p + 1] ?? text.length;
    while (r < refs.length && refs[r].end <= from) r++;
    const outside: Mention[] = [];
    for (let k = r; k < refs.length && refs[k].start < to; k++) if (quoteAt(quotes, refs[k].start) < 0) outside.push(refs[k]);
    // "…,” Hale said" / "…,” said Hale" / "Hale said, “…"
    const after = outside.find((x) => x.start >= q.end && x.start - q.end < 40 && (VERB_AFTER.test(text.slice(x.end, x.end + 20)) || VERB_BEFORE.test(text.slice(q.end, x.start))) && !/["“”]/.test(text.slice(q.end, x.start)));
    if (after) return after.person;
    const before = outside.find((x) => x.end <= q.start && q.start - x.end < 40 && VERB_AFTER.test(text.slice(x.end, q.start)) && (i === 0 || quotes[i - 1].end <= x.start));
    if (before) return before.person;
    const people = new Set(outside.map((x) => x.person));
    return people.size === 1 ? outside[0].person : undefined;
  });
}
