/**
 * The timeline: one lane per person (designation, heat and rut phases, suppressants, bonds, legal
 * status, location), chapters and the checker's findings on a strip above, a time cursor, and zoom
 * from the whole story down to hours. Lanes are painted on a canvas that covers only the rows in
 * view; moving the cursor moves one line and never repaints them.
 */
import type { Finding } from "../../check/finding.js";
import type { StudioPerson } from "../model.js";
import { nameOf, type App, type View } from "./app.js";
import { clear, h } from "./dom.js";
import { exportPng, exportSvg } from "./export.js";
import { cycleColour, designationMark, OKABE_ITO, SEVERITY_MARKS } from "./palette.js";
import { chapterFlags, laneShapes, ROW, ticks } from "./timeline-layout.js";
import { DAY, formatDate, formatDateTime, tickStep } from "./time-format.js";

const MIN_SPAN = 12;

export class TimelineView implements View {
  readonly id = "timeline" as const;
  readonly label = "Timeline";
  readonly el: HTMLElement;
  private readonly axis: HTMLCanvasElement;
  private readonly strip: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly names: HTMLElement;
  private readonly plot: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly cursorLine: HTMLElement;
  private readonly cursorLabel: HTMLElement;
  private readonly zoomLabel: HTMLElement;
  private readonly frame: HTMLElement;
  private t0 = 0;
  private t1 = 1;
  private app?: App;
  private pending = false;

  constructor() {
    this.axis = h("canvas", { class: "tl-axis", "aria-hidden": "true" });
    this.strip = h("div", { class: "tl-strip", role: "group", "aria-label": "Chapters and findings" });
    this.canvas = h("canvas", { class: "tl-canvas", role: "img", tabindex: "0", "aria-label": "Lanes: designation, cycles, suppressants and bonds, legal standing, location. Arrow keys move the time cursor, plus and minus zoom, 0 shows the whole story." });
    this.names = h("div", { class: "tl-names" });
    this.plot = h("div", { class: "tl-plot" }, this.canvas);
    this.scroller = h("div", { class: "tl-scroll" }, h("div", { class: "tl-grid" }, this.names, this.plot));
    this.cursorLine = h("div", { class: "tl-cursor", "aria-hidden": "true" });
    this.cursorLabel = h("div", { class: "tl-cursor-label", "aria-hidden": "true" });
    this.zoomLabel = h("span", { class: "tl-zoom-label", "aria-live": "polite" });
    const zoom = (f: number) => () => this.zoom(f);
    const controls = h(
      "div",
      { class: "tl-controls", role: "toolbar", "aria-label": "Timeline zoom and export" },
      h("button", { type: "button", onclick: zoom(0.5), title: "Zoom in (+)" }, "Zoom in"),
      h("button", { type: "button", onclick: zoom(2), title: "Zoom out (−)" }, "Zoom out"),
      h("button", { type: "button", onclick: () => this.fit(), title: "Whole story (0)" }, "Whole story"),
      h("button", { type: "button", onclick: () => this.span(7 * DAY), title: "A week around the cursor" }, "Week"),
      h("button", { type: "button", onclick: () => this.span(DAY), title: "A day around the cursor" }, "Day"),
      this.zoomLabel,
      h("button", { type: "button", class: "tl-export", "data-export": "svg", onclick: () => this.export("svg"), title: "Save the lanes in view as an SVG file" }, "Export SVG"),
      h("button", { type: "button", class: "tl-export", "data-export": "png", onclick: () => this.export("png"), title: "Save the lanes in view as a PNG image" }, "Export PNG"),
    );
    const legend = h(
      "div",
      { class: "legend", "aria-label": "Legend" },
      ...["alpha", "beta", "omega", "unpresented"].map((d) => {
        const m = designationMark(d);
        return h("span", { class: "key" }, h("span", { class: "swatch", style: `background:${m.colour}` }, m.letter), ` ${d === "unpresented" ? "not yet presented, or none" : d}`);
      }),
      h("span", { class: "key" }, h("span", { class: "swatch", style: `background:${cycleColour("heat")};color:#fff` }, "H"), " heat"),
      h("span", { class: "key" }, h("span", { class: "swatch", style: `background:${cycleColour("rut")};color:#fff` }, "R"), " rut (pale: before and after the peak)"),
      h("span", { class: "key" }, h("span", { class: "swatch hatch" }, "S"), " suppressed"),
      h("span", { class: "key" }, h("span", { class: "swatch", style: `background:${OKABE_ITO.yellow}` }, "∞"), " bonded"),
      h("span", { class: "key" }, h("span", { class: "swatch", style: "background:#e8e8e8" }, "⌂"), " location"),
    );
    const frame = (this.frame = h("div", { class: "tl-frame" }, h("div", { class: "tl-head" }, h("div", { class: "tl-corner" }, "People"), h("div", { class: "tl-headplot" }, this.strip, this.axis)), this.scroller, this.cursorLine, this.cursorLabel));
    this.el = h("section", { class: "view timeline", id: "view-timeline", "aria-label": "Timeline", tabindex: "-1" }, controls, legend, frame);

    this.scroller.addEventListener("scroll", () => this.paint());
    frame.addEventListener("wheel", (e) => {
      if (!e.ctrlKey && !e.altKey && Math.abs(e.deltaX) < Math.abs(e.deltaY)) return;
      e.preventDefault();
      if (e.ctrlKey || e.altKey) this.zoom(e.deltaY > 0 ? 1.25 : 0.8, this.hourAt(e.clientX));
      else this.pan(e.deltaX / Math.max(1, this.plotWidth()));
    }, { passive: false });
    const pick = (e: MouseEvent) => {
      const hour = this.hourAt(e.clientX);
      if (hour !== undefined) this.app?.setCursor(Math.round(hour));
    };
    this.canvas.addEventListener("click", pick);
    this.axis.addEventListener("click", pick);
    this.el.addEventListener("keydown", (e) => this.key(e));
    new ResizeObserver(() => this.layout()).observe(this.plot);
  }

