/** `scentline read <file>`: a draft story bible from a manuscript. */
import { Option, type Command } from "commander";
import { CliError, writeResult } from "../output.js";

interface ReadOptions {
  format: "json" | "pretty";
  out?: string;
}

export function register(program: Command): void {
  program
    .command("read")
    .description("read a manuscript (plain text or Markdown) and print a draft story bible: characters, designations, relations, with evidence")
    .argument("<file>", "the manuscript")
    .addOption(new Option("--format <format>", "json: the story bible as JSON; pretty: for reading").choices(["json", "pretty"]).default("pretty"))
    .option("--out <file>", "write to this file (replaced only once complete) instead of stdout")
    .action((file: string, options: ReadOptions) => readCommand(file, options));
}

async function readCommand(file: string, options: ReadOptions): Promise<void> {
  const [{ loadManuscript, isManuscriptError }, { readText }, { readerWords }, { loadWorld }, { nodeReader }] = await Promise.all([
    import("../../reader/input/load.js"),
    import("../../reader/bible.js"),
    import("../../reader/words.js"),
    import("../../world/load.js"),
    import("../../node/io.js"),
  ]);
  const manuscript = loadManuscript(file);
  if (isManuscriptError(manuscript)) throw new CliError(manuscript.error, manuscript.hint);
  const io = nodeReader();
  const world = loadWorld(io.preset("classic")!, io).world!;
  const bible = readText(manuscript.name, manuscript.text, readerWords(world));
  if (options.format === "json") {
    writeResult([JSON.stringify(bible, null, 2) + "\n"], options.out);
    return;
  }
  const lines = [`${bible.text}: ${bible.characters.length} characters, ${bible.relations.length} relations`, ""];
  for (const c of bible.characters) {
    lines.push(`${c.name}${c.aliases.length ? ` (${c.aliases.join(", ")})` : ""}: ${c.major ? "major" : "minor"}, ${c.mentions} mentions, ${c.designation}${c.confidence ? ` (${Math.round(c.confidence * 100)}%)` : ""}${c.alignment !== "unknown" ? `, ${c.alignment}` : ""}`);
    for (const e of c.evidence) lines.push(`    line ${e.line}: "${e.quote}"`);
  }
  lines.push("");
  for (const r of bible.relations) lines.push(`${r.a} — ${r.kind} — ${r.b}: line ${r.evidence[0].line} "${r.evidence[0].quote}"`);
  writeResult([lines.join("\n") + "\n"], options.out);
}
