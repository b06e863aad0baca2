/**
 * The timeline as a standalone SVG document, for putting a project's timeline into notes or a
 * pitch: the same lanes, colours and letters as the studio's canvas (both come from
 * timeline-layout.ts), with the names, the time axis, the chapters and the checker's errors and
 * warnings as flags under their chapters (each with its rule, message and line as a tooltip). Pure and browser-safe, and
 * deterministic: the same model and range give the same string, byte for byte.
 */
import type { StudioModel } from "../model.js";
import { designationMark, SEVERITY_MARKS } from "./palette.js";
import { chapterFlags, laneShapes, ROW, ticks, xAt, type Frame, type Shape } from "./timeline-layout.js";
import { formatDate } from "./time-format.js";

export interface SvgRange {
  t0: number;
  t1: number;
  /** The width of the time plot in pixels (the names column comes on top of it). */
  width?: number;
}

/** The names column, the title, the chapter strip and the axis above the lanes. */
export const NAME_W = 180;
const TITLE_H = 30;
/** Chapter markers on two rows, then a row of finding flags. */
const STRIP_H = 50;
const FLAG_Y = 42;
/** Flags shown under one chapter; more are counted ("+3"). */
const FLAGS_EACH = 6;
const AXIS_H = 26;
export const LANES_TOP = TITLE_H + STRIP_H + AXIS_H;
const FONT = "system-ui, sans-serif";
const RIGHT_MARGIN = 40;

/** Text for XML content and attribute values alike. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&${({ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" } as const)[c as "&"]};`);
}

/** Two decimals at most, so the output does not depend on floating-point noise in the last digits. */
function n(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
}

/** A file name for the project: its title in lower case, words joined by hyphens. */
export function projectSlug(title: string): string {
  const slug = title.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return slug || "scentline";
}

export function timelineTitle(model: StudioModel, t0: number, t1: number): string {
  return `${model.title || "Scentline"}: timeline, ${formatDate(t0)} to ${formatDate(t1)}`;
}

function shapeSvg(s: Shape): string {
  if (s.kind === "rect") {
    const alpha = s.alpha === 1 ? "" : ` fill-opacity="${n(s.alpha)}"`;
    const fill = `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(Math.max(0, s.w))}" height="${n(s.h)}" fill="${s.fill}"${alpha}/>`;
    if (!s.stroke) return fill;
    return `${fill}<rect x="${n(s.x + 0.5)}" y="${n(s.y + 0.5)}" width="${n(Math.max(0, s.w - 1))}" height="${n(s.h - 1)}" fill="none" stroke="${s.stroke}"/>`;
  }
  // A nested viewport clips the label to its run, as the canvas does with a clip rectangle.
  return `<svg x="${n(s.x0)}" y="${n(s.y - 7)}" width="${n(s.x1 - s.x0 - 2)}" height="14"><text x="3" y="7" dominant-baseline="central" fill="${s.fill}">${escapeXml(s.text)}</text></svg>`;
}

/** The checker's errors and warnings as flags under the chapter each is in, as the studio's strip shows them. */
function findingFlags(model: StudioModel, frame: Frame, width: number): string[] {
  const byChapter = chapterFlags(model);
  const out = [`<g class="findings" transform="translate(${NAME_W},${TITLE_H})" font-size="12">`];
  for (const c of model.chapters) {
    const flags = byChapter.get(c.file);
    const x = xAt(frame, c.hour);
    if (!flags || x < 0 || x > width) continue;
    flags.slice(0, FLAGS_EACH).forEach(({ finding: f }, k) => {
      const mark = SEVERITY_MARKS[f.severity];
      const tip = `${mark.label} ${f.ruleId}: ${f.message} (${f.file}:${f.line})`;
      out.push(`<g class="flag ${f.severity}" data-rule="${escapeXml(f.ruleId)}"><title>${escapeXml(tip)}</title><text x="${n(x + 3 + k * 13)}" y="${FLAG_Y}" dominant-baseline="central" fill="${mark.colour}">${mark.shape}</text></g>`);
    });
    if (flags.length > FLAGS_EACH) out.push(`<text x="${n(x + 3 + FLAGS_EACH * 13)}" y="${FLAG_Y}" dominant-baseline="central" fill="#111">+${flags.length - FLAGS_EACH}</text>`);
  }
  out.push(`</g>`);
  return out;
}

