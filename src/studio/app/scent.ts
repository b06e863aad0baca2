/**
 * The scent map: the place graph at the cursor's time. Each room shows who is in it and whose
 * scents reach it and how strongly (see scent-reach.ts); beside it, what each person perceived in
 * the day before the cursor, from the simulation's log.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationNodeDatum } from "d3-force";
import type { StudioPerson } from "../model.js";
import { fetchEvents } from "./api.js";
import type { App, View } from "./app.js";
import { clear, h, svg } from "./dom.js";
import { designationMark } from "./palette.js";
import { PanZoom } from "./pan-zoom.js";
import { drawRows, type PlaceRow } from "./place-box.js";
import { scentReach, type Reaching } from "./scent-reach.js";
import { valueAt, whoIsWhere } from "./state-index.js";
import { formatDateTime } from "./time-format.js";

const PLACE_WIDTH = 230;
/** How long the cursor rests before the perceptions list is fetched again. */
const LIST_DELAY_MS = 150;

interface PlaceNode extends SimulationNodeDatum {
  k: number;
}

export class ScentView implements View {
  readonly id = "scent" as const;
  readonly label = "Scent map";
  readonly el: HTMLElement;
  /** The connections, drawn under the places; zoom and pan move its view box. */
  private readonly svgEl: SVGSVGElement;
  /** The places' boxes, in HTML over the lines, moved and scaled to match the lines' view box. */
  private readonly boxes: HTMLElement;
  private readonly perceived: HTMLElement;
  /** The world's range rules for particular perceivers, which the map does not draw. */
  private readonly rulesNote: HTMLElement;
  /** Whose perceptions the list shows ("" for everyone's). */
  private readonly perceiver: HTMLSelectElement;
  private lastApp?: App;
  private listTimer?: ReturnType<typeof setTimeout>;
  private readonly panZoom: PanZoom;
  private positions: { x: number; y: number }[] = [];
  private seq = 0;
  /** The lines' SVG's size in pixels, as last observed. */
  private linesSize = { w: 0, h: 0 };

  constructor() {
    this.svgEl = svg("svg", { class: "scent-lines", "aria-hidden": "true" });
    this.boxes = h("div", { class: "scent-boxes" });
    this.perceived = h("ol", { class: "perceived" });
    this.perceiver = h("select", { id: "perceiver" });
    this.perceiver.addEventListener("change", () => {
      if (this.lastApp) this.loadPerceived(this.lastApp, this.lastApp.cursor);
    });
    this.rulesNote = h("p", { class: "legend rules-note" });
    const legend = h("div", { class: "legend" },
      h("span", { class: "key" }, "Bars: a scent's strength in the room (100% at its source); a tell is named after the person. "),
      h("span", { class: "key" }, h("span", { class: "swatch hatch" }, "M"), " masked (range shrunk by people nearby) "),
      h("span", { class: "key" }, "⊘ hidden by suppressants"),
    );
    this.panZoom = new PanZoom([this.svgEl], "Scent map", () => this.placeBoxes());
    const map = h("div", { class: "scent-map", role: "group", "aria-label": "Places, who is in each, and whose scent reaches it" }, this.svgEl, this.boxes);
    // The boxes follow the lines' scale, which changes with the map's size (and from nothing when the
    // tab opens). The size is kept from here: reading it at each cursor move would lay the page out there and then.
    new ResizeObserver((entries) => {
      const r = entries[entries.length - 1].contentRect;
      this.linesSize = { w: r.width, h: r.height };
      this.placeBoxes();
    }).observe(this.svgEl);
    this.el = h("section", { class: "view scent", id: "view-scent", "aria-label": "Scent map", tabindex: "-1" }, this.panZoom.controls, legend, this.rulesNote, h("div", { class: "graph-wrap" }, map, h("div", { class: "side" }, h("h3", {}, "Perceived in the day before the cursor"), h("label", { for: "perceiver" }, "By "), this.perceiver, this.perceived)));
  }

