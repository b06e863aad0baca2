/** What every view shares: the model, the time cursor, and the ways to open a person or a file line. */
import type { StudioModel, StudioPerson } from "../model.js";

export type ViewId = "timeline" | "bonds" | "scent" | "person" | "findings";

export interface App {
  model: StudioModel;
  people: Map<string, StudioPerson>;
  cursor: number;
  setCursor(hour: number): void;
  /** Shows a project file (a chapter, scentline.yaml) in the reading pane, scrolled to a line. */
  openFile(file: string, line: number, column?: number): void;
  openPerson(id: string): void;
  show(view: ViewId): void;
  /** The person the sheet shows (and the other views highlight). */
  selected: string;
}

export interface View {
  id: ViewId;
  label: string;
  el: HTMLElement;
  /** The model changed (first load, or a save on disk). */
  refresh(app: App): void;
  /** Only the cursor moved: redraw what depends on time, cheaply. */
  moved(app: App): void;
  /** The view became visible (sizes are known now). */
  shown?(app: App): void;
}

export function nameOf(app: App, id: string): string {
  return app.people.get(id)?.name ?? id;
}
