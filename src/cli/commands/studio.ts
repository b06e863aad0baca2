/** `scentline studio <project>`: a local web page that shows the project's timeline, bonds, scent and findings, live. */
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { momentOption } from "../options.js";
import { CliError } from "../output.js";

interface StudioCommandOptions {
  port: number;
  open?: boolean;
  until?: string;
}

function portOption(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n > 65535) throw new InvalidArgumentError("expected a port number from 0 to 65535 (0 picks a free one)");
  return n;
}

export function register(program: Command): void {
  program
    .command("studio")
    .description("open the project in a local web page (timeline, bond graph, scent map, people, findings) that follows every save")
    .argument("<project>", "a project folder (with a scentline.yaml), or the path of its scentline.yaml")
    .option("--port <n>", "the port on 127.0.0.1 (0 picks a free one)", portOption, 4873)
    .option("--open", "open the page in the default browser (or with the command in BROWSER, when set)")
    .option("--until <moment>", "how far to simulate: a date or a time after the start (default: a year, or a month past the last chapter)", momentOption)
    .addHelpText("after", "\nThe studio listens on 127.0.0.1 only, reads only files inside the project and never writes. Ctrl-C stops it.")
    .action((dir: string, options: StudioCommandOptions) => studioCommand(dir, options));
}

async function studioCommand(dir: string, options: StudioCommandOptions): Promise<void> {
  const [{ projectFile }, { startStudio }] = await Promise.all([import("../project.js"), import("../../studio/server.js")]);
  const file = projectFile(dir);
  let studio;
  try {
    studio = await startStudio({ file, port: options.port, until: options.until, onRebuild: (ms) => process.stderr.write(`updated in ${Math.round(ms)} ms\n`) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new CliError(`port ${options.port} on 127.0.0.1 is in use`, "give another with --port, or --port 0 for any free one");
    throw e;
  }
  const m = studio.project.model;
  process.stderr.write(`${m.title}: ${m.people.length} people, ${m.eventCount} events, ${m.findings.length} findings\nstudio at ${studio.url} (Ctrl-C to stop)\n`);
  if (options.open) await openBrowser(studio.url);
  const stop = () => void studio.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await new Promise<never>(() => undefined);
}

/**
 * Opens the page with the command in BROWSER when it is set, else the platform's own opener. As
 * xdg-utils reads BROWSER: a list of commands (separated by ":" or, on Windows, ";") tried in
 * turn, each a program and its arguments, "%s" standing for the address (else it comes last); a
 * program's path with spaces is taken whole when it names a file. A failure only means the address
 * has to be opened by hand.
 */
async function openBrowser(url: string): Promise<void> {
  const chosen = process.env.BROWSER?.trim();
  const commands: [string, string[]][] = chosen
    ? await browserCommands(chosen, url)
    : [process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : ["xdg-open", [url]]];
  const { spawn } = await import("node:child_process");
  const tryFrom = (k: number): void => {
    if (k >= commands.length) {
      process.stderr.write(`could not open a browser${chosen ? ` with BROWSER=${chosen}` : ""}: open ${url} by hand\n`);
      return;
    }
    try {
      const child = spawn(commands[k][0], commands[k][1], { stdio: "ignore", detached: true });
      child.on("error", () => tryFrom(k + 1));
      child.unref();
    } catch {
      tryFrom(k + 1);
    }
  };
  tryFrom(0);
}

async function browserCommands(value: string, url: string): Promise<[string, string[]][]> {
  const [{ existsSync }, { delimiter }] = await Promise.all([import("node:fs"), import("node:path")]);
  if (existsSync(value)) return [[value, [url]]];
  return value
    .split(delimiter)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry): [string, string[]] => {
      if (existsSync(entry)) return [entry, [url]];
      const [program, ...words] = entry.split(/\s+/);
      const args = words.map((w) => w.replaceAll("%s", url));
      if (!words.some((w) => w.includes("%s"))) args.push(url);
      return [program, args];
    });
}
