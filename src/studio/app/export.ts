/**
 * Saving the timeline as a file: the SVG as written by timeline-svg.ts, or a PNG drawn from it.
 * The PNG's image is loaded from a data: URL, which the page's Content-Security-Policy already
 * allows for images (img-src 'self' data:), so the policy needs no blob: for it.
 */
import type { StudioModel } from "../model.js";
import { projectSlug, timelineSvg, type SvgRange } from "./timeline-svg.js";

/** Twice the pixels of the SVG's size, for sharp text on high-density screens and in print. */
const PNG_SCALE = 2;

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the URL by the next turn; the blob can go then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function exportSvg(model: StudioModel, range: SvgRange): void {
  save(new Blob([timelineSvg(model, range)], { type: "image/svg+xml" }), `${projectSlug(model.title)}-timeline.svg`);
}

export async function exportPng(model: StudioModel, range: SvgRange): Promise<void> {
  const text = timelineSvg(model, range);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(img.naturalWidth * PNG_SCALE);
  canvas.height = Math.round(img.naturalHeight * PNG_SCALE);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("No 2D canvas to draw the timeline on.");
  ctx.scale(PNG_SCALE, PNG_SCALE);
  ctx.drawImage(img, 0, 0);
  const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, "image/png"));
  if (!blob) throw new Error("The timeline could not be drawn as a PNG.");
  save(blob, `${projectSlug(model.title)}-timeline.png`);
}
