/**
 * Scentline's library for Node: the whole engine (see engine.ts) plus the Node file reader and the
 * bundled canon presets, and calendar entries written as iCalendar text (`calendarIcs`).
 *
 *   import { loadProject, nodeReader, simulate, parseMoment } from "scentline";
 *   const { project, diagnostics } = loadProject("examples/daxam/scentline.yaml", nodeReader());
 *   const log = simulate(project!, { until: parseMoment("1y", project!.start)! });
 */
export * from "./engine.js";
export { nodeReader, canonNames, CANON_DIR, MAX_SOURCE_BYTES } from "./node/io.js";
export { calendarIcs, type IcsOptions } from "./calendar/ics.js";
