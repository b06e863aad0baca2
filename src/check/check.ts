/**
 * What a check is: an id, a default severity, a doc with a wrong and a right example, and a
 * visitor over the story's facts in story-time order (like an ESLint rule over a syntax tree).
 * The simulator runs alongside, so a check reads the world's state at the time of each fact.
 */
import type { Severity, SourcePosition } from "../core/diagnostic.js";
import type { Hour } from "../core/time.js";
import type { Simulator } from "../sim/simulator.js";
import type { Chapter } from "../story/chapters.js";
import type { Project } from "../story/load.js";
import type { Fact } from "../text/facts.js";
import type { FindingCause } from "./finding.js";
import type { StoryRecord } from "./record.js";

export interface CheckMeta {
  id: string;
  severity: Severity;
  /** One paragraph: what the check finds and why it matters. */
  description: string;
  /** Prose the check reports, and the same prose put right. */
  wrong: string;
  right: string;
  /** True for checks no configuration can turn off or lower (under-age). */
  fixed?: boolean;
}

/** A fact with where and when it is told. */
export type StoryFact = Fact & { chapter: Chapter; hour: Hour };

export interface Report {
  /** The fact whose words the finding points at; or a chapter and a span in it. */
  fact?: StoryFact;
  chapter?: Chapter;
  span?: { start: number; end: number };
  /** A line of the project file (a cast entry), for a finding about the project rather than the prose. */
  at?: SourcePosition;
  message: string;
  causes?: FindingCause[];
  hint?: string;
  /** Overrides the check's severity for this finding (a custom broken, say, is a warning). */
  severity?: Severity;
}

export interface CheckContext {
  project: Project;
  chapters: readonly Chapter[];
  /** The simulator, advanced to the hour of the fact being visited. */
  sim: Simulator;
  /** What the project and the chapters so far say happened, for questions about the past. */
  record: StoryRecord;
  name(person: number): string;
  /** A cause pointing at a fact's words. */
  cite(f: StoryFact, text: string): FindingCause;
  report(r: Report): void;
}

export interface CheckVisitor {
  /** Each fact, in story-time order (chapter date, then reading order). */
  fact?(f: StoryFact): void;
  /** Each chapter, in reading order, before any of its facts. */
  chapter?(c: Chapter): void;
  end?(): void;
}

export interface Check {
  meta: CheckMeta;
  create(ctx: CheckContext): CheckVisitor;
}
