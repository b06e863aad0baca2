/** An event shown with its causes, each rule, earlier event and input line linked to where it comes from. */
import type { SimEvent } from "../../sim/event.js";
import type { App } from "./app.js";
import { h } from "./dom.js";
import { formatDateTime } from "./time-format.js";

export function eventItem(app: App, e: SimEvent, more: (id: string) => void): HTMLElement {
  const causes = e.causes.map((c) => {
    if (c.kind === "rule") return h("li", {}, "rule ", h("code", {}, c.id), c.path !== c.id ? ` (${c.path})` : "");
    if (c.kind === "event") return h("li", {}, "after ", h("button", { type: "button", class: "link", onclick: () => more(c.id) }, `event ${c.id}`));
    return h("li", {}, "input ", c.at ? h("button", { type: "button", class: "link", onclick: () => app.openFile(c.at!.file, c.at!.line, c.at!.column) }, `${c.at.file}:${c.at.line}`) : "", " ", c.id);
  });
  return h(
    "li",
    { class: `event${e.severity ? ` ${e.severity}` : ""}`, "data-event": e.id },
    h("button", { type: "button", class: "link when", onclick: () => app.setCursor(e.hour), title: "Move the time cursor here" }, formatDateTime(e.hour)),
    " ",
    h("code", {}, e.type),
    " ",
    e.text,
    causes.length ? h("ul", { class: "causes" }, ...causes) : null,
  );
}
