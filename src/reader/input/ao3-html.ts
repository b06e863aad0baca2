/**
 * An AO3 work as AO3 writes it for download (otwarchive's app/views/downloads/): the HTML download,
 * and the same HTML as Calibre splits it into an EPUB's documents.
 *
 *   <div id="preface">   the "Posted originally on…" message, <dl class="tags"> (dt "Rating:", dd with
 *                        one link per tag, …, "Language:", "Series:", "Stats:"), <h1> title,
 *                        <div class="byline">by <a rel="author">, <p>Summary</p><blockquote>, <p>Notes</p><blockquote>
 *   <div id="chapters">  per chapter: <div class="meta group"><h2 class="heading">Chapter 1: Title</h2>
 *                        and the chapter's summary and notes</div>, <div class="userstuff">the text</div>,
 *                        <div id="endnotes1">; a one-chapter work has <h2 class="toc-heading">Title</h2> instead
 *   <div id="afterword"> <div id="endnotes"> the work's end notes, and a request to comment
 *
 * Calibre renames most classes (`meta group` becomes `calibre1`, `userstuff` `userstuff2`) but keeps ids,
 * `dl.tags` and `h2.heading`, so only those are relied on: in #chapters, an h2 of class `heading` (or
 * `toc-heading`) just inside it starts a chapter and the element around it (the chapter's meta block)
 * is notes, not text. A heading inside the chapter's own text is a line of text.
 *
 * The text is the chapters only: each chapter's heading line, then its paragraphs. The preface
 * (tags, summary, notes) goes to `metadata` and is left out of the text, so the text's first line is the
 * story's, and names in the tags (a relationship tag, a character list) are not counted as the prose
 * naming someone. Chapter summaries and notes, and end notes, are left out of the text the same way.
 */
import type { Manuscript, WorkMetadata } from "../manuscript.js";
import { walkHtml, hasClass, type HtmlElement, type HtmlVisitor } from "./html-walk.js";
import { NOT_TEXT } from "./html.js";
import { TextOut } from "./text-out.js";

