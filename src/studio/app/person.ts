/**
 * One person's sheet: who they are (with the cast line), their state at the cursor (each value with
 * the event that set it and that event's causes), relations, chapters they are in, findings that
 * name them, and their recent events.
 */
import type { SimEvent } from "../../sim/event.js";
import type { Field } from "../model.js";
import { fetchEvents } from "./api.js";
import { nameOf, type App, type View } from "./app.js";
import { clear, h } from "./dom.js";
import { eventItem } from "./evidence.js";
import { designationMark, SEVERITY_MARKS } from "./palette.js";
import { ageAt, heldAt } from "./state-index.js";
import { formatDate, formatDateTime } from "./time-format.js";

const FIELD_LABELS: [Field, string][] = [
  ["designation", "Designation"],
  ["cycle", "Cycle"],
  ["suppressed", "Suppressants"],
  ["bondedTo", "Bonded to"],
  ["partner", "Partner"],
  ["courting", "Courting"],
  ["matched", "Matched (courtship)"],
  ["status", "Legal status"],
  ["owner", "Owner"],
  ["guardian", "Guardian"],
  ["location", "Location"],
];

/** Fields whose values are people (ids, space-separated where there may be several). */
const PERSON_FIELDS: ReadonlySet<Field> = new Set(["bondedTo", "partner", "courting", "owner", "guardian"]);

export class PersonView implements View {
  readonly id = "person" as const;
  readonly label = "People";
  readonly el: HTMLElement;
  private readonly picker: HTMLSelectElement;
  private readonly body: HTMLElement;
  private app?: App;
  private seq = 0;

  constructor() {
    this.picker = h("select", { id: "person-picker" });
    this.picker.addEventListener("change", () => this.app?.openPerson(this.picker.value));
    this.body = h("div", { class: "sheet" });
    this.el = h("section", { class: "view person", id: "view-person", "aria-label": "Person sheet", tabindex: "-1" }, h("div", { class: "filters" }, h("label", { for: "person-picker" }, "Person "), this.picker), this.body);
  }

  refresh(app: App): void {
    this.app = app;
    clear(this.picker);
    for (const p of app.model.people) this.picker.append(h("option", { value: p.id }, p.name));
    if (!app.people.has(app.selected)) app.selected = app.model.people[0]?.id ?? "";
    this.picker.value = app.selected;
    this.render();
  }

  moved(app: App): void {
    this.app = app;
    this.picker.value = app.selected;
    this.render();
  }

