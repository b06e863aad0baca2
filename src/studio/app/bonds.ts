/**
 * The bond graph: people as shapes coloured by designation (the shape says it too), relations as
 * typed edges as of the cursor. The layout (d3-force) is worked out once per model from every
 * relation the story ever has, so people keep their places as the cursor moves.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from "d3-force";
import type { App, View } from "./app.js";
import { clear, h, svg } from "./dom.js";
import { designationMark, EDGE_STYLES } from "./palette.js";
import { PanZoom } from "./pan-zoom.js";
import { valueAt } from "./state-index.js";

interface Node extends SimulationNodeDatum {
  id: string;
}

export interface Edge {
  kind: string;
  from: string;
  to: string;
}

/**
 * The relations as of an hour: bonds, partners, courtships (from Visits and matches), guardians and
 * owners from the simulation; family and dominant-of, which no event makes or ends, and any
 * courtship the project states, from the project.
 */
export function edgesAt(app: App, hour: number): Edge[] {
  const out: Edge[] = [];
  const seen = new Set<string>();
  const add = (kind: string, from: string, to: string, directed: boolean) => {
    const key = directed || from < to ? `${kind}|${from}|${to}` : `${kind}|${to}|${from}`;
    if (seen.has(key) || !app.people.has(from) || !app.people.has(to)) return;
    seen.add(key);
    out.push({ kind, from, to });
  };
  for (const p of app.model.people) {
    const mate = valueAt(p, "bondedTo", hour);
    if (mate) add("bonded", p.id, mate, false);
    const partner = valueAt(p, "partner", hour);
    if (partner) add("partner", p.id, partner, false);
    for (const other of valueAt(p, "courting", hour).split(" ")) if (other) add("courting", p.id, other, false);
    const guardian = valueAt(p, "guardian", hour);
    if (guardian) add("guardian", guardian, p.id, true);
    const owner = valueAt(p, "owner", hour);
    if (owner) add("owner", owner, p.id, true);
  }
  for (const r of app.model.relations) {
    if (r.since !== null && r.since > hour) continue;
    if (r.kind === "courtship") add("courting", r.a, r.b, false);
    else if (r.kind === "family" || r.kind === "parent" || r.kind === "sibling") add("family", r.a, r.b, false);
    else if (r.kind === "dominant-of") add("dominant-of", r.a, r.b, true);
  }
  return out;
}

export class BondsView implements View {
  readonly id = "bonds" as const;
  readonly label = "Bond graph";
  readonly el: HTMLElement;
  private readonly svgEl: SVGSVGElement;
  /** The edges sit on a layer of their own under the people, so redrawing them leaves the people's layer unpainted. */
  private readonly edgeSvg: SVGSVGElement;
  private readonly panZoom: PanZoom;
  private readonly edgeLayer: SVGGElement;
  private readonly nodeLayer: SVGGElement;
  private readonly summary: HTMLElement;
  private positions = new Map<string, { x: number; y: number }>();

