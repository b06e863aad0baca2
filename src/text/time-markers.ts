/**
 * Time passing inside a chapter: "The next day", "Three days later", "A week later". A fact after
 * such words happens that much after the chapter's date (the shifts add up through the chapter).
 */
import { NUMBER_SOURCE, parseNumber } from "./numbers.js";

export interface TimeShift {
  /** Offset in the text where the words are. */
  at: number;
  hours: number;
}

const UNIT_HOURS: Record<string, number> = { hour: 1, day: 24, night: 24, week: 168, month: 730 };
const MARKER = new RegExp(
  `\\b(?:(?:[Tt]he\\s+)?(?:next|following)\\s+(day|morning|evening|night|week|month)|(?<count>${NUMBER_SOURCE}|an?|one)\\s+(?<unit>hour|day|night|week|month)s?\\s+(?:later|after(?:wards)?|on)|[Tt]he\\s+day\\s+after)\\b`,
  "gi",
);

/** Every marker names a unit of time: the full pattern is tried only just before one (a scan of every word is slow). */
const UNIT = /\b(?:hour|day|night|week|month|morning|evening)s?\b/gi;
/** How far before its unit a marker can start: "The following" or "twenty-seven". */
const REACH = 40;

export function timeShifts(text: string): TimeShift[] {
  const out: TimeShift[] = [];
  let from = 0;
  for (const unit of text.matchAll(UNIT)) {
    // From a word's start, so "seventeen" is never read from its middle.
    const space = text.lastIndexOf(" ", unit.index! - REACH);
    const start = Math.max(from, space < 0 ? 0 : space);
    const window = text.slice(start, unit.index! + unit[0].length + 14);
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(window); m; m = MARKER.exec(window)) {
      const found = shift(m, start);
      if (found) out.push(found);
      from = start + m.index + m[0].length;
    }
  }
  return out;
}

function shift(m: RegExpExecArray, offset: number): TimeShift | undefined {
  const at = offset + m.index;
  if (m[1]) {
    // "the next morning" and "the next day" both move to the following day.
    return { at, hours: m[1].toLowerCase() === "week" ? 168 : m[1].toLowerCase() === "month" ? 730 : 24 };
  }
  if (m.groups?.unit) {
    const count = /^(an?|one)$/i.test(m.groups.count!) ? 1 : parseNumber(m.groups.count!);
    return count === undefined ? undefined : { at, hours: count * UNIT_HOURS[m.groups.unit.toLowerCase()] };
  }
  return { at, hours: 24 };
}

/** The hours to add to a fact at `offset`: every shift before it in the chapter. */
export function shiftAt(shifts: readonly TimeShift[], offset: number): number {
  let total = 0;
  for (const s of shifts) if (s.at < offset) total += s.hours;
  return total;
}
