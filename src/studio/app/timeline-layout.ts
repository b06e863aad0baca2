/**
 * What a timeline lane shows, as plain shapes (rectangles and clipped labels) in lane coordinates:
 * the canvas paints them on screen and the SVG export writes them out, so both show the same
 * bands, colours and letters. Pure and browser-safe: no DOM, no canvas.
 */
import type { Finding } from "../../check/finding.js";
import type { StudioModel, StudioPerson, Track } from "../model.js";
import { cycleColour, designationMark, OKABE_ITO } from "./palette.js";
import { changeAt } from "./state-index.js";
import { MONTH, tickStep } from "./time-format.js";

/**
 * The findings the timeline flags, by chapter file: the checker's errors and warnings in a chapter
 * (notes are left out), each with its index in the model's list, in that order.
 */
export function chapterFlags(model: StudioModel): Map<string, { finding: Finding; index: number }[]> {
  const chapters = new Set(model.chapters.map((c) => c.file));
  const out = new Map<string, { finding: Finding; index: number }[]>();
  model.findings.forEach((finding, index) => {
    if (!chapters.has(finding.file) || finding.severity === "info") return;
    const list = out.get(finding.file);
    if (list) list.push({ finding, index });
    else out.set(finding.file, [{ finding, index }]);
  });
  return out;
}

/** The height of one person's lane, in CSS pixels. */
export const ROW = 58;

/** The stretch of time shown across a width of pixels; `until` ends the last run of each track. */
export interface Frame {
  t0: number;
  t1: number;
  until: number;
  width: number;
}

export interface RectShape {
  kind: "rect";
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
  /** 1 unless the band is pale. */
  alpha: number;
  /** An outline drawn half a pixel inside, when set. */
  stroke?: string;
}

export interface TextShape {
  kind: "text";
  /** The text starts at x0 + 3 and is cut off at x1 - 2, centred on y. */
  x0: number;
  x1: number;
  y: number;
  text: string;
  fill: string;
}

export type Shape = RectShape | TextShape;

export function xAt(f: Frame, hour: number): number {
  return ((hour - f.t0) / (f.t1 - f.t0)) * f.width;
}

/** Each change point's run, clipped to the frame. */
export function runs(track: Track, f: Frame, each: (x0: number, x1: number, value: string) => void): void {
  let k = Math.max(0, changeAt(track, f.t0));
  for (; k < track.hours.length; k++) {
    const a = track.hours[k];
    if (a > f.t1) break;
    const b = k + 1 < track.hours.length ? track.hours[k + 1] : f.until;
    const x0 = Math.max(0, xAt(f, a));
    const x1 = Math.min(f.width, xAt(f, b));
    if (x1 - x0 < 0.25 && x1 < f.width) continue;
    each(x0, x1, track.values[k]);
  }
}

/** Calendar-aligned ticks (months and years fall on the 1st). */
export function ticks(t0: number, t1: number, width: number): { hour: number; label: string }[] {
  const { step, label } = tickStep(t1 - t0, width);
  const out: { hour: number; label: string }[] = [];
  if (step >= MONTH) {
    const months = Math.round(step / MONTH);
    const d = new Date(t0 * 3_600_000);
    // Whole years step a year at a time (on 1 January); shorter steps a month at a time.
    const years = months >= 12 ? Math.round(months / 12) : 0;
    let y = d.getUTCFullYear();
    let mo = years ? 0 : d.getUTCMonth();
    for (let k = 0; k < 2000 && out.length < 400; k++) {
      const hour = Date.UTC(y, mo, 1) / 3_600_000;
      if (hour > t1) break;
      if (hour >= t0 && (years ? y % years === 0 : mo % months === 0)) out.push({ hour, label: label(hour) });
      if (years) y++;
      else if (++mo === 12) {
        mo = 0;
        y++;
      }
    }
    return out;
  }
  for (let hour = Math.ceil(t0 / step) * step; hour <= t1 && out.length < 400; hour += step) out.push({ hour, label: label(hour) });
  return out;
}

