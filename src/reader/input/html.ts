/**
 * Any HTML that is not an AO3 download: the text of its block elements as paragraphs, with scripts,
 * styles, navigation and forms left out, and a chapter at each `<h1>`–`<h3>` heading. The same
 * visitor reads an EPUB's documents, where a document (not a heading) is a chapter.
 */
import type { Manuscript } from "../manuscript.js";
import { walkHtml, type HtmlElement, type HtmlVisitor } from "./html-walk.js";
import { TextOut } from "./text-out.js";

/** Elements whose content is not the work's text. */
export const NOT_TEXT = new Set(["script", "style", "nav", "noscript", "template", "svg", "math", "iframe", "object", "embed", "form", "button", "select", "textarea", "canvas", "audio", "video", "map"]);

const CHAPTER_HEADING = /^h[1-3]$/;

export function headingLevel(stack: readonly HtmlElement[]): number {
  for (let i = stack.length - 1; i >= 0; i--) {
    const m = /^h([1-6])$/.exec(stack[i].name);
    if (m) return Number(m[1]);
  }
  return 0;
}

export interface GenericOptions {
  /** A `<h1>`–`<h3>` starts a chapter (plain HTML); otherwise headings are lines like any other (an EPUB document). */
  headingChapters: boolean;
  /** The file chapters come from, for an EPUB's documents. */
  file?: string;
  /** Element ids whose position is wanted (an EPUB's table of contents points at them). */
  anchors?: ReadonlySet<string>;
}

/** Renders a generic HTML document into `out`; what it learnt on the way is kept on the visitor. */
export class GenericHtml implements HtmlVisitor {
  /** The document's `<title>`. */
  title?: string;
  /** The first heading's text. */
  firstHeading?: string;
  /** Where each wanted anchor landed in the text. */
  readonly anchorAt = new Map<string, number>();
  private pendingAnchors: string[] = [];

  constructor(
    private readonly out: TextOut,
    private readonly options: GenericOptions,
  ) {}

  open(el: HtmlElement): boolean {
    if (NOT_TEXT.has(el.name)) return false;
    const id = el.attrs.id;
    if (id !== undefined && this.options.anchors?.has(id) && !this.anchorAt.has(id)) this.pendingAnchors.push(id);
    return true;
  }

  block(text: string, stack: readonly HtmlElement[]): void {
    if (stack.some((e) => e.name === "head")) {
      if (stack[stack.length - 1].name === "title") this.title ??= text;
      return;
    }
    const level = headingLevel(stack);
    if (level > 0) this.firstHeading ??= text.replace(/\n/g, " ");
    let start: number;
    if (this.options.headingChapters && CHAPTER_HEADING.test(`h${level}`)) {
      start = this.out.next;
      this.out.titled(text.replace(/\n/g, " "), this.options.file);
    } else {
      start = this.out.paragraph(text);
    }
    for (const id of this.pendingAnchors) this.anchorAt.set(id, start);
    this.pendingAnchors = [];
  }
}

/** Generic HTML as a manuscript. */
export function fromHtml(name: string, markup: string, encoding?: string): Manuscript {
  const out = new TextOut();
  const visitor = new GenericHtml(out, { headingChapters: true });
  walkHtml(markup, visitor);
  const { text, chapters } = out.finish();
  return { name, format: "html", ...(encoding ? { encoding } : {}), text, chapters, ...(visitor.title ? { metadata: { title: visitor.title } } : {}) };
}