/** An AO3 download: a preface block near the top and a chapters block. A sniff on the markup, confirmed by parsing. */
export function looksLikeAo3(markup: string): boolean {
  return /<div\b[^>]*\bid\s*=\s*["']?preface\b/i.test(markup.slice(0, 65536)) && /\bid\s*=\s*["']?chapters\b/i.test(markup);
}

type Region = "preface" | "chapters" | "afterword" | undefined;

/** Which tag list each `dt` label fills ("Relationships:" and "Relationship:" alike). */
const FIELDS: [RegExp, keyof WorkMetadata][] = [
  [/^ratings?$/, "rating"],
  [/^archive warnings?$/, "warnings"],
  [/^categor(y|ies)$/, "categories"],
  [/^fandoms?$/, "fandoms"],
  [/^relationships?$/, "relationships"],
  [/^characters?$/, "characters"],
  [/^additional tags?$/, "tags"],
  [/^languages?$/, "language"],
];

/** Reads AO3 markup, one document or several in a row (an EPUB's), into one text and its metadata. */
export class Ao3Html implements HtmlVisitor {
  readonly metadata: WorkMetadata = {};
  /** The file the markup being read came from (an EPUB's document). */
  file?: string;
  private label?: string;
  private links?: string[];
  private linkText?: string[];
  private field?: string;
  private fieldText = "";
  private blockquote?: string[];
  private messageTitle?: string;
  private endNotes: string[] = [];

  constructor(private readonly out: TextOut) {}

  open(el: HtmlElement, stack: readonly HtmlElement[]): boolean {
    if (NOT_TEXT.has(el.name) || el.name === "head") return false;
    const region = regionOf(stack);
    if (region === "chapters") {
      if (/^endnotes\d+$/.test(el.attrs.id ?? "")) return false;
      if (el.name === "h2" && (hasClass(el, "heading") || hasClass(el, "toc-heading")) && stack.length - chaptersDepth(stack) <= 2) {
        const parent = stack[stack.length - 1];
        if (parent && parent.attrs.id !== "chapters") parent.mark = "chapter-meta";
        el.mark = "chapter-title";
      }
    } else if (region === "preface") {
      if (el.name === "a" && (el.attrs.rel === "author" || this.links)) this.linkText = [];
      if (el.name === "dd") {
        this.links = [];
        this.fieldText = "";
      }
      if (el.name === "blockquote") this.blockquote = [];
    } else if (region === "afterword" && el.name === "blockquote" && inside(stack, (e) => e.attrs.id === "endnotes")) {
      this.blockquote = [];
    }
    return true;
  }

  text(chunk: string): void {
    this.linkText?.push(chunk);
  }

  close(el: HtmlElement, stack: readonly HtmlElement[]): void {
    if (el.name === "a" && this.linkText) {
      const name = this.linkText.join("").replace(/\s+/g, " ").trim();
      this.linkText = undefined;
      if (name !== "") {
        if (el.attrs.rel === "author" && regionOf(stack) === "preface") (this.metadata.authors ??= []).push(name);
        else this.links?.push(name);
      }
    } else if (el.name === "dd" && this.links) {
      this.setField(this.field, this.links, this.fieldText);
      this.links = undefined;
    } else if (el.name === "blockquote" && this.blockquote) {
      const text = this.blockquote.join("\n");
      this.blockquote = undefined;
      if (regionOf(stack) === "afterword") this.endNotes.push(text);
      else if (this.label === "summary") this.metadata.summary ??= text;
      else if (this.label === "notes") this.metadata.notes ??= text;
      this.label = undefined;
    }
  }

  block(text: string, stack: readonly HtmlElement[]): void {
    const region = regionOf(stack);
    const innermost = stack[stack.length - 1];
    if (region === "chapters") {
      const title = stack.find((e) => e.mark === "chapter-title");
      if (title) this.out.titled(text.replace(/\n/g, " "), this.file);
      else if (!stack.some((e) => e.mark === "chapter-meta")) this.out.paragraph(text);
      return;
    }
    if (region === "afterword") {
      if (this.blockquote) this.blockquote.push(text);
      return;
    }
    if (region !== "preface") return;
    if (this.blockquote) {
      this.blockquote.push(text);
    } else if (innermost.name === "dt") {
      this.field = text.replace(/:\s*$/, "").trim().toLowerCase();
    } else if (innermost.name === "dd") {
      this.fieldText = text;
    } else if (innermost.name === "h1") {
      this.metadata.title ??= text.replace(/\n/g, " ");
    } else if (innermost.name === "p" && hasClass(innermost, "message")) {
      this.messageTitle ??= text.split("\n")[0];
    } else if (innermost.name === "p") {
      const label = text.trim().toLowerCase();
      if (label === "summary" || label === "notes") this.label = label;
    } else if (hasClass(innermost, "byline") && !this.metadata.authors) {
      const byline = text.replace(/^by\s+/i, "").trim();
      if (byline) this.metadata.authors = byline.split(/,\s+|\s+and\s+/);
    }
  }

  /** The metadata, once everything has been read. */
  finish(): WorkMetadata {
    if (!this.metadata.title && this.messageTitle) this.metadata.title = this.messageTitle;
    if (this.endNotes.length > 0) this.metadata.notes = [this.metadata.notes, ...this.endNotes].filter(Boolean).join("\n");
    return this.metadata;
  }

  private setField(label: string | undefined, links: string[], text: string): void {
    const field = FIELDS.find(([pattern]) => pattern.test(label ?? ""))?.[1];
    if (!field) return; // Series, Collections, Stats: nothing the reader uses
    if (field === "language") {
      this.metadata.language = text;
      return;
    }
    const values = links.length > 0 ? links : text.split(/,\s*/).filter(Boolean);
    (this.metadata[field] as string[] | undefined) = values;
  }
}

function regionOf(stack: readonly HtmlElement[]): Region {
  for (let i = stack.length - 1; i >= 0; i--) {
    const id = stack[i].attrs.id;
    if (id === "preface" || id === "chapters" || id === "afterword") return id;
  }
  return undefined;
}

/** How deep the innermost #chapters block sits in the stack. */
function chaptersDepth(stack: readonly HtmlElement[]): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i].attrs.id === "chapters") return i;
  return -1;
}

function inside(stack: readonly HtmlElement[], test: (e: HtmlElement) => boolean): boolean {
  return stack.some(test);
}

/**
 * An AO3 download as a manuscript, or undefined when the markup turns out to hold no chapter text
 * where AO3 puts it (then it is read as generic HTML).
 */
export function fromAo3Html(name: string, markup: string, encoding?: string): Manuscript | undefined {
  const out = new TextOut();
  const visitor = new Ao3Html(out);
  walkHtml(markup, visitor);
  if (out.empty) return undefined;
  const { text, chapters } = out.finish();
  return { name, format: "ao3-html", ...(encoding ? { encoding } : {}), text, chapters, metadata: visitor.finish() };
}