  refresh(app: App): void {
    const first = !this.app;
    this.app = app;
    const m = app.model;
    if (first || this.t0 < m.start || this.t1 > m.until || this.t1 <= this.t0) {
      // The chapters' stretch of time first (with a margin), else the whole run.
      const last = m.chapters.reduce((a, c) => Math.max(a, c.hour), m.start);
      this.t0 = m.start;
      this.t1 = m.chapters.length ? Math.min(m.until, Math.max(m.start + 60 * DAY, last + (last - m.start) * 0.25 + 7 * DAY)) : Math.max(m.until, m.start + 1);
    }
    clear(this.names);
    this.plot.style.height = `${m.people.length * ROW}px`;
    for (const p of m.people) {
      const mark = designationMark(p.track.designation.values.at(-1) ?? "");
      this.names.append(
        h("button", { type: "button", class: "tl-name", style: `height:${ROW}px`, "data-person": p.id, onclick: () => app.openPerson(p.id), title: `Open ${p.name}'s sheet` },
          h("span", { class: "shape", style: `color:${mark.colour}`, "aria-hidden": "true" }, mark.shape),
          h("span", { class: "label" }, p.name)),
      );
    }
    this.layout();
  }

  shown(): void {
    this.layout();
  }

  moved(app: App): void {
    this.app = app;
    this.placeCursor();
    for (const b of this.names.querySelectorAll<HTMLElement>(".tl-name")) b.classList.toggle("selected", b.dataset.person === app.selected);
  }

  /** The range in view, at the plot's width (or a page's width when the view is hidden). */
  private export(kind: "svg" | "png"): void {
    const m = this.app?.model;
    if (!m) return;
    const range = { t0: this.t0, t1: this.t1, width: this.plotWidth() || 1200 };
    if (kind === "svg") exportSvg(m, range);
    else exportPng(m, range).catch((e: unknown) => console.error(e));
  }

  // ----- geometry -----

  private plotWidth(): number {
    return this.plot.clientWidth;
  }

  private x(hour: number): number {
    return ((hour - this.t0) / (this.t1 - this.t0)) * this.plotWidth();
  }

  private hourAt(clientX: number): number | undefined {
    const r = this.plot.getBoundingClientRect();
    if (r.width <= 0) return undefined;
    const hour = this.t0 + ((clientX - r.left) / r.width) * (this.t1 - this.t0);
    return this.app ? Math.min(this.app.model.until, Math.max(this.app.model.start, hour)) : hour;
  }

  private setRange(t0: number, t1: number): void {
    const m = this.app?.model;
    if (!m) return;
    const whole = Math.max(m.until - m.start, MIN_SPAN);
    let span = Math.min(whole, Math.max(MIN_SPAN, t1 - t0));
    let a = t0 + (t1 - t0 - span) / 2;
    a = Math.max(m.start, Math.min(a, m.start + whole - span));
    this.t0 = a;
    this.t1 = a + span;
    this.layout();
  }

