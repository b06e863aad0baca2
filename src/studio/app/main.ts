/**
 * The studio's page: a header with the views as tabs and the time cursor, the view, and a reading
 * pane for chapter and project lines. The model comes from the server once, then again whenever
 * the server says the project changed on disk.
 */
import type { StudioModel } from "../model.js";
import { fetchModel } from "./api.js";
import type { App, View, ViewId } from "./app.js";
import { BondsView } from "./bonds.js";
import { h } from "./dom.js";
import { FindingsView } from "./findings.js";
import { PersonView } from "./person.js";
import { ReaderPane } from "./reader.js";
import { ScentView } from "./scent.js";
import { formatDateTime } from "./time-format.js";
import { TimelineView } from "./timeline.js";

const views: View[] = [new TimelineView(), new BondsView(), new ScentView(), new PersonView(), new FindingsView()];
const reader = new ReaderPane();
const title = h("h1", {}, "Scentline studio");
const status = h("p", { class: "status", role: "status", "aria-live": "polite" }, "Loading…");
const slider = h("input", { type: "range", id: "cursor", min: 0, max: 1, step: 1, value: 0, "aria-label": "Time cursor" });
const cursorText = h("output", { id: "cursor-text", for: "cursor" });
const tabs = h("div", { role: "tablist", class: "tabs", "aria-label": "Views" });
const main = h("main", { id: "main" });
let current: View = views[0];
/** Views whose model is older than the page's: refreshed when next shown, so a save redraws only what is on screen. */
const stale = new Set<View>();

const app: App = {
  model: undefined as unknown as StudioModel,
  people: new Map(),
  cursor: 0,
  selected: "",
  setCursor(hour) {
    const m = app.model;
    app.cursor = Math.round(Math.min(m.until, Math.max(m.start, hour)));
    slider.value = String(app.cursor);
    cursorText.textContent = formatDateTime(app.cursor);
    document.body.dataset.cursor = String(app.cursor);
    current.moved(app);
    saveHash();
  },
  openFile(file, line, column) {
    void reader.open(file, line, column);
  },
  openPerson(id) {
    app.selected = id;
    app.show("person");
  },
  show(id: ViewId) {
    const next = views.find((v) => v.id === id) ?? views[0];
    current = next;
    for (const v of views) v.el.hidden = v !== next;
    if (stale.delete(next)) next.refresh(app);
    for (const t of tabs.querySelectorAll<HTMLElement>("[role=tab]")) {
      const on = t.dataset.view === id;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
    }
    document.body.dataset.view = id;
    next.moved(app);
    next.shown?.(app);
    saveHash();
  },
};

for (const v of views) {
  v.el.hidden = v !== current;
  v.el.setAttribute("role", "tabpanel");
  const tab = h("button", { type: "button", role: "tab", id: `tab-${v.id}`, "data-view": v.id, "aria-controls": v.el.id, "aria-selected": String(v === current), tabindex: v === current ? 0 : -1, onclick: () => app.show(v.id) }, v.label);
  tabs.append(tab);
}
// Arrow keys move between tabs, as in any tab list.
tabs.addEventListener("keydown", (e) => {
  const list = [...tabs.querySelectorAll<HTMLElement>("[role=tab]")];
  const k = list.indexOf(document.activeElement as HTMLElement);
  if (k < 0 || (e.key !== "ArrowRight" && e.key !== "ArrowLeft")) return;
  const next = list[(k + (e.key === "ArrowRight" ? 1 : list.length - 1)) % list.length];
  next.focus();
  app.show(next.dataset.view as ViewId);
});
slider.addEventListener("input", () => app.setCursor(Number(slider.value)));

document.body.append(
  h("a", { href: "#main", class: "skip" }, "Skip to the view"),
  h("header", {}, title, tabs, h("div", { class: "cursor-box" }, h("label", { for: "cursor" }, "Time "), slider, " ", cursorText), status),
  h("div", { class: "body" }, main, reader.el),
);
for (const v of views) main.append(v.el);

/** How long the cursor rests before the address follows it (a history entry is slow to replace, and browsers throttle it). */
const HASH_DELAY_MS = 250;
let hashTimer: ReturnType<typeof setTimeout> | undefined;

/** Keeps the view, the cursor and the person in the address, so a reload or a bookmark comes back to them. */
function saveHash(): void {
  clearTimeout(hashTimer);
  hashTimer = setTimeout(writeHash, HASH_DELAY_MS);
}

function writeHash(): void {
  clearTimeout(hashTimer);
  if (!app.model) return;
  const q = new URLSearchParams({ view: current.id, t: String(app.cursor) });
  if (app.selected) q.set("person", app.selected);
  history.replaceState(null, "", `#${q}`);
}

function readHash(): { view?: ViewId; t?: number; person?: string } {
  const q = new URLSearchParams(location.hash.slice(1));
  const t = q.get("t");
  return { view: (q.get("view") as ViewId | null) ?? undefined, t: t !== null && t !== "" ? Number(t) : undefined, person: q.get("person") ?? undefined };
}

function install(model: StudioModel): void {
  const first = !app.model;
  app.model = model;
  app.people = new Map(model.people.map((p) => [p.id, p]));
  title.textContent = `${model.title} — Scentline studio`;
  document.title = `${model.title} — Scentline studio`;
  slider.min = String(model.start);
  slider.max = String(model.until);
  const wanted = first ? readHash() : {};
  if (wanted.person && app.people.has(wanted.person)) app.selected = wanted.person;
  if (!app.people.has(app.selected)) app.selected = model.people[0]?.id ?? "";
  const cursor = first ? (wanted.t ?? model.chapters[0]?.hour ?? model.start) : app.cursor;
  app.cursor = Math.min(model.until, Math.max(model.start, cursor));
  reader.invalidate();
  for (const v of views) {
    if (v === current) v.refresh(app);
    else stale.add(v);
  }
  const errors = model.findings.filter((f) => f.severity === "error").length;
  status.textContent = model.error
    ? `${model.error}.`
    : `${model.people.length} people, ${model.places.length} places, ${model.chapters.length} chapters, ${model.eventCount} events; ${model.findings.length} findings (${errors} errors). Simulated to ${formatDateTime(model.until)}.`;
  document.body.dataset.version = String(model.version);
  if (first) app.show(model.error ? "findings" : (wanted.view ?? "timeline"));
  app.setCursor(app.cursor);
  // Re-open the line being read, with the new text.
  const open = reader.el.dataset.file;
  if (!first && !reader.el.hidden && open) void reader.open(open, Number(reader.el.dataset.line ?? 1));
}

async function load(): Promise<void> {
  try {
    install(await fetchModel());
  } catch (e) {
    status.textContent = `The studio did not answer (${e instanceof Error ? e.message : String(e)}); is \`scentline studio\` still running?`;
  }
}

function listen(): void {
  const stream = new EventSource("/api/stream");
  stream.addEventListener("model", (e) => {
    const { version } = JSON.parse((e as MessageEvent<string>).data) as { version: number };
    if (!app.model || version !== app.model.version) void load();
  });
  stream.onerror = () => {
    status.textContent = "Lost the studio's stream; trying again…";
  };
}

void load().then(listen);
