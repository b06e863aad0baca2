/**
 * Reading a draft's chapters ahead, on another core, while the reader is still reading the book.
 * Settling the draft (settle.ts) checks it, and the check reads every chapter again with the
 * draft's cast; the cast is known before the reader's longest stage, so that reading can be done
 * alongside it. It is the check's own code, for a cast and world with a key (see extractionKey),
 * and the check uses it only when its own key is the same: what the check finds never changes.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { stringify } from "yaml";
import { extractionKey, readChapter, type ChapterReading } from "../check/run.js";
import { vocabularyOf } from "../check/vocabulary.js";
import type { SourceReader } from "../core/io.js";
import { loadChapters } from "../story/chapters.js";
import { loadProject } from "../story/load.js";
import { FactExtractor } from "../text/facts.js";
import { proseOf } from "../text/source-text.js";
import type { CastEntry } from "./bible.js";
import { DRAFT_ROOT, memoryReader } from "./draft-files.js";

export interface ReadAheadRequest {
  /** The world the draft will name (a canon preset). */
  world: string;
  people: readonly CastEntry[];
  /** The draft's chapter files, as it will write them. */
  chapters: readonly { path: string; text: string }[];
}

export interface ReadAheadResult {
  key: string;
  chapters: [string, ChapterReading][];
}

/** Reads the chapters as a project with this cast and world would (what the thread does). */
export function readAhead(request: ReadAheadRequest, io: SourceReader): ReadAheadResult | undefined {
  // Only what extraction depends on: the names, aliases and pronouns as the draft states them.
  const cast = request.people.map((p, i) => ({ id: `p${i + 1}`, name: p.name, ...(p.aliases.length ? { aliases: p.aliases } : {}), ...(p.pronoun ? { pronouns: p.pronoun } : {}) }));
  const files = new Map([["scentline.yaml", stringify({ world: request.world, start: "2026-01-01", cast })], ...request.chapters.map((c) => [c.path, c.text] as const)]);
  const reader = memoryReader(files, io);
  const project = loadProject(`${DRAFT_ROOT}/scentline.yaml`, reader).project;
  if (!project) return undefined;
  const extractor = new FactExtractor(vocabularyOf(project));
  const { chapters } = loadChapters(project, reader);
  return { key: extractionKey(project), chapters: chapters.map((c) => [c.file, readChapter(extractor, c, proseOf(c.text, c.bodyStart))]) };
}

/** Below this size a book is read ahead: above it, the copies a thread needs cost more memory than the time saved is worth. */
const MOST = 5_000_000;

/** A thread that reads a draft's chapters ahead; see readAhead. */
export class ReadAheadThread {
  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly done: Int32Array,
  ) {}

  /** Starts the thread (it loads while the book is read); none with one core, for a long book, or where its script is missing. */
  static start(characters: number): ReadAheadThread | undefined {
    if (availableParallelism() < 2 || characters > MOST) return undefined;
    const script = new URL("./read-ahead-worker.js", import.meta.url);
    if (script.protocol !== "file:" || !existsSync(fileURLToPath(script))) return undefined;
    try {
      const { port1, port2 } = new MessageChannel();
      const done = new Int32Array(new SharedArrayBuffer(4));
      const worker = new Worker(script, { workerData: { port: port2, done }, transferList: [port2] });
      // A thread that fails only means the chapters are read in place.
      worker.on("error", () => Atomics.store(done, 0, 1));
      worker.unref();
      return new ReadAheadThread(worker, port1, done);
    } catch {
      return undefined;
    }
  }

  send(request: ReadAheadRequest): void {
    this.port.postMessage(request);
  }

  /** The chapters read, waiting for them at most `ms`; none when the thread failed or is late. Ends the thread. */
  take(ms: number): ReadAheadResult | undefined {
    Atomics.wait(this.done, 0, 0, ms);
    const result = receiveMessageOnPort(this.port)?.message as ReadAheadResult | undefined;
    this.port.close();
    void this.worker.terminate();
    return result;
  }
}