  constructor() {
    this.svgEl = svg("svg", { class: "graph", role: "group", "aria-label": "Bond graph" });
    const defs = svg("defs");
    for (const [kind, s] of Object.entries(EDGE_STYLES)) {
      if (!s.directed) continue;
      defs.append(svg("marker", { id: `arrow-${kind}`, viewBox: "0 0 10 10", refX: 22, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, svg("path", { d: "M0,0 L10,5 L0,10 z", fill: s.colour })));
    }
    this.edgeLayer = svg("g", { class: "edges" });
    this.nodeLayer = svg("g", { class: "nodes" });
    this.edgeSvg = svg("svg", { class: "graph-edges", "aria-hidden": "true" });
    this.edgeSvg.append(defs, this.edgeLayer);
    this.svgEl.append(this.nodeLayer);
    this.summary = h("ul", { class: "edge-list", "aria-label": "Relations at the cursor" });
    const legend = h(
      "div",
      { class: "legend" },
      ...Object.entries(EDGE_STYLES).map(([kind, s]) =>
        h("span", { class: "key", "data-kind": kind }, (() => {
          const icon = svg("svg", { width: 34, height: 12, "aria-hidden": "true" }, svg("line", { x1: 1, y1: 6, x2: 33, y2: 6, stroke: s.colour, "stroke-width": Math.min(s.width, 4), "stroke-dasharray": s.dash || undefined }));
          return icon;
        })(), ` ${s.label}${s.directed ? " →" : ""}`),
      ),
    );
    this.panZoom = new PanZoom([this.edgeSvg, this.svgEl], "Bond graph");
    this.el = h("section", { class: "view bonds", id: "view-bonds", "aria-label": "Bond graph", tabindex: "-1" }, this.panZoom.controls, legend, h("div", { class: "graph-wrap" }, h("div", { class: "graph-stack" }, this.edgeSvg, this.svgEl), h("div", { class: "side" }, h("h3", {}, "Relations at the cursor"), this.summary)));
  }

  refresh(app: App): void {
    this.layout(app);
    this.buildNodes(app);
    this.edgeKey = undefined;
    this.moved(app);
  }

  private layout(app: App): void {
    const nodes: Node[] = app.model.people.map((p) => ({ id: p.id }));
    // Every relation ever held pulls its people together, so the layout does not jump with time.
    const links = new Map<string, { source: string; target: string }>();
    for (const p of app.model.people) {
      for (const f of ["bondedTo", "partner", "courting", "guardian", "owner"] as const) {
        for (const v of new Set(p.track[f].values.flatMap((ids) => ids.split(" ")))) if (v && app.people.has(v)) links.set([p.id, v].sort().join("|"), { source: p.id, target: v });
      }
    }
    for (const r of app.model.relations) if (app.people.has(r.a) && app.people.has(r.b)) links.set([r.a, r.b].sort().join("|"), { source: r.a, target: r.b });
    // Seeded positions on a circle make the layout the same on every load.
    nodes.forEach((n, k) => {
      const a = (2 * Math.PI * k) / Math.max(1, nodes.length);
      n.x = Math.cos(a) * 200;
      n.y = Math.sin(a) * 200;
    });
    const sim = forceSimulation(nodes)
      .randomSource(() => 0.5)
      .force("link", forceLink<Node, { source: string; target: string }>([...links.values()]).id((d) => d.id).distance(170))
      .force("charge", forceManyBody().strength(-260))
      .force("collide", forceCollide(38))
      .force("x", forceX(0).strength(0.05))
      .force("y", forceY(0).strength(0.05))
      .stop();
    sim.tick(Math.min(300, 60 + 20000 / Math.max(1, nodes.length)));
    this.positions = new Map(nodes.map((n) => [n.id, { x: n.x ?? 0, y: n.y ?? 0 }]));
    const xs = nodes.map((n) => n.x ?? 0);
    const ys = nodes.map((n) => n.y ?? 0);
    const pad = 60;
    const minX = Math.min(0, ...xs) - pad;
    const minY = Math.min(0, ...ys) - pad;
    this.panZoom.setBase({ x: minX, y: minY, w: Math.max(...xs, 0) + pad - minX, h: Math.max(...ys, 0) + pad - minY });
    this.panZoom.fit();
  }

  /** One group per person, made once per model; a cursor move only changes what changed. */
  private nodes = new Map<string, { g: SVGGElement; designation: string }>();

  private buildNodes(app: App): void {
    clear(this.nodeLayer);
    this.nodes.clear();
    for (const p of app.model.people) {
      const at = this.positions.get(p.id)!;
      const g = svg("g", { class: "node", transform: `translate(${at.x},${at.y})`, tabindex: 0, role: "button", "data-person": p.id });
      g.addEventListener("click", () => app.openPerson(p.id));
      g.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          app.openPerson(p.id);
        }
      });
      this.nodeLayer.append(g);
      this.nodes.set(p.id, { g, designation: "\u0000" });
    }
  }

  moved(app: App): void {
    const hour = app.cursor;
    const edges = edgesAt(app, hour);
    if (this.nodes.size !== app.model.people.length) this.buildNodes(app);
    // Most cursor moves change no relation: then the edges and the list stay as drawn, since
    // laying out the panel beside the graph again costs the graph's text a layout too.
    const key = edges.map((e) => `${e.kind}|${e.from}|${e.to}`).join(",");
    if (key !== this.edgeKey) this.drawEdges(app, edges, key);
    for (const p of app.model.people) {
      const node = this.nodes.get(p.id)!;
      const designation = valueAt(p, "designation", hour);
      node.g.classList.toggle("selected", p.id === app.selected);
      if (designation === node.designation) continue;
      node.designation = designation;
      const mark = designationMark(designation);
      clear(node.g);
      node.g.setAttribute("aria-label", `${p.name}, ${designation}${p.alignment ? `, ${p.alignment}` : ""}`);
      node.g.append(shapeFor(designation, mark.colour), svg("text", { y: 30, "text-anchor": "middle", class: "node-label" }, p.name), svg("text", { y: 5, "text-anchor": "middle", class: "node-letter" }, mark.letter));
    }
  }

  private edgeKey: string | undefined;

  private drawEdges(app: App, edges: Edge[], key: string): void {
    this.edgeKey = key;
    clear(this.edgeLayer);
    clear(this.summary);
    // Two relations between the same pair are drawn side by side, not on top of each other.
    const pairKey = (e: Edge) => (e.from < e.to ? `${e.from}|${e.to}` : `${e.to}|${e.from}`);
    const perPair = new Map<string, number>();
    for (const e of edges) perPair.set(pairKey(e), (perPair.get(pairKey(e)) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const e of edges) {
      const s = EDGE_STYLES[e.kind];
      const key = pairKey(e);
      const k = seen.get(key) ?? 0;
      seen.set(key, k + 1);
      const shift = (k - ((perPair.get(key) ?? 1) - 1) / 2) * 14;
      const p = this.positions.get(e.from)!;
      const q = this.positions.get(e.to)!;
      const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      // The normal of the pair's line in one fixed direction, whichever end the edge starts from.
      const sign = e.from < e.to ? 1 : -1;
      const nx = (-(q.y - p.y) / len) * shift * sign;
      const ny = ((q.x - p.x) / len) * shift * sign;
      const a = { x: p.x + nx, y: p.y + ny };
      const b = { x: q.x + nx, y: q.y + ny };
      const g = svg("g", { class: `edge ${e.kind}`, "data-kind": e.kind });
      g.append(svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: s.colour, "stroke-width": s.width, "stroke-dasharray": s.dash || undefined, "marker-end": s.directed ? `url(#arrow-${e.kind})` : undefined }));
      // The label sits at the middle, pushed out on the edge's own side when the pair has several.
      g.append(svg("text", { x: (a.x + b.x) / 2 + nx * 0.9, y: (a.y + b.y) / 2 + ny * 0.9 - 4, class: "edge-label", "text-anchor": "middle" }, s.label));
      this.edgeLayer.append(g);
      this.summary.append(h("li", {}, `${app.people.get(e.from)!.name} — ${s.label} — ${app.people.get(e.to)!.name}`));
    }
    if (!edges.length) this.summary.append(h("li", {}, "No relations at this time."));
  }
}

/** Alpha a triangle, beta a square, omega a circle, others a diamond, not yet presented a hollow circle. */
function shapeFor(designation: string, colour: string): SVGElement {
  const stroke = { stroke: "#222", "stroke-width": 1.5 };
  switch (designation) {
    case "alpha":
      return svg("path", { d: "M0,-17 L16,12 L-16,12 z", fill: colour, ...stroke });
    case "beta":
      return svg("rect", { x: -13, y: -13, width: 26, height: 26, fill: colour, ...stroke });
    case "omega":
      return svg("circle", { r: 15, fill: colour, ...stroke });
    case "unpresented":
    case "unknown":
    case "none":
    case "":
      return svg("circle", { r: 14, fill: "#fff", stroke: "#555", "stroke-width": 2, "stroke-dasharray": "3 2" });
    default:
      return svg("path", { d: "M0,-17 L16,0 L0,17 L-16,0 z", fill: colour, ...stroke });
  }
}
