/**
 * Zoom and pan for the graph views: buttons (so the keyboard can), the wheel, and dragging. The
 * drawings keep their own coordinates; only the SVG view box moves.
 */
import { h } from "./dom.js";

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export class PanZoom {
  private base: Box = { x: 0, y: 0, w: 100, h: 100 };
  private view: Box = { ...this.base };
  readonly controls: HTMLElement;

  /** `moved`: told after every change of the view, for drawings outside the SVGs to follow. */
  constructor(
    private readonly svgs: SVGSVGElement[],
    label: string,
    private readonly moved?: () => void,
  ) {
    this.controls = h(
      "div",
      { class: "tl-controls", role: "toolbar", "aria-label": `${label} zoom` },
      h("button", { type: "button", onclick: () => this.zoom(0.6) }, "Zoom in"),
      h("button", { type: "button", onclick: () => this.zoom(1 / 0.6) }, "Zoom out"),
      h("button", { type: "button", onclick: () => this.fit() }, "Fit"),
    );
    const top = svgs[svgs.length - 1];
    top.addEventListener("wheel", (e) => {
      e.preventDefault();
      const r = top.getBoundingClientRect();
      this.zoom(e.deltaY > 0 ? 1.2 : 1 / 1.2, (e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height);
    }, { passive: false });
    let drag: { x: number; y: number; view: Box } | undefined;
    top.addEventListener("pointerdown", (e) => {
      if ((e.target as Element).closest("[role=button]")) return;
      drag = { x: e.clientX, y: e.clientY, view: { ...this.view } };
      top.setPointerCapture(e.pointerId);
    });
    top.addEventListener("pointermove", (e) => {
      if (!drag) return;
      const r = top.getBoundingClientRect();
      // preserveAspectRatio "meet": one screen pixel is the larger of the two ratios.
      const per = Math.max(drag.view.w / r.width, drag.view.h / r.height);
      this.view = { ...drag.view, x: drag.view.x - (e.clientX - drag.x) * per, y: drag.view.y - (e.clientY - drag.y) * per };
      this.apply();
    });
    top.addEventListener("pointerup", () => (drag = undefined));
  }

  /** The whole drawing's box; the view follows it unless the reader has zoomed or panned. */
  setBase(box: Box): void {
    const fitted = this.view.x === this.base.x && this.view.y === this.base.y && this.view.w === this.base.w && this.view.h === this.base.h;
    this.base = box;
    if (fitted) this.view = { ...box };
    this.apply();
  }

  fit(): void {
    this.view = { ...this.base };
    this.apply();
  }

  private zoom(factor: number, fx = 0.5, fy = 0.5): void {
    const v = this.view;
    const w = Math.min(this.base.w * 4, Math.max(this.base.w / 40, v.w * factor));
    const hh = (v.h * w) / v.w;
    this.view = { x: v.x + (v.w - w) * fx, y: v.y + (v.h - hh) * fy, w, h: hh };
    this.apply();
  }

  /** The part of the drawing in view. */
  get box(): Readonly<Box> {
    return this.view;
  }

  private apply(): void {
    const v = this.view;
    const text = `${v.x} ${v.y} ${v.w} ${v.h}`;
    for (const s of this.svgs) if (s.getAttribute("viewBox") !== text) s.setAttribute("viewBox", text);
    this.moved?.();
  }
}
