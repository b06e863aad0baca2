/** The checker's findings, filterable by check and chapter; each opens the line it is about. */
import type { Finding } from "../../check/finding.js";
import type { App, View } from "./app.js";
import { clear, h } from "./dom.js";
import { SEVERITY_MARKS } from "./palette.js";

export class FindingsView implements View {
  readonly id = "findings" as const;
  readonly label = "Findings";
  readonly el: HTMLElement;
  private readonly rule: HTMLSelectElement;
  private readonly chapter: HTMLSelectElement;
  private readonly severity: HTMLSelectElement;
  private readonly list: HTMLElement;
  private readonly count: HTMLElement;
  private app?: App;

  constructor() {
    this.rule = h("select", { id: "filter-rule" });
    this.chapter = h("select", { id: "filter-chapter" });
    this.severity = h("select", { id: "filter-severity" }, h("option", { value: "" }, "all"), h("option", { value: "error" }, "errors"), h("option", { value: "warning" }, "warnings"), h("option", { value: "info" }, "notes"));
    for (const s of [this.rule, this.chapter, this.severity]) s.addEventListener("change", () => this.render());
    this.list = h("ol", { class: "findings-list" });
    this.count = h("p", { class: "count", "aria-live": "polite" });
    this.el = h(
      "section",
      { class: "view findings", id: "view-findings", "aria-label": "Findings", tabindex: "-1" },
      h("div", { class: "filters" }, h("label", { for: "filter-rule" }, "Check "), this.rule, h("label", { for: "filter-chapter" }, " File "), this.chapter, h("label", { for: "filter-severity" }, " Severity "), this.severity),
      this.count,
      this.list,
    );
  }

  refresh(app: App): void {
    this.app = app;
    const keep = (sel: HTMLSelectElement, options: [string, string][]) => {
      const was = sel.value;
      clear(sel);
      sel.append(h("option", { value: "" }, "all"), ...options.map(([v, label]) => h("option", { value: v }, label)));
      sel.value = options.some(([v]) => v === was) ? was : "";
    };
    const rules = [...new Set(app.model.findings.map((f) => f.ruleId))].sort();
    keep(this.rule, rules.map((r) => [r, r]));
    const files = [...new Set(app.model.findings.map((f) => f.file).filter(Boolean))].sort();
    const title = new Map(app.model.chapters.map((c) => [c.file, `Ch ${c.index + 1}: ${c.title}`]));
    keep(this.chapter, files.map((f) => [f, title.get(f) ?? f]));
    this.render();
  }

  moved(): void {}

  private render(): void {
    const app = this.app;
    if (!app) return;
    const shown = app.model.findings.filter((f) => (!this.rule.value || f.ruleId === this.rule.value) && (!this.chapter.value || f.file === this.chapter.value) && (!this.severity.value || f.severity === this.severity.value));
    clear(this.list);
    this.count.textContent = `${shown.length} of ${app.model.findings.length} findings`;
    for (const f of shown) this.list.append(this.item(app, f));
  }

  private item(app: App, f: Finding): HTMLElement {
    const mark = SEVERITY_MARKS[f.severity];
    const causes = f.causes.length
      ? h("ul", { class: "causes" }, ...f.causes.map((c) => h("li", {}, c.file && c.line ? h("button", { type: "button", class: "link", onclick: () => app.openFile(c.file!, c.line!, c.column) }, `${c.file}:${c.line}`) : "", c.file ? " " : "", c.rule ? h("code", {}, c.rule) : "", c.rule ? " " : "", c.text)))
      : null;
    return h(
      "li",
      { class: `finding ${f.severity}` },
      h("span", { class: "sev", style: `color:${mark.colour}`, "aria-label": mark.label, title: mark.label }, mark.shape),
      " ",
      f.file ? h("button", { type: "button", class: "link open-line", onclick: () => app.openFile(f.file, f.line, f.column) }, `${f.file}:${f.line}:${f.column}`) : h("span", {}, "(project)"),
      " ",
      h("code", { class: "rule" }, f.ruleId),
      h("p", { class: "message" }, f.message),
      f.evidence ? h("blockquote", {}, f.evidence) : null,
      f.hint ? h("p", { class: "hint" }, `hint: ${f.hint}`) : null,
      causes,
    );
  }
}