  refresh(app: App): void {
    const was = this.perceiver.value;
    clear(this.perceiver);
    this.perceiver.append(h("option", { value: "" }, "everyone"), ...app.model.people.map((p) => h("option", { value: p.id }, p.name)));
    this.perceiver.value = app.people.has(was) ? was : "";
    const m = app.model;
    const rules = m.scent.perceiverRules;
    this.rulesNote.textContent = rules.length ? `Drawn for a perceiver no rule singles out. Not drawn: ${rules.map((r) => `${r.id} (when ${r.when}: ${r.effect})`).join("; ")}.` : "";
    this.rulesNote.hidden = rules.length === 0;
    // Seeded on a spiral, so the layout is the same on every load and spreads in two dimensions.
    const nodes: PlaceNode[] = m.places.map((_, k) => ({ k, x: Math.cos(k * 2.4) * (120 + 60 * Math.sqrt(k)), y: Math.sin(k * 2.4) * (120 + 60 * Math.sqrt(k)) }));
    const links = m.connections.map((c) => ({ source: c.a, target: c.b }));
    forceSimulation(nodes)
      .randomSource(() => 0.5)
      .force("link", forceLink<PlaceNode, { source: number; target: number }>(links).id((d) => d.k).distance(250).strength(0.7))
      .force("charge", forceManyBody().strength(-900))
      .force("collide", forceCollide(140))
      .stop()
      .tick(200);
    this.positions = nodes.map((n) => ({ x: n.x ?? 0, y: n.y ?? 0 }));
    this.build(app);
    this.moved(app);
    this.panZoom.fit();
  }

  /** One box per place, redrawn only when who is there or whose scent reaches it changes. */
  private groups: { box: HTMLElement; key: string; height: number }[] = [];

