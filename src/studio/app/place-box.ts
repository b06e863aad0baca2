/**
 * The rows of a place's box on the scent map, drawn in place: a row keeps its elements from one
 * cursor move to the next and only what differs is changed. Text that stays the same (a name) is
 * then not laid out again, which is most of what a cursor move would otherwise cost.
 */
import { h } from "./dom.js";

export type PlaceRow =
  | { kind: "occupant"; person: string; colour: string; shape: string; text: string }
  | { kind: "reach"; person: string; who: string; amount: string; width: string; colour: string; masked: boolean }
  | { kind: "more"; text: string };

/** Draws `rows` after the box's first child (the place's name). */
export function drawRows(box: HTMLElement, rows: readonly PlaceRow[]): void {
  rows.forEach((row, i) => {
    let el = box.children[i + 1] as HTMLElement | undefined;
    if (!el || el.dataset.kind !== row.kind) {
      const fresh = rowElement(row.kind);
      if (el) el.replaceWith(fresh);
      else box.append(fresh);
      el = fresh;
    }
    update(el, row);
  });
  while (box.children.length > rows.length + 1) box.lastElementChild!.remove();
}

function rowElement(kind: PlaceRow["kind"]): HTMLElement {
  if (kind === "occupant") return h("div", { class: "occupant", "data-kind": kind }, h("span", { class: "shape" }), h("span", { class: "who" }));
  if (kind === "reach") return h("div", { class: "reach", "data-kind": kind }, h("span", { class: "bar" }, h("span", { class: "fill" })), h("span", { class: "who" }), h("span", { class: "amount" }));
  return h("div", { class: "reach", "data-kind": kind });
}

function update(el: HTMLElement, row: PlaceRow): void {
  if (row.kind === "more") return setText(el, row.text);
  if (el.dataset.person !== row.person) el.dataset.person = row.person;
  if (row.kind === "occupant") {
    const [shape, who] = el.children as unknown as [HTMLElement, HTMLElement];
    setText(shape, row.shape);
    setStyle(shape, "color", row.colour);
    setText(who, row.text);
    return;
  }
  const [bar, who, amount] = el.children as unknown as [HTMLElement, HTMLElement, HTMLElement];
  const fill = bar.firstElementChild as HTMLElement;
  fill.classList.toggle("masked", row.masked);
  setStyle(fill, "width", row.width);
  setStyle(fill, "background", row.colour);
  setText(who, row.who);
  setText(amount, row.amount);
}

function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** The style values last set on each element (reading them back from the element would be slower). */
const styles = new WeakMap<HTMLElement, Record<string, string>>();

/** Sets a style property when it differs from what was last set. */
function setStyle(el: HTMLElement, property: "color" | "width" | "background", value: string): void {
  let set = styles.get(el);
  if (!set) styles.set(el, (set = {}));
  if (set[property] === value) return;
  set[property] = value;
  el.style.setProperty(property, value);
}