  private render(): void {
    const app = this.app;
    if (!app) return;
    const p = app.people.get(app.selected);
    clear(this.body);
    if (!p) {
      this.body.append(h("p", {}, "No one in the cast."));
      return;
    }
    const t = app.cursor;
    const mark = designationMark(heldAt(p, "designation", t).value);
    const age = ageAt(p, t);
    const eventsWanted = new Set<string>();
    const rows = FIELD_LABELS.map(([field, label]) => {
      const held = heldAt(p, field, t);
      if (held.event) eventsWanted.add(held.event);
      const value = !held.value
        ? h("span", {}, "—")
        : PERSON_FIELDS.has(field)
          ? h("span", {}, ...held.value.split(" ").flatMap((id, k) => [k ? ", " : "", h("button", { type: "button", class: "link", onclick: () => app.openPerson(id) }, nameOf(app, id))]))
          : h("span", {}, held.value.replace(":", ", "));
      const since = held.since >= 0 ? h("span", { class: "since" }, ` since ${formatDateTime(held.since)}`) : null;
      const ev = held.event ? h("button", { type: "button", class: "link evidence", "data-event-ref": held.event, onclick: () => this.showEvent(held.event) }, `evidence: ${held.event}`) : h("button", { type: "button", class: "link evidence", onclick: () => app.openFile(p.at.file, p.at.line) }, `evidence: the cast, ${p.at.file}:${p.at.line}`);
      return h("tr", { "data-field": field }, h("th", { scope: "row" }, label), h("td", {}, value, since, " ", ev));
    });
    const relations = app.model.relations.filter((r) => r.a === p.id || r.b === p.id);
    const chapters = app.model.chapters.filter((c) => c.present.includes(p.id) || c.pov === p.id);
    const naming = app.model.findings.filter((f) => f.message.includes(p.name));
    this.body.append(
      h("h2", {}, h("span", { class: "shape", style: `color:${mark.colour}`, "aria-hidden": "true" }, mark.shape), ` ${p.name} `, h("small", {}, `(${p.id})`)),
      h("p", {},
        `${p.species}${p.alignment ? `, ${p.alignment}` : ""}; ${p.born === null ? "birth date unknown" : `born ${formatDate(p.born)}, ${age !== null && age >= 0 ? `${age} at the cursor` : "not yet born at the cursor"}`}`,
        p.scentNotes.length ? `; scent: ${p.scentNotes.join(", ")}` : "",
        p.roles.length ? `; roles: ${p.roles.join(", ")}` : "",
        ". ",
        h("button", { type: "button", class: "link", onclick: () => app.openFile(p.at.file, p.at.line) }, `cast line ${p.at.file}:${p.at.line}`),
      ),
      h("h3", {}, `At ${formatDateTime(t)}`),
      h("table", { class: "facts" }, h("tbody", {}, ...rows)),
      h("div", { class: "event-detail", "aria-live": "polite" }),
      h("h3", {}, "Relations in the project"),
      relations.length
        ? h("ul", {}, ...relations.map((r) => h("li", {}, `${r.kind}: ${nameOf(app, r.a)} – ${nameOf(app, r.b)}${r.since !== null ? ` since ${formatDate(r.since)}` : ""} `, h("button", { type: "button", class: "link", onclick: () => app.openFile(r.at.file, r.at.line) }, `${r.at.file}:${r.at.line}`))))
        : h("p", {}, "None."),
      h("h3", {}, "Chapters"),
      chapters.length ? h("ul", {}, ...chapters.map((c) => h("li", {}, h("button", { type: "button", class: "link", onclick: () => app.openFile(c.file, c.bodyLine) }, `Ch ${c.index + 1}: ${c.title}`), ` (${formatDate(c.hour)})${c.pov === p.id ? ", point of view" : ""}`))) : h("p", {}, "In no chapter."),
      h("h3", {}, "Findings that name them"),
      naming.length
        ? h("ul", {}, ...naming.map((f) => h("li", {}, h("span", { "aria-label": SEVERITY_MARKS[f.severity].label }, SEVERITY_MARKS[f.severity].shape), " ", h("button", { type: "button", class: "link", onclick: () => app.openFile(f.file, f.line, f.column) }, `${f.file}:${f.line}`), ` ${f.ruleId}: ${f.message}`)))
        : h("p", {}, "None."),
      h("h3", {}, "Events up to the cursor"),
      h("ol", { class: "events", "data-person": p.id }, h("li", {}, "loading…")),
    );
    const seq = ++this.seq;
    void fetchEvents({ person: p.id, to: t, limit: 25, skip: "perceived,trace-perceived,noticed" }).then(({ events, total }) => {
      if (seq !== this.seq) return;
      const list = this.body.querySelector("ol.events");
      if (!list) return;
      clear(list);
      const shown = events.slice().reverse();
      for (const e of shown) list.append(eventItem(app, e, (id) => this.showEvent(id)));
      if (!shown.length) list.append(h("li", {}, "No events yet."));
      if (total > events.length) list.append(h("li", { class: "since" }, `${total - events.length} earlier events not shown`));
    });
  }

  private showEvent(id: string): void {
    const app = this.app;
    const box = this.body.querySelector(".event-detail");
    if (!app || !box) return;
    void fetchEvents({ ids: [id] }).then(({ events }) => {
      clear(box);
      const e: SimEvent | undefined = events[0];
      if (!e) return;
      box.append(h("h3", {}, `Evidence: event ${e.id}`), h("ul", { class: "events" }, eventItem(app, e, (next) => this.showEvent(next))));
    });
  }
}
