/**
 * Watches a project folder for saved changes to its YAML and chapter files, and calls back once
 * an editor's several writes have settled. Hidden folders (.git) and other files are ignored.
 */
import { watch, type FSWatcher } from "node:fs";

export interface Watcher {
  close(): void;
}

const WATCHED = /\.(md|markdown|txt|ya?ml|html?|xhtml)$/i;

export function watchProject(root: string, settleMs: number, changed: () => void): Watcher {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(root, { recursive: true }, (_event, name) => {
      const file = name ? String(name) : "";
      if (!file || !WATCHED.test(file) || file.split(/[/\\]/).some((p) => p.startsWith("."))) return;
      clearTimeout(timer);
      timer = setTimeout(changed, settleMs);
    });
    // A folder that disappears while watched ends the watch; the studio still serves the last model.
    watcher.on("error", () => watcher?.close());
  } catch {
    watcher = undefined;
  }
  return {
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
