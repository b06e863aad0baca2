/**
 * The reading pane: a project file (a chapter, scentline.yaml) with line numbers, scrolled to the
 * line a finding or a fact points at, which is marked and focused for the keyboard.
 */
import { clear, h } from "./dom.js";

export class ReaderPane {
  readonly el: HTMLElement;
  private readonly title: HTMLElement;
  private readonly body: HTMLElement;
  private readonly cache = new Map<string, string[]>();
  private returnTo: HTMLElement | null = null;

  constructor() {
    this.title = h("h2", { id: "reader-title" });
    this.body = h("ol", { class: "reader-lines" });
    const close = h("button", { type: "button", class: "close", onclick: () => this.close(), "aria-label": "Close the reading pane" }, "Close ✕");
    this.el = h("aside", { class: "reader", id: "reader", "aria-labelledby": "reader-title", hidden: true }, h("div", { class: "reader-head" }, this.title, close), this.body);
    this.el.addEventListener("keydown", (e) => {
      if (e.key === "Escape") this.close();
    });
  }

  /** Forgets cached text (the files changed on disk). */
  invalidate(): void {
    this.cache.clear();
  }

  async open(file: string, line: number, column?: number): Promise<void> {
    this.returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    let lines = this.cache.get(file);
    if (!lines) {
      const res = await fetch(`/api/file?path=${encodeURIComponent(file)}`);
      const text = await res.text();
      lines = res.ok ? text.split(/\r?\n/) : [`${file} cannot be shown: ${text}`];
      this.cache.set(file, lines);
    }
    this.title.textContent = `${file}, line ${line}${column ? `:${column}` : ""}`;
    clear(this.body);
    const frag = document.createDocumentFragment();
    lines.forEach((text, k) => frag.append(h("li", { id: `line-${k + 1}`, "data-line": k + 1, class: k + 1 === line ? "target" : undefined, tabindex: k + 1 === line ? "-1" : undefined }, text || " ")));
    this.body.append(frag);
    this.el.hidden = false;
    this.el.dataset.file = file;
    this.el.dataset.line = String(line);
    const target = this.body.querySelector<HTMLElement>(".target");
    if (target) {
      target.scrollIntoView({ block: "center" });
      target.focus({ preventScroll: true });
    }
  }

  close(): void {
    this.el.hidden = true;
    this.returnTo?.focus();
  }
}
