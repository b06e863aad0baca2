/** Dates for the page, from the engine's own hour arithmetic (UTC, whole hours). */
import { formatDate, formatDateTime } from "../../core/time.js";

export { formatDate, formatDateTime };

export const HOUR = 1;
export const DAY = 24;
export const MONTH = 730.5;
export const YEAR = 8766;

/** The tick step for a span shown across a width: years down to hours. */
export function tickStep(spanHours: number, widthPx: number): { step: number; label: (h: number) => string } {
  const perPx = spanHours / Math.max(1, widthPx);
  const steps: [number, (h: number) => string][] = [
    [1, (h) => formatDateTime(h).slice(11, 16)],
    [6, (h) => formatDateTime(h).slice(5, 16).replace("T", " ")],
    [DAY, (h) => formatDate(h).slice(5)],
    [7 * DAY, (h) => formatDate(h).slice(5)],
    [MONTH, (h) => formatDate(h).slice(0, 7)],
    [3 * MONTH, (h) => formatDate(h).slice(0, 7)],
    [YEAR, (h) => formatDate(h).slice(0, 4)],
    [5 * YEAR, (h) => formatDate(h).slice(0, 4)],
  ];
  for (const [step, label] of steps) if (step / perPx >= 90) return { step, label };
  return { step: 10 * YEAR, label: (h) => formatDate(h).slice(0, 4) };
}
