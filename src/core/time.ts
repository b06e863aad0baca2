/**
 * Story time. The simulator counts whole hours since 1970-01-01T00:00Z (UTC, no time zones, no
 * daylight saving), so the same inputs give the same hours on every machine.
 */
export type Hour = number;

export const HOURS_PER_DAY = 24;
export const HOURS_PER_WEEK = 168;
/** A month is 1/12 of a year of 365.25 days: 730.5 hours. */
export const HOURS_PER_MONTH = 730.5;
export const HOURS_PER_YEAR = 8766;

const UNIT_HOURS: Record<string, number> = {
  h: 1,
  d: HOURS_PER_DAY,
  w: HOURS_PER_WEEK,
  mo: HOURS_PER_MONTH,
  y: HOURS_PER_YEAR,
};

export const DURATION_PATTERN = "^\\s*(\\d+(\\.\\d+)?\\s*(h|d|w|mo|y)\\s*)+$";
const PART = /(\d+(?:\.\d+)?)\s*(mo|h|d|w|y)/g;

const DURATION = new RegExp(DURATION_PATTERN);
const parsedDurations = new Map<string, number | undefined>();

/** "3d" → 72, "1y6mo" → 13149, "2.5d" → 60. Returns undefined for anything else. */
export function parseDuration(text: string): number | undefined {
  if (parsedDurations.has(text)) return parsedDurations.get(text);
  let total: number | undefined;
  if (DURATION.test(text)) {
    total = 0;
    for (const m of text.matchAll(PART)) total += Number(m[1]) * UNIT_HOURS[m[2]];
  }
  if (parsedDurations.size < 10_000) parsedDurations.set(text, total);
  return total;
}

export const DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}(:\\d{2})?)?$";

/** "2026-03-01" or "2026-03-01T14:00" → hours since the epoch. */
export function parseDate(text: string): Hour | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  const ms = Date.UTC(y, mo - 1, d, h);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23) return undefined;
  return Math.floor(ms / 3_600_000);
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function formatDate(hour: Hour): string {
  const d = new Date(hour * 3_600_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function formatDateTime(hour: Hour): string {
  const d = new Date(hour * 3_600_000);
  return `${formatDate(hour)} ${pad(d.getUTCHours())}:00`;
}

/** A readable length: 75 → "3d 3h". */
export function formatDuration(hours: number): string {
  const h = Math.round(hours);
  if (h < 24) return `${h}h`;
  const days = Math.floor(h / 24);
  const rest = h % 24;
  return rest ? `${days}d ${rest}h` : `${days}d`;
}

/**
 * A moment given by a user: an absolute date, or relative to a base ("+90d", "1y", "-2w").
 */
export function parseMoment(text: string, base: Hour): Hour | undefined {
  const abs = parseDate(text);
  if (abs !== undefined) return abs;
  const m = /^([+-]?)(.+)$/.exec(text.trim());
  if (!m) return undefined;
  const d = parseDuration(m[2]);
  if (d === undefined) return undefined;
  return base + (m[1] === "-" ? -Math.round(d) : Math.round(d));
}

/** Whole years between two hours (age at a date). */
export function yearsBetween(from: Hour, to: Hour): number {
  const a = new Date(from * 3_600_000);
  const b = new Date(to * 3_600_000);
  let years = b.getUTCFullYear() - a.getUTCFullYear();
  if (b.getUTCMonth() < a.getUTCMonth() || (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate())) years--;
  return years;
}

/** The hour of a person's N-th birthday. */
export function birthdayHour(birth: Hour, years: number): Hour {
  const d = new Date(birth * 3_600_000);
  return Math.floor(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours()) / 3_600_000);
}

export const DISTANCE_PATTERN = "^\\d+(\\.\\d+)?\\s*(ft|m)$";
/** "50ft" → 50, "15m" → 49.2 (feet). Numbers are feet. */
export function parseDistance(value: number | string): number | undefined {
  if (typeof value === "number") return value;
  const m = /^(\d+(?:\.\d+)?)\s*(ft|m)$/.exec(value.trim());
  if (!m) return undefined;
  return m[2] === "m" ? Number(m[1]) * 3.28084 : Number(m[1]);
}
