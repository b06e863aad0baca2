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

export function timeShifts(text: string): TimeShift[] {
  const out: TimeShift[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    if (m[1]) {
      // "the next morning" and "the next day" both move to the following day.
      out.push({ at: m.index, hours: m[1].toLowerCase() === "week" ? 168 : m[1].toLowerCase() === "month" ? 730 : 24 });
    } else if (m.groups?.unit) {
      const count = /^(an?|one)$/i.test(m.groups.count!) ? 1 : parseNumber(m.groups.count!);
      if (count !== undefined) out.push({ at: m.index, hours: count * UNIT_HOURS[m.groups.unit.toLowerCase()] });
    } else out.push({ at: m.index, hours: 24 });
  }
  return out;
}

/** The hours to add to a fact at `offset`: every shift before it in the chapter. */
export function shiftAt(shifts: readonly TimeShift[], offset: number): number {
  let total = 0;
  for (const s of shifts) if (s.at < offset) total += s.hours;
  return total;
}