/** A cycle value is "cycle:phase"; the peak is drawn solid, the phases around it pale. */
export function isPeak(value: string): boolean {
  const [cycle, phase] = value.split(":");
  return phase === cycle || phase === "peak" || phase === "heat" || phase === "rut";
}

/**
 * One person's lane at vertical offset y: designation band, cycles, suppressants and bonds,
 * legal standing, location. `nameOf` turns a person id into a name for the bond and status labels.
 */
export function laneShapes(p: StudioPerson, f: Frame, y: number, nameOf: (id: string) => string): Shape[] {
  const out: Shape[] = [];
  const text = (s: string, x0: number, x1: number, ty: number, fill = "#111") => {
    // Too narrow to read: left out rather than squeezed.
    if (x1 - x0 >= 24) out.push({ kind: "text", x0, x1, y: ty, text: s, fill });
  };
  const rect = (x: number, ry: number, w: number, hgt: number, fill: string, alpha = 1, stroke?: string) => out.push({ kind: "rect", x, y: ry, w, h: hgt, fill, alpha, ...(stroke ? { stroke } : {}) });
  const labelRuns = (track: Track, ty: number, label: (v: string) => string, shift = 0) =>
    runs(track, f, (x0, x1, v) => {
      const s = label(v);
      if (s) text(s, x0 + (x1 - x0) * shift, x1, ty);
    });
  // Not yet born: a plain grey run.
  if (p.born !== null && p.born > f.t0) rect(0, y, Math.min(f.width, xAt(f, p.born)), ROW - 1, "#f3f3f3");
  // Designation band.
  runs(p.track.designation, f, (x0, x1, v) => {
    const mark = designationMark(v);
    rect(x0, y + 2, x1 - x0, 9, mark.colour, v === "unpresented" || v === "unknown" || v === "none" ? 0.35 : 0.9);
    text(`${mark.letter} ${v === "none" ? "no designation (species)" : v}${p.alignment ? `, ${p.alignment}` : ""}`, x0, x1, y + 6.5);
  });
  // Cycles: the peak solid, the phases around it pale.
  runs(p.track.cycle, f, (x0, x1, v) => {
    if (!v) return;
    const [cycle, phase] = v.split(":");
    const peak = isPeak(v);
    rect(x0, y + 13, Math.max(1, x1 - x0), 12, cycleColour(cycle), peak ? 1 : 0.4);
    text(peak ? cycle : phase, x0, x1, y + 19, peak ? "#fff" : "#111");
  });
  // Suppressants (hatched) and bonds (yellow, with the mate's name) share a thin band.
  runs(p.track.suppressed, f, (x0, x1, v) => {
    if (!v) return;
    for (let x = Math.floor(x0); x < x1; x += 4) rect(x, y + 27, 1.5, 8, "#333");
  });
  runs(p.track.bondedTo, f, (x0, x1, v) => {
    if (v) rect(x0, y + 27, x1 - x0, 8, OKABE_ITO.yellow, 1, "#333");
  });
  labelRuns(p.track.bondedTo, y + 31, (v) => (v ? `∞ bonded to ${nameOf(v)}` : ""));
  // Legal standing, as words: status, owner, guardian.
  labelRuns(p.track.status, y + 40, (v) => (v && v !== "free" ? `⚖ ${v}` : ""));
  labelRuns(p.track.owner, y + 40, (v) => (v ? `owned by ${nameOf(v)}` : ""), 0.34);
  labelRuns(p.track.guardian, y + 40, (v) => (v ? `ward of ${nameOf(v)}` : ""), 0.67);
  // Location, in alternating greys so that one place ends visibly where the next begins.
  let shade = 0;
  runs(p.track.location, f, (x0, x1, v) => {
    rect(x0, y + 46, x1 - x0, 10, shade++ % 2 ? "#dcdcdc" : "#ececec");
    text(`⌂ ${v}`, x0, x1, y + 51, "#333");
  });
  // The line under the lane.
  rect(0, y + ROW - 1, f.width, 1, "#d0d0d0");
  return out;
}
