/** `scentline read <manuscript>`: a draft story bible from a manuscript, and with --out a draft story project. */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Option, type Command } from "commander";
import type { Bible, CastEntry } from "../../reader/bible.js";
import type { Manuscript, WorkMetadata } from "../../reader/manuscript.js";
import type { ReadAheadThread } from "../../reader/read-ahead.js";
import { CliError, plural, writeResult } from "../output.js";

interface ReadOptions {
  format?: "json" | "yaml" | "pretty";
  out?: string;
  force?: boolean;
}

export function register(program: Command): void {
  program
    .command("read")
    .description("read a manuscript and print a draft story bible (characters, designations, relations, with evidence); with --out, write a draft story project")
    .argument("<manuscript>", "the manuscript: a plain text, Markdown, HTML (an AO3 download or any page) or EPUB file, or a folder of chapter files")
    .addOption(new Option("--format <format>", "what goes to stdout: json (the story bible), yaml (the same as YAML), pretty (for reading; the default without --out)").choices(["json", "yaml", "pretty"]))
    .option("--out <dir>", "write a draft story project to this folder (scentline.yaml, chapters/, bible.json) and a summary to stderr; stdout stays empty unless --format is given")
    .option("--force", "with --out: replace a folder that is not empty (the old one is removed only once the new one is complete)")
    .addHelpText("after", "\nThe project states only what the text makes sure, each fact with the words it rests on; the rest is left in comments.\nNo one gets a birth date the text does not give. Run `scentline check <dir>` on it next.")
    .action((file: string, options: ReadOptions) => readCommand(file, options));
}

async function readCommand(file: string, options: ReadOptions): Promise<void> {
  if (options.force && options.out === undefined) throw new CliError("--force goes with --out", "add --out <dir>, the folder to write the project to");
  const [{ loadManuscript, isManuscriptError }, { readText }, { readerWords }, { loadWorld }, { nodeReader }, { fitWorld }] = await Promise.all([
    import("../../reader/input/load.js"),
    import("../../reader/bible.js"),
    import("../../reader/words.js"),
    import("../../world/load.js"),
    import("../../node/io.js"),
    import("../../reader/world-fit.js"),
  ]);
  // A folder that cannot be written is said before the book is read, not after.
  if (options.out !== undefined) (await import("../write-folder.js")).refuseTarget(options.out, options.force === true);
  const manuscript = loadManuscript(file);
  if (isManuscriptError(manuscript)) throw new CliError(manuscript.error, manuscript.hint);
  // The draft's chapters are read again to check it: a thread does that while the book is read.
  const ahead = options.out === undefined ? undefined : await readAheadFor(manuscript);
  const io = nodeReader();
  const worlds = new Map(io.presets().flatMap((id) => {
    const w = loadWorld(io.preset(id)!, io).world;
    return w ? [[id, w] as const] : [];
  }));
  const fit = fitWorld(manuscript.text, worlds, tagsOf(manuscript.metadata));
  const progress = stageReporter(manuscript.text.length);
  const onCast = ahead && ((people: readonly CastEntry[]) => ahead.thread.send({ world: fit.preset, people, chapters: ahead.chapters }));
  const bible: Bible = { ...readText(manuscript.name, manuscript.text, readerWords(worlds.get("classic")!), { onStage: progress.stage, chapters: manuscript.chapters, onCast }), world: fit.preset, worldFit: fit };
  progress.done();
  if (options.out !== undefined) {
    const { writeProject } = await import("../read-project.js");
    const readAhead = ahead?.thread.take(READ_AHEAD_WAIT);
    writeProject(manuscript, bible, options.out, { force: options.force === true, io, world: worlds.get(fit.preset), readAhead });
  }
  const format = options.format ?? (options.out === undefined ? "pretty" : undefined);
  if (format === "json") writeResult([JSON.stringify(bible, null, 2) + "\n"]);
  else if (format === "yaml") writeResult([(await import("yaml")).stringify(bible, { lineWidth: 0 })]);
  else if (format === "pretty") writeResult([pretty(bible)]);
}

