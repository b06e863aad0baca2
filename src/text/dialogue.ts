/**
 * Dialogue in prose: where quoted speech is, and who says it. "I" inside quotes is the speaker,
 * not the narrator, so facts such as "“I'm a beta,” Hale said" belong to Hale. A speaker is, in
 * this order: the one who names themself in it ("My name is Hale"); the person a speech verb next
 * to the quote names ("Hale said", "said Hale", "she asked"); the subject of the sentence just
 * before it ("Hale stood up. “…”"); the one person the narration around it refers to; or the
 * speaker dialogue's conventions give (see byConvention).
 */
import type { Mention } from "./names.js";
import { opensSentence } from "./sentences.js";
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

/** Whether an offset is inside quotation marks, counted from an earlier offset with none open (a sentence's or a paragraph's start). */
export function insideDialogue(text: string, from: number, at: number): boolean {
  const span = text.slice(from, at);
  const open = (span.match(/[“]/g)?.length ?? 0) - (span.match(/[”]/g)?.length ?? 0);
  if (open > 0) return true;
  const straight = span.match(/"/g)?.length ?? 0;
  return straight % 2 === 1;
}

/** "“My name is Nuriel,”", "“I'm Tesk”", "call me Tesk": the words before a speaker's own name. */
export const SELF_NAMING = /(?:\b[Mm]y name(?:['’]s| is)|(?<![\p{L}])I(?:['’]m| am)|\b[Cc]all me)\s+$/u;

/**
 * The one who names themself in a quote ("My name is Nuriel", "I'm Tesk"), looking at `refs`
 * from index `from` on (a first one at or before the quote).
 */
export function selfNamed(text: string, q: Span, refs: readonly Mention[], from = 0): number | undefined {
  for (let k = from; k < refs.length && refs[k].start < q.end; k++) {
    const x = refs[k];
    if (x.start > q.start && x.end <= q.end && SELF_NAMING.test(text.slice(Math.max(q.start, x.start - 16), x.start))) return x.person;
  }
  return undefined;
}

/** How far from a quote (characters) its paragraph's narration is read for its speaker, at most. */
const SPEAKER_REACH = 600;

/**
 * Who says each quote (undefined when the text does not make it clear). `refs` are the people
 * referred to by name or resolved pronoun, sorted by position; `paragraphs` are paragraph starts.
 * A quote no speech verb or narration settles goes on as the conventions of dialogue have it: a
 * second quote in the same paragraph is the same speaker's, and an exchange of one-quote
 * paragraphs alternates between its two speakers.
 */
export function speakersOf(text: string, quotes: readonly Span[], refs: readonly Mention[], paragraphs: readonly number[]): (number | undefined)[] {
  let r = 0;
  let p = 0;
  const speakers: (number | undefined)[] = [];
  const paragraphOf: number[] = [];
  quotes.forEach((q, i) => {
    while (p + 1 < paragraphs.length && paragraphs[p + 1] <= q.start) p++;
    paragraphOf.push(p);
    // A long paragraph (or a text with no paragraph breaks) is read only near the quote.
    const from = Math.max(paragraphs[p], q.start - SPEAKER_REACH);
    const to = Math.min(paragraphs[p + 1] ?? text.length, q.end + SPEAKER_REACH);
    while (r < refs.length && refs[r].end <= from) r++;
    const outside: Mention[] = [];
    for (let k = r; k < refs.length && refs[k].start < to; k++) if (quoteAt(quotes, refs[k].start) < 0) outside.push(refs[k]);
    speakers.push(selfNamed(text, q, refs, r) ?? attributed(text, quotes, i, outside) ?? beatBefore(text, quotes, i, outside) ?? alone(outside) ?? byConvention(quotes, i, speakers, paragraphOf, text, outside));
  });
  return speakers;
}

/** The speaker a speech verb names ("…,” Hale said", "said Hale", "Hale said, “…"). */
function attributed(text: string, quotes: readonly Span[], i: number, outside: readonly Mention[]): number | undefined {
  const q = quotes[i];
  // "…,” Hale said" / "…,” said Hale" / "Hale said, “…"
  const after = outside.find((x) => x.start >= q.end && x.start - q.end < 40 && (VERB_AFTER.test(text.slice(x.end, x.end + 20)) || VERB_BEFORE.test(text.slice(q.end, x.start))) && !/["“”]/.test(text.slice(q.end, x.start)));
  if (after) return after.person;
  const before = outside.find((x) => x.end <= q.start && q.start - x.end < 40 && VERB_AFTER.test(text.slice(x.end, q.start)) && (i === 0 || quotes[i - 1].end <= x.start));
  return before?.person;
}

/** "Phasma stood up. “Get up.”": the subject of the sentence just before a quote is its speaker. */
function beatBefore(text: string, quotes: readonly Span[], i: number, outside: readonly Mention[]): number | undefined {
  const q = quotes[i];
  const floor = Math.max(i > 0 ? quotes[i - 1].end : 0, q.start - 300);
  const before = text.slice(floor, q.start);
  const end = /[.!?]["'’”)]*\s*$/.exec(before);
  if (!end) return undefined;
  const body = before.slice(0, end.index);
  const cut = Math.max(body.lastIndexOf(". "), body.lastIndexOf("! "), body.lastIndexOf("? "), body.lastIndexOf("\n"), body.lastIndexOf("” "), body.lastIndexOf('" '));
  if (cut < 0 && floor > 0 && floor !== (i > 0 ? quotes[i - 1].end : 0)) return undefined;
  const start = floor + (cut < 0 ? 0 : cut + 1);
  const lead = /^\s*/.exec(text.slice(start, start + 8))![0].length;
  return outside.find((x) => x.start === start + lead && x.end <= floor + end.index)?.person;
}

/** The one person the narration around a quote refers to. */
function alone(outside: readonly Mention[]): number | undefined {
  const people = new Set(outside.map((x) => x.person));
  return people.size === 1 ? outside[0].person : undefined;
}

/**
 * A quote no verb or narration settles: the speaker of the quote before it in the same paragraph;
 * or, in an exchange of one-quote paragraphs, the speaker two quotes back, when the one between
 * was someone else's.
 */
function byConvention(quotes: readonly Span[], i: number, speakers: readonly (number | undefined)[], paragraphOf: readonly number[], text: string, outside: readonly Mention[]): number | undefined {
  if (i === 0) return undefined;
  const p = paragraphOf[i];
  if (paragraphOf[i - 1] === p) {
    // Only while no one else is the subject of a sentence between the two quotes.
    const between = outside.filter((x) => x.start >= quotes[i - 1].end && x.end <= quotes[i].start && opensSentence(text, x.start));
    return between.every((x) => x.person === speakers[i - 1]) ? speakers[i - 1] : undefined;
  }
  if (i < 2 || paragraphOf[i - 1] !== p - 1 || paragraphOf[i - 2] !== p - 2) return undefined;
  // Nothing but the quotes themselves (and short tags) between: an exchange, not a scene moving on.
  if (quotes[i].start - quotes[i - 2].end > 2 * SPEAKER_REACH || /\n[ \t]*\n[^"“]*\n[ \t]*\n/.test(text.slice(quotes[i - 2].end, quotes[i].start))) return undefined;
  const [two, one] = [speakers[i - 2], speakers[i - 1]];
  return two !== undefined && one !== undefined && two !== one ? two : undefined;
}