export function timelineSvg(model: StudioModel, range: SvgRange): string {
  const width = Math.max(100, Math.round(range.width ?? 1200));
  const t0 = range.t0;
  const t1 = range.t1 > t0 ? range.t1 : t0 + 1;
  const frame: Frame = { t0, t1, until: model.until, width };
  const names = new Map(model.people.map((p) => [p.id, p.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  // A margin on the right, so that the last tick's label is not cut off at the edge.
  const W = NAME_W + width + RIGHT_MARGIN;
  const H = LANES_TOP + Math.max(1, model.people.length) * ROW;
  const title = timelineTitle(model, t0, t1);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT}" font-size="11">`);
  out.push(`<title>${escapeXml(title)}</title>`);
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="8" y="${TITLE_H / 2}" dominant-baseline="central" font-size="15" font-weight="bold" fill="#111">${escapeXml(title)}</text>`);

  // Chapters: numbered markers, taking turns on rows when closer than their width.
  out.push(`<g class="chapters" transform="translate(${NAME_W},${TITLE_H})">`);
  let lastX = -Infinity;
  let row = 0;
  for (const c of model.chapters) {
    const x = xAt(frame, c.hour);
    if (x < 0 || x > width) continue;
    row = x - lastX < 46 ? (row + 1) % 2 : 0;
    lastX = row === 0 ? x : lastX;
    const y = 2 + row * 15;
    out.push(`<g><title>${escapeXml(`Chapter ${c.index + 1}: ${c.title} (${formatDate(c.hour)})`)}</title><rect x="${n(x)}" y="${y}" width="1" height="${STRIP_H - y}" fill="#555"/><text x="${n(x + 3)}" y="${y + 6}" dominant-baseline="central" fill="#111">${escapeXml(`Ch ${c.index + 1}`)}</text></g>`);
  }
  out.push(`</g>`);
  out.push(...findingFlags(model, frame, width));

  // The axis, and a faint grid line at each tick down through the lanes.
  const tickList = ticks(t0, t1, width);
  out.push(`<g class="axis" transform="translate(${NAME_W},${TITLE_H + STRIP_H})" font-size="12">`);
  for (const t of tickList) {
    const x = Math.round(xAt(frame, t.hour));
    out.push(`<rect x="${x}" y="16" width="1" height="10" fill="#222"/><text x="${n(xAt(frame, t.hour) + 3)}" y="9" dominant-baseline="central" fill="#222">${escapeXml(t.label)}</text>`);
  }
  out.push(`</g>`);

  out.push(`<g class="lanes" transform="translate(${NAME_W},${LANES_TOP})">`);
  const lanesH = model.people.length * ROW;
  for (const t of tickList) out.push(`<rect x="${Math.round(xAt(frame, t.hour))}" y="0" width="1" height="${lanesH}" fill="#ececec"/>`);
  model.people.forEach((p, i) => {
    out.push(`<g class="lane" data-person="${escapeXml(p.id)}">`);
    for (const s of laneShapes(p, frame, i * ROW, nameOf)) out.push(shapeSvg(s));
    out.push(`</g>`);
  });
  out.push(`</g>`);

  // Names, with the designation's shape in its colour (as the canvas's name buttons show it); a
  // nested viewport cuts a long name off at the column's edge.
  out.push(`<svg class="names" x="0" y="${LANES_TOP}" width="${NAME_W - 4}" height="${Math.max(1, lanesH)}" font-size="13">`);
  model.people.forEach((p, i) => {
    const mark = designationMark(p.track.designation.values.at(-1) ?? "");
    const y = i * ROW + ROW / 2;
    out.push(`<text x="8" y="${n(y)}" dominant-baseline="central" fill="${mark.colour}">${escapeXml(mark.shape)}</text><text class="name" x="26" y="${n(y)}" dominant-baseline="central" fill="#111">${escapeXml(p.name)}</text>`);
    out.push(`<rect x="0" y="${(i + 1) * ROW - 1}" width="${NAME_W}" height="1" fill="#d0d0d0"/>`);
  });
  out.push(`</svg>`);
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}