/** How long the draft waits for its chapters read ahead (ms) before it reads them itself. */
const READ_AHEAD_WAIT = 3000;

/** A thread to read the draft's chapters ahead, with the chapter files the draft will have; none where it cannot help. */
async function readAheadFor(manuscript: Manuscript): Promise<{ thread: ReadAheadThread; chapters: { path: string; text: string }[] } | undefined> {
  const [{ ReadAheadThread }, { chapterFiles }] = await Promise.all([import("../../reader/read-ahead.js"), import("../../reader/project.js")]);
  const thread = ReadAheadThread.start(manuscript.text.length);
  return thread && { thread, chapters: chapterFiles(manuscript) };
}

let gc: (() => void) | undefined;

/** A full garbage collection, which V8 otherwise puts off while a long book's heap grows. */
function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  gc();
}

/** A long book (over a million characters, a second or more) reports each stage on stderr. */
function stageReporter(characters: number): { stage: (name: string) => void; done: () => void } {
  const began = performance.now();
  const long = characters > 1_000_000;
  const seconds = () => ((performance.now() - began) / 1000).toFixed(1);
  return {
    stage: (name) => {
      if (!long) return;
      process.stderr.write(`reading: ${name} (${seconds()} s)\n`);
      // Each stage leaves the last one's working data behind: let it go before the next one grows.
      collectGarbage();
    },
    done: () => {
      if (long) process.stderr.write(`read ${(characters / 1e6).toFixed(1)} million characters in ${seconds()} s\n`);
    },
  };
}

/** An AO3 work's tags that say something about its world. */
function tagsOf(metadata: WorkMetadata | undefined): string[] {
  return metadata ? [...(metadata.tags ?? []), ...(metadata.relationships ?? []), ...(metadata.warnings ?? [])] : [];
}

function pretty(bible: Bible): string {
  const lines = [`${bible.text}: ${plural(bible.characters.length, "character")}, ${plural(bible.relations.length, "relation")}`, ""];
  const fit = bible.worldFit?.fits[0];
  if (fit) {
    lines.push(`world: ${fit.preset} fits best (score ${fit.score})`);
    for (const c of fit.confirms) lines.push(`    confirms ${c.feature}${c.rules.length ? ` (${c.rules.join(", ")})` : ""}: ${c.evidence[0] ? `line ${c.evidence[0].line} "${c.evidence[0].quote}"` : ""}`);
    for (const c of fit.contradicts) lines.push(`    contradicts: the text shows ${c.feature}, which this world lacks: ${c.evidence[0] ? `line ${c.evidence[0].line} "${c.evidence[0].quote}"` : ""}`);
    lines.push("");
  }
  for (const c of bible.characters) {
    lines.push(`${c.name}${c.aliases.length ? ` (${c.aliases.join(", ")})` : ""}: ${c.major ? "major" : "minor"}, ${c.mentions} mentions, ${c.designation}${c.confidence ? ` (${Math.round(c.confidence * 100)}%)` : ""}${c.alignment !== "unknown" ? `, ${c.alignment}` : ""}`);
    for (const e of c.evidence) lines.push(`    line ${e.line}: "${e.quote}"`);
  }
  lines.push("");
  for (const e of bible.events.slice(0, 40)) lines.push(`${e.kind}: ${e.people.join(", ")}, ${e.what}${e.chapter ? ` (${e.chapter})` : ""}: line ${e.evidence[0].line} "${e.evidence[0].quote}"`);
  if (bible.events.length > 40) lines.push(`… and ${bible.events.length - 40} more events (--format json lists them all)`);
  lines.push("");
  for (const r of bible.relations) lines.push(`${r.a} — ${r.kind} — ${r.b}: line ${r.evidence[0].line} "${r.evidence[0].quote}"`);
  return lines.join("\n") + "\n";
}
