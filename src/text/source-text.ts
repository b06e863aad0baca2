/**
 * A text file with its line starts, so an offset becomes a line and column (1-based, columns in
 * UTF-16 code units as editors and SARIF count them).
 */
export interface Span {
  start: number;
  end: number;
}

export class SourceText {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo] + 1 };
  }

  /** The offset where a 1-based line begins. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))];
  }

  lineText(line: number): string {
    const start = this.lineStart(line);
    const end = this.text.indexOf("\n", start);
    return this.text.slice(start, end < 0 ? this.text.length : end).replace(/\r$/, "");
  }

  get lines(): number {
    return this.lineStarts.length;
  }
}

/**
 * The prose of a Markdown chapter with everything that is not prose (front matter, comments,
 * markup characters) blanked to spaces, so offsets into it are offsets into the file.
 */
export function proseOf(text: string, bodyStart: number): string {
  const blank = (s: string) => s.replace(/[^\n]/g, " ");
  let out = blank(text.slice(0, bodyStart)) + text.slice(bodyStart);
  out = out.replace(/<!--[\s\S]*?(-->|$)/g, blank);
  // Headings, emphasis, quotes and list markers: the words stay, the markup goes.
  out = out.replace(/^[ \t]*(#{1,6}|>|[-*+]|\d+\.)[ \t]/gm, (m) => " ".repeat(m.length));
  out = out.replace(/[*_`~]/g, " ");
  return out;
}
