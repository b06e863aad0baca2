/**
 * A manuscript as the reader sees it, whatever it came from: the whole work as plain text, chapters
 * in order (this text is what evidence line numbers count in), where each chapter starts, and the
 * metadata the format carries (an AO3 download's title, authors, tags).
 */

export type ManuscriptFormat = "text" | "markdown" | "html" | "ao3-html" | "epub" | "folder";

export interface ManuscriptChapter {
  title: string;
  /** Character offset in `Manuscript.text` where the chapter's text starts. */
  start: number;
  /** The file it came from, for a folder of chapters or an EPUB (its path inside the archive). */
  file?: string;
}

/** What an AO3 work's metadata block says; every field is optional, since generic works lack them. */
export interface WorkMetadata {
  title?: string;
  authors?: string[];
  rating?: string[];
  warnings?: string[];
  categories?: string[];
  fandoms?: string[];
  relationships?: string[];
  characters?: string[];
  tags?: string[];
  language?: string;
  summary?: string;
  notes?: string;
}

export interface Manuscript {
  /** The name shown in evidence and in the bible's `text` field (the file or folder name). */
  name: string;
  format: ManuscriptFormat;
  /** The encoding the bytes were read in, for plain text. */
  encoding?: string;
  text: string;
  chapters: ManuscriptChapter[];
  metadata?: WorkMetadata;
}

/** A manuscript that cannot be read: what is wrong, where, and what to do about it. */
export interface ManuscriptError {
  error: string;
  hint: string;
}