  zoom(factor: number, around?: number): void {
    const c = around ?? this.app?.cursor ?? (this.t0 + this.t1) / 2;
    const share = (c - this.t0) / (this.t1 - this.t0);
    const span = (this.t1 - this.t0) * factor;
    const m = this.app?.model;
    if (!m) return;
    const whole = Math.max(m.until - m.start, MIN_SPAN);
    const s = Math.min(whole, Math.max(MIN_SPAN, span));
    this.setRange(c - share * s, c - share * s + s);
  }

  private span(hours: number): void {
    const c = this.app?.cursor ?? this.t0;
    this.setRange(c - hours / 2, c + hours / 2);
  }

  fit(): void {
    const m = this.app?.model;
    if (m) this.setRange(m.start, m.until);
  }

  private pan(share: number): void {
    const d = (this.t1 - this.t0) * share;
    this.setRange(this.t0 + d, this.t1 + d);
  }

  /** Arrow keys move the cursor (by a pixel's worth of time, or a tick with Shift); + and − zoom. */
  private key(e: KeyboardEvent): void {
    const app = this.app;
    if (!app || (e.target instanceof HTMLElement && /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName))) return;
    const perPx = (this.t1 - this.t0) / Math.max(1, this.plotWidth());
    const step = Math.max(1, Math.round(e.shiftKey ? tickStep(this.t1 - this.t0, this.plotWidth()).step : perPx * 8));
    if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      e.preventDefault();
      const next = Math.min(app.model.until, Math.max(app.model.start, app.cursor + (e.key === "ArrowRight" ? step : -step)));
      app.setCursor(next);
      if (next > this.t1 || next < this.t0) this.setRange(next - (this.t1 - this.t0) / 2, next + (this.t1 - this.t0) / 2);
    } else if (e.key === "+" || e.key === "=") {
      e.preventDefault();
      this.zoom(0.5);
    } else if (e.key === "-" || e.key === "_") {
      e.preventDefault();
      this.zoom(2);
    } else if (e.key === "0") {
      e.preventDefault();
      this.fit();
    }
  }

  // ----- painting -----

  private layout(): void {
    if (!this.pending) {
      this.pending = true;
      requestAnimationFrame(() => {
        this.pending = false;
        this.paint();
        this.paintAxis();
        this.paintStrip();
        this.placeCursor();
      });
    }
  }

  private placeCursor(): void {
    const app = this.app;
    if (!app) return;
    const x = this.x(app.cursor);
    const visible = x >= 0 && x <= this.plotWidth();
    const left = this.plot.getBoundingClientRect().left - this.frame.getBoundingClientRect().left + x;
    this.cursorLine.style.display = visible ? "block" : "none";
    this.cursorLine.style.left = `${left}px`;
    this.cursorLabel.style.display = visible ? "block" : "none";
    // Near the right edge the date goes on the cursor's left.
    const flip = x > this.plotWidth() - 130;
    this.cursorLabel.style.left = `${left}px`;
    this.cursorLabel.style.transform = flip ? "translateX(calc(-100% - 4px))" : "translateX(4px)";
    this.cursorLabel.textContent = formatDateTime(app.cursor);
    this.zoomLabel.textContent = `Showing ${formatDate(this.t0)} to ${formatDate(this.t1)}`;
  }

  private sized(canvas: HTMLCanvasElement, w: number, hgt: number): CanvasRenderingContext2D | undefined {
    const dpr = window.devicePixelRatio || 1;
    if (w <= 0 || hgt <= 0) return undefined;
    const W = Math.round(w * dpr);
    const H = Math.round(hgt * dpr);
    if (canvas.width !== W || canvas.height !== H) {
      canvas.width = W;
      canvas.height = H;
      canvas.style.width = `${w}px`;
      canvas.style.height = `${hgt}px`;
    }
    const ctx = canvas.getContext("2d");
    if (!ctx) return undefined;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, hgt);
    return ctx;
  }

  private ticks(): { hour: number; label: string }[] {
    return ticks(this.t0, this.t1, this.plotWidth());
  }

  private paintAxis(): void {
    const w = this.plotWidth();
    const ctx = this.sized(this.axis, w, 26);
    if (!ctx) return;
    ctx.fillStyle = "#222";
    ctx.font = "12px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    for (const t of this.ticks()) {
      const x = this.x(t.hour);
      ctx.fillRect(Math.round(x), 16, 1, 10);
      ctx.fillText(t.label, x + 3, 9);
    }
  }

  /** Chapters as numbered markers; findings as flags under the chapter they are in, each a button. */
  private paintStrip(): void {
    const app = this.app;
    if (!app) return;
    clear(this.strip);
    const m = app.model;
    const w = this.plotWidth();
    const byFile = new Map(m.chapters.map((c) => [c.file, c]));
    // Markers closer than their width take turns on two rows.
    let lastX = -Infinity;
    let row = 0;
    const chapterRow = new Map<string, number>();
    for (const c of m.chapters) {
      const x = this.x(c.hour);
      if (x < -20 || x > w + 20) continue;
      row = x - lastX < 46 ? (row + 1) % 3 : 0;
      lastX = row === 0 ? x : lastX;
      chapterRow.set(c.file, row);
      this.strip.append(
        h("button", { type: "button", class: "tl-chapter", style: `left:${x}px;top:${0.15 + row * 1.3}rem`, title: `Chapter ${c.index + 1}: ${c.title} (${formatDateTime(c.hour)})`, "aria-label": `Chapter ${c.index + 1}, ${c.title}, ${formatDate(c.hour)}`, onclick: () => app.openFile(c.file, c.bodyLine) }, `Ch ${c.index + 1}`),
      );
    }
    for (const [file, flags] of chapterFlags(m)) {
      const x = this.x(byFile.get(file)!.hour);
      if (x < -20 || x > w + 20) continue;
      flags.forEach(({ finding: f, index: k }, level) => this.strip.append(this.flag(app, f, k, x, level)));
    }
  }

  /** A finding's flag under its chapter (at `x`), the `level`th there; it opens the chapter at the line. */
  private flag(app: App, f: Finding, k: number, x: number, level: number): HTMLElement {
    const mark = SEVERITY_MARKS[f.severity];
    return h("button", {
      type: "button",
      class: `tl-flag ${f.severity}`,
      style: `left:${x + 2 + (level % 6) * 20}px;top:${4.1 + Math.floor(level / 6) * 1.2}rem`,
      "data-finding": k,
      title: `${mark.label} ${f.ruleId}: ${f.message} (${f.file}:${f.line})`,
      "aria-label": `${mark.label}, ${f.ruleId}, ${f.file} line ${f.line}`,
      onclick: () => app.openFile(f.file, f.line, f.column),
    }, mark.shape);
  }

  private paint(): void {
    const app = this.app;
    if (!app) return;
    const m = app.model;
    const w = this.plotWidth();
    const viewH = Math.min(this.scroller.clientHeight, m.people.length * ROW);
    const ctx = this.sized(this.canvas, w, Math.max(viewH, 1));
    if (!ctx) return;
    const top = this.scroller.scrollTop;
    this.canvas.style.transform = `translateY(${Math.min(top, Math.max(0, m.people.length * ROW - viewH))}px)`;
    const offset = Math.min(top, Math.max(0, m.people.length * ROW - viewH));
    const first = Math.floor(offset / ROW);
    const last = Math.min(m.people.length - 1, Math.ceil((offset + viewH) / ROW));
    // Faint grid at the ticks.
    ctx.fillStyle = "#ececec";
    for (const t of this.ticks()) ctx.fillRect(Math.round(this.x(t.hour)), 0, 1, viewH);
    ctx.font = "11px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    for (let i = first; i <= last; i++) {
      const y = i * ROW - offset;
      this.lane(ctx, m.people[i], y, w);
    }
    // Tests and the bench wait for this: the lanes are on screen.
    this.el.dataset.painted = String((Number(this.el.dataset.painted) || 0) + 1);
  }

  private lane(ctx: CanvasRenderingContext2D, p: StudioPerson, y: number, w: number): void {
    const app = this.app!;
    const frame = { t0: this.t0, t1: this.t1, until: app.model.until, width: w };
    for (const s of laneShapes(p, frame, y, (id) => nameOf(app, id))) {
      if (s.kind === "rect") {
        ctx.fillStyle = s.fill;
        ctx.globalAlpha = s.alpha;
        ctx.fillRect(s.x, s.y, s.w, s.h);
        ctx.globalAlpha = 1;
        if (s.stroke) {
          ctx.strokeStyle = s.stroke;
          ctx.strokeRect(s.x + 0.5, s.y + 0.5, s.w - 1, s.h - 1);
        }
      } else {
        ctx.save();
        ctx.beginPath();
        ctx.rect(s.x0, s.y - 7, s.x1 - s.x0 - 2, 14);
        ctx.clip();
        ctx.fillStyle = s.fill;
        ctx.fillText(s.text, s.x0 + 3, s.y);
        ctx.restore();
      }
    }
  }
}
