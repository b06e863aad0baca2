/** `scentline read --out DIR`: drafts a story project from the manuscript and writes it whole, or not at all. */
import { relative, resolve, sep } from "node:path";
import type { SourceReader } from "../core/io.js";
import { CANON_DIR } from "../node/io.js";
import type { Bible } from "../reader/bible.js";
import type { Manuscript } from "../reader/manuscript.js";
import { draftProject } from "../reader/project.js";
import type { ReadAheadResult } from "../reader/read-ahead.js";
import type { World } from "../world/load.js";
import { CliError, plural } from "./output.js";
import { refuseTarget, writeFolder, type FolderOps } from "./write-folder.js";

export interface WriteProjectOptions {
  force: boolean;
  io: SourceReader;
  /** The bible's world, when it is loaded already. */
  world?: World;
  /** The chapters as read ahead for the draft's cast. */
  readAhead?: ReadAheadResult;
  ops?: FolderOps;
}

export function writeProject(manuscript: Manuscript, bible: Bible, out: string, options: WriteProjectOptions): void {
  // Said before the draft is checked, and again at the moment of writing.
  refuseTarget(out, options.force);
  const schema = relative(resolve(out), resolve(CANON_DIR, "../schema/project.schema.json")).split(sep).join("/");
  let project;
  try {
    project = draftProject(manuscript, bible, { io: options.io, schema, world: options.world, readAhead: options.readAhead });
  } catch (e) {
    throw new CliError(`cannot draft a story project from ${manuscript.name}: ${e instanceof Error ? e.message : String(e)}`, "nothing was written; `scentline read` without --out still prints the bible");
  }
  const { leftover } = writeFolder(out, project.files, { replace: options.force, ops: options.ops });
  const d = project.draft;
  const count = (axis: "designation" | "alignment") => d.people.filter((p) => p[axis]).length;
  const stated = d.relations.filter((r) => !r.heldBack).length;
  const by = (severity: string) => project.findings.filter((f) => f.severity === severity).length;
  process.stderr.write(
    [
      `wrote ${out}: ${d.people.length === 1 ? "1 person" : `${d.people.length} people`} (${plural(count("designation"), "designation")}, ${plural(count("alignment"), "alignment")} stated), ` +
        `${plural(stated, "relation")} (${d.relations.length - stated} held back in comments), ${plural(d.chapters.length, "chapter")}, bible.json`,
      `scentline check: ${plural(by("error"), "error")}, ${plural(by("warning"), "warning")}, ${plural(by("info"), "note")}; add birth dates where it asks, then run \`scentline check ${out}\``,
      ...(leftover ? [`the old folder could not be removed: it is at ${leftover}`] : []),
    ].join("\n") + "\n",
  );
}
