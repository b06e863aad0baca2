/**
 * Chapters split from a plain text's own headings: Markdown headings ("# Chapter 2", "## The Visit")
 * and lines that name a chapter ("Chapter 3", "CHAPTER IV: Homecoming", "Chapter Twelve"). A text
 * without any is one chapter.
 */
import type { ManuscriptChapter } from "../manuscript.js";

const NUMBER = String.raw`(?:\d{1,4}|[IVXLC]{1,7}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|thirty|forty|fifty)`;
/** A line that is only a chapter heading: "Chapter 3", "CHAPTER IV: Homecoming", "Part Two – Winter". */
const NAMED = new RegExp(String.raw`^[ \t]*(?:chapter|part|book)[ \t]+${NUMBER}\b[ \t]*(?:[:.–—-][ \t]*(.{0,100}))?$`, "i");
/** "# Heading" to "### Heading". */
const MARKDOWN = /^[ \t]{0,3}(#{1,3})[ \t]+(.{1,120}?)[ \t#]*$/;

export function splitChapters(text: string, markdown: boolean): ManuscriptChapter[] {
  const chapters: ManuscriptChapter[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const clean = line.replace(/\r$/, "");
    const md = markdown ? MARKDOWN.exec(clean) : null;
    if (md) chapters.push({ title: md[2].trim(), start: offset });
    else if (NAMED.test(clean) && blankAround(text, offset, line.length)) chapters.push({ title: clean.trim(), start: offset });
    offset += line.length + 1;
  }
  if (chapters.length === 0 || text.slice(0, chapters[0].start).trim() !== "") chapters.unshift({ title: chapters.length === 0 ? "" : "Opening", start: 0 });
  return chapters;
}

/** A heading stands alone: the text is empty or ends a paragraph before it. */
function blankAround(text: string, start: number, length: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(start + length, start + length + 2);
  return (start === 0 || before.endsWith("\n\n") || before === "\n" || /\n\s*$/.test(before)) && (after === "" || after.startsWith("\n"));
}
