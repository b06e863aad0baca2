#!/usr/bin/env node
/**
 * The `scentline` command line. Exit status: 0 success, 1 findings or a mistake in the input,
 * 2 a mistake in the command line itself.
 */
import { Command, CommanderError } from "commander";
import { register as calendar } from "./commands/calendar.js";
import { register as canon } from "./commands/canon.js";
import { register as check } from "./commands/check.js";
import { register as rules } from "./commands/rules.js";
import { register as read } from "./commands/read.js";
import { register as explain } from "./commands/explain.js";
import { register as schema } from "./commands/schema.js";
import { register as simulate } from "./commands/simulate.js";
import { register as state } from "./commands/state.js";
import { register as studio } from "./commands/studio.js";
import { register as validate } from "./commands/validate.js";
import { CliError, printError } from "./output.js";
import { version } from "./version.js";

const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

function buildProgram(): Command {
  const program = new Command("scentline")
    .description("A world engine for omegaverse fiction: world rules as data, a deterministic simulator, a continuity checker.")
    .version(version(), "-V, --version")
    // Settings made before the commands are added are inherited by them.
    .exitOverride()
    .showHelpAfterError("(add --help for usage)")
    .addHelpText("after", "\nExit status: 0 success, 1 findings or a mistake in the input, 2 a mistake in the command line.\nColour is used on a terminal unless NO_COLOR is set.");
  for (const register of [validate, simulate, state, explain, calendar, check, studio, rules, read, schema, canon]) register(program);
  return program;
}

async function main(argv: readonly string[] = process.argv): Promise<void> {
  // A closed pipe (`scentline simulate … | head`) ends the output quietly.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    // Any other failure to write (a full disk, say) is said in one line, without a stack trace.
    process.stderr.write(`error: cannot write the output: ${e.code ?? e.message}\n`);
    process.exit(EXIT_FINDINGS);
  });
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander has already printed its message (or the help, or the version).
      process.exitCode = e.exitCode === 0 ? 0 : EXIT_USAGE;
    } else if (e instanceof CliError) {
      printError(e.message, e.hint);
      process.exitCode = EXIT_FINDINGS;
    } else {
      const err = e instanceof Error ? e : new Error(String(e));
      process.stderr.write(`internal error: ${err.message}\n`);
      if (process.env.SCENTLINE_DEBUG) process.stderr.write(`${err.stack ?? ""}\n`);
      process.exitCode = EXIT_FINDINGS;
    }
  }
}

await main();
