/**
 * Calendar entries as an iCalendar (RFC 5545) file, made by ical-generator. The bytes depend only
 * on the entries and the options: every time is UTC, DTSTAMP is the story's start (never the
 * clock), and each UID is the project's name, the seed and the entry's event id.
 */
import ical, { ICalEventStatus, ICalEventTransparency } from "ical-generator";
import type { Hour } from "../core/time.js";
import type { CalendarEntry } from "./entries.js";

export interface IcsOptions {
  /** The calendar's name (X-WR-CALNAME): the project's title. */
  name: string;
  /** A line about where the dates come from (X-WR-CALDESC). */
  description: string;
  /** Stable per project and seed, so re-importing the same calendar updates its events. */
  uidPrefix: string;
  /** DTSTAMP of every event: a date the project fixes, so that the file does not change by itself. */
  stamp: Hour;
}

const MS_PER_HOUR = 3_600_000;

export function calendarIcs(entries: readonly CalendarEntry[], options: IcsOptions): string {
  const cal = ical({ name: options.name, description: options.description, prodId: { company: "Scentline", product: "Scentline calendar", language: "EN" } });
  const stamp = new Date(options.stamp * MS_PER_HOUR);
  for (const entry of entries) {
    cal.createEvent({
      id: `${options.uidPrefix}-${entry.id}@scentline`,
      stamp,
      start: new Date(entry.start * MS_PER_HOUR),
      end: new Date(entry.end * MS_PER_HOUR),
      summary: entry.summary,
      description: entry.description.join("\n"),
      location: entry.place ?? null,
      categories: [{ name: entry.category }],
      // Story dates never make the writer look busy.
      transparency: ICalEventTransparency.TRANSPARENT,
      status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      x: { "X-SCENTLINE-EVENT": entry.id, "X-SCENTLINE-PEOPLE": entry.people.join(","), ...(entry.continues ? { "X-SCENTLINE-CONTINUES": "TRUE" } : {}) },
    });
  }
  return cal.toString();
}
