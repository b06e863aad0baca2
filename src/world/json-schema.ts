/** The published JSON Schemas (draft-07) of the world and project files, for editors' autocomplete. */
import { Project } from "../story/schema.js";
import { World } from "./schema.js";

/**
 * A world that `extends` another may leave out anything its parent gives, so the published schema
 * requires nothing but the top-level names it lists; Scentline itself checks completeness after
 * merging. TypeBox keeps its own markers under symbols, which JSON.stringify drops.
 */
function publish(schema: object, id: string, title: string, required: string[]): object {
  const plain = JSON.parse(JSON.stringify(schema, (key, value) => (key === "required" ? undefined : value)));
  return { $schema: "http://json-schema.org/draft-07/schema#", $id: id, title, ...plain, required };
}

export function worldJsonSchema(): object {
  return publish(World, "https://scentline.dev/schema/world.schema.json", "Scentline world file", ["id", "name"]);
}

export function projectJsonSchema(): object {
  return publish(Project, "https://scentline.dev/schema/project.schema.json", "Scentline story project (scentline.yaml)", ["world", "start", "cast"]);
}
