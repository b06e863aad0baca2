/**
 * HTML (and XHTML, and XML) as a stream of text blocks, for every markup format the reader takes.
 *
 * The parser is htmlparser2's streaming one: no tree is built, so a large file costs little more than
 * its own text. Entities are decoded. A block is the text of a block element (a paragraph, a heading,
 * a list item, a table cell) with its white space collapsed as a browser would; a `<br>` (or a line
 * end inside `<pre>`) is kept as a line end. What to do with each block, and which elements to drop
 * whole, is the visitor's business.
 */
import { Parser } from "htmlparser2";

export interface HtmlElement {
  /** Lower case in HTML; as written (prefix and all) in XML. */
  name: string;
  attrs: Record<string, string>;
  /** Free for a visitor to note something about this element while it is open. */
  mark?: string;
}

export interface HtmlVisitor {
  /** An element opens (`stack` holds its ancestors, innermost last); return false to drop it and all it holds. */
  open?(el: HtmlElement, stack: readonly HtmlElement[]): boolean | void;
  /** An element closes; `stack` still holds it, last. */
  close?(el: HtmlElement, stack: readonly HtmlElement[]): void;
  /** A piece of raw text (entities decoded, white space as written), for visitors that collect an inline element's text. */
  text?(chunk: string): void;
  /** A block's text: collapsed white space, never empty. `stack` holds the elements it sits in, innermost last. */
  block(text: string, stack: readonly HtmlElement[]): void;
}

/** Elements that end one block of text and start another. */
const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
  "legend", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
]);

/** Stands for a kept line end inside a block until the block's white space is collapsed. */
const LINE = "\u0000";

export function walkHtml(markup: string, visitor: HtmlVisitor, options: { xml?: boolean } = {}): void {
  const xml = options.xml ?? false;
  const stack: HtmlElement[] = [];
  /** How many of the open elements are dropped (a dropped element's descendants are dropped with it). */
  let dropped = 0;
  const droppedAt: boolean[] = [];
  let pre = 0;
  let buffer: string[] = [];

  const flush = () => {
    if (buffer.length === 0) return;
    const raw = buffer.join("");
    buffer = [];
    const text = collapse(raw);
    if (text !== "") visitor.block(text, stack);
  };
  const isBlock = (name: string) => BLOCKS.has(xml ? localName(name) : name);

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const el: HtmlElement = { name, attrs: attribs };
        if (dropped > 0) {
          stack.push(el);
          droppedAt.push(true);
          dropped++;
          return;
        }
        if (isBlock(name)) flush();
        const keep = visitor.open?.(el, stack) !== false;
        stack.push(el);
        droppedAt.push(!keep);
        if (!keep) {
          dropped++;
          return;
        }
        if (name === "br") buffer.push(LINE);
        if (name === "pre") pre++;
      },
      ontext(data) {
        if (dropped > 0) return;
        const chunk = data.includes(LINE) ? data.replaceAll(LINE, "") : data;
        buffer.push(pre > 0 ? chunk.replace(/\r?\n/g, LINE) : chunk);
        visitor.text?.(chunk);
      },
      onclosetag(name) {
        const el = stack[stack.length - 1];
        const wasDropped = droppedAt[droppedAt.length - 1];
        if (wasDropped) {
          dropped--;
        } else {
          if (isBlock(name)) flush();
          if (name === "pre") pre--;
          visitor.close?.(el, stack);
        }
        stack.pop();
        droppedAt.pop();
      },
    },
    { xmlMode: xml, decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(markup);
  parser.end();
  flush();
}

/** White space collapsed within each kept line, empty lines left out. */
export function collapse(raw: string): string {
  if (!raw.includes(LINE)) return raw.replace(/\s+/g, " ").trim();
  return raw
    .split(LINE)
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** "dc:title" → "title": XML names without their namespace prefix. */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An element's classes. */
export function classes(el: HtmlElement): string[] {
  return (el.attrs.class ?? "").split(/\s+/).filter(Boolean);
}

export function hasClass(el: HtmlElement, name: string): boolean {
  return classes(el).includes(name);
}
