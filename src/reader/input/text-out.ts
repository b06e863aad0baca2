/**
 * The plain text every markup format renders to: one paragraph per line (a paragraph may hold line
 * breaks of its own), a blank line between paragraphs, and chapters as offsets into that text. The
 * pieces are joined once, at the end, so a long work is never copied piece by piece.
 */
import type { ManuscriptChapter } from "../manuscript.js";

export class TextOut {
  private parts: string[] = [];
  private length = 0;
  private chapters: ManuscriptChapter[] = [];

  /** Where the next paragraph will start. */
  get next(): number {
    return this.length === 0 ? 0 : this.length + 2;
  }

  get empty(): boolean {
    return this.length === 0;
  }

  get chapterCount(): number {
    return this.chapters.length;
  }

  /** Adds a paragraph (or several already separated by blank lines); returns where it starts. */
  paragraph(text: string): number {
    if (this.length > 0) {
      this.parts.push("\n\n");
      this.length += 2;
    }
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    return start;
  }

  /** A chapter whose first line is its title. */
  titled(title: string, file?: string): void {
    this.chapters.push(withFile({ title, start: this.paragraph(title) }, file));
  }

  /** A chapter that starts at `start` (by default, with the next paragraph) without a title line of its own. */
  chapter(title: string, file?: string, start = this.next): void {
    this.chapters.push(withFile({ title, start }, file));
  }

  /**
   * The text, ending in a line end, and its chapters in order. As for plain text, a work without any
   * chapter is one untitled chapter, and text before the first chapter is an opening of its own.
   */
  finish(): { text: string; chapters: ManuscriptChapter[] } {
    const text = this.length === 0 ? "" : this.parts.join("") + "\n";
    this.parts = [];
    const chapters = this.chapters.filter((c) => c.start < text.length || text.length === 0).sort((a, b) => a.start - b.start);
    if (chapters.length === 0) chapters.push({ title: "", start: 0 });
    else if (chapters[0].start > 0 && text.slice(0, chapters[0].start).trim() !== "") chapters.unshift({ title: "Opening", start: 0 });
    return { text, chapters };
  }
}

function withFile(chapter: ManuscriptChapter, file: string | undefined): ManuscriptChapter {
  return file === undefined ? chapter : { ...chapter, file };
}
