/**
 * The browser-safe engine: loading worlds and projects from any SourceReader, simulating, state at
 * a time and explanations. Nothing here touches the file system or any other Node module; a
 * browser supplies its own SourceReader (see core/io.ts) or loads from strings, with the canon
 * presets bundled in (see story/from-strings.ts). `npm run build` also bundles it into one file
 * for browsers, dist/engine.browser.js.
 */
export * from "./core/diagnostic.js";
export * from "./core/io.js";
export * from "./core/memory-reader.js";
export * from "./core/suggest.js";
export * from "./core/time.js";
export * from "./core/validate.js";
export * from "./core/yaml-source.js";
export * from "./world/load.js";
export * from "./story/load.js";
export * from "./story/from-strings.js";
export * from "./sim/event.js";
export * from "./sim/simulator.js";
export * from "./sim/state.js";
export * from "./sim/explain.js";
export * from "./sim/timeline.js";
export * from "./calendar/entries.js";
export { CANON_TEXTS } from "./world/canon-texts.js";
export { worldJsonSchema, projectJsonSchema } from "./world/json-schema.js";
// The TypeBox schemas share names with the loaded types above, so they are exported under other names.
export { World as WorldSchema } from "./world/schema.js";
export type { ExpressionContext, WorldSpec, CycleSpec, ModifierSpec, PhaseSpec, DistSpec, AdjustSpec, InstitutionSpec, ScentSpec } from "./world/schema.js";
export { Project as ProjectSchema } from "./story/schema.js";
export type { ProjectSpec, PersonSpec, PlaceSpec, ConnectionSpec, RelationSpec, ScheduledEventSpec } from "./story/schema.js";