  private build(app: App): void {
    const m = app.model;
    clear(this.svgEl);
    clear(this.boxes);
    this.groups = [];
    if (!m.places.length) {
      this.svgEl.append(svg("text", { x: 10, y: 30 }, "The project names no places."));
      this.svgEl.setAttribute("viewBox", "0 0 400 60");
      return;
    }
    // Lines join the places' title rows, under the boxes, and never move.
    for (const c of m.connections) {
      const a = this.positions[c.a];
      const b = this.positions[c.b];
      this.svgEl.append(
        svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: c.kind === "sealed" ? "#bbb" : "#555", "stroke-width": c.kind === "open" ? 4 : 2, "stroke-dasharray": c.kind === "door" ? "10 5" : c.kind === "sealed" ? "2 6" : undefined }),
        svg("text", { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 6, "text-anchor": "middle", class: "edge-label" }, `${c.kind}, ${Math.round(c.distance)} ft`),
      );
    }
    for (const [k, place] of m.places.entries()) {
      const { x, y } = this.positions[k];
      const box = h("div", { class: "place", "data-place": place.id }, h("div", { class: "place-name" }, place.name));
      box.style.left = `${x - PLACE_WIDTH / 2}px`;
      box.style.top = `${y - 20}px`;
      this.boxes.append(box);
      this.groups.push({ box, key: "", height: 0 });
    }
  }

  moved(app: App): void {
    const m = app.model;
    const hour = app.cursor;
    if (this.groups.length !== m.places.length) this.build(app);
    if (!m.places.length) return;
    const reach = scentReach(m, hour);
    const where = whoIsWhere(m, hour);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    m.places.forEach((place, k) => {
      const here = where.get(place.id) ?? [];
      const shown = reach[k].slice(0, 6);
      const designations = here.map((p) => valueAt(p, "designation", hour));
      const key = JSON.stringify([here.map((p) => p.id), designations, shown.map((r) => [r.person.id, r.tell, Math.round(r.strength * 100), r.masked < 1, r.hidden]), reach[k].length]);
      const group = this.groups[k];
      if (group.key !== key) {
        group.key = key;
        group.height = 46 + 18 * (here.length + shown.length + (reach[k].length > 6 ? 1 : 0));
        this.drawPlace(group.box, here, designations, shown, reach[k].length, hour);
      }
      const { x, y } = this.positions[k];
      minX = Math.min(minX, x - PLACE_WIDTH / 2);
      maxX = Math.max(maxX, x + PLACE_WIDTH / 2);
      minY = Math.min(minY, y - 30);
      maxY = Math.max(maxY, y - 20 + group.height);
    });
    const pad = 20;
    this.panZoom.setBase({ x: minX - pad, y: minY - pad, w: maxX - minX + 2 * pad, h: maxY - minY + 2 * pad });
    // The list asks the server: while the cursor is dragged it waits until the cursor rests, so
    // dragging redraws only the map.
    clearTimeout(this.listTimer);
    this.perceived.setAttribute("aria-busy", "true");
    this.listTimer = setTimeout(() => this.loadPerceived(app, hour), LIST_DELAY_MS);
  }

  /** A place's box: its name (drawn once), who is in it, and the strongest scents that reach it. */
  private drawPlace(box: HTMLElement, here: StudioPerson[], designations: string[], shown: Reaching[], total: number, hour: number): void {
    const rows: PlaceRow[] = here.map((p, j) => {
      const mark = designationMark(designations[j]);
      return { kind: "occupant", person: p.id, colour: mark.colour, shape: mark.shape, text: ` ${p.name} is here` };
    });
    for (const r of shown) {
      const what = r.tell === "signature" ? r.person.name : `${r.person.name}, ${r.tell}`;
      rows.push({
        kind: "reach",
        person: r.person.id,
        who: r.hidden ? `⊘ ${what}` : what,
        amount: r.hidden ? " (hidden)" : ` ${Math.round(r.strength * 100)}%${r.masked < 1 ? " M" : ""}`,
        width: `${(r.strength * 100).toFixed(1)}%`,
        colour: designationMark(valueAt(r.person, "designation", hour)).colour,
        masked: r.masked < 1,
      });
    }
    if (total > 6) rows.push({ kind: "more", text: `and ${total - 6} more` });
    drawRows(box, rows);
  }

  /** Moves and scales the boxes as the lines' view box does (preserveAspectRatio's "meet", centred). */
  private placeBoxes(): void {
    const v = this.panZoom.box;
    const { w, h: ht } = this.linesSize;
    if (!w || !ht) return;
    const scale = Math.min(w / v.w, ht / v.h);
    this.boxes.style.transform = `translate(${(w - v.w * scale) / 2 - v.x * scale}px, ${(ht - v.h * scale) / 2 - v.y * scale}px) scale(${scale})`;
  }

  private loadPerceived(app: App, hour: number): void {
    this.lastApp = app;
    const seq = ++this.seq;
    const who = this.perceiver.value;
    // Only the latest cursor's answer is shown; moving fast does not queue up redraws.
    void fetchEvents({ type: "perceived,trace-perceived,noticed", from: hour - 24, to: hour, limit: 60, person: who || undefined }).then(({ events, total }) => {
      if (seq !== this.seq) return;
      this.perceived.removeAttribute("aria-busy");
      // The perceiver is named first in a perception; the server's filter matches either side.
      const shown = who ? events.filter((e) => e.people[0] === who) : events;
      clear(this.perceived);
      for (const e of shown.slice().reverse()) this.perceived.append(h("li", {}, h("span", { class: "since" }, `${formatDateTime(e.hour)} `), e.text));
      const subject = who ? (app.people.get(who)?.name ?? who) : "Nobody";
      if (!shown.length) this.perceived.append(h("li", {}, `${subject} perceived ${who ? "nothing" : "anything"} new between ${formatDateTime(hour - 24)} and ${formatDateTime(hour)}.`));
      if (!who && total > events.length) this.perceived.append(h("li", { class: "since" }, `${total - events.length} more not shown`));
    });
  }
}
