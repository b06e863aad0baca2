// The ink example's game: compiles story.ink with inkjs and binds its external function
// phase(who, day) to a Scentline engine, so the scene branches on the simulated world. The engine is
// passed in: `scentline/engine` in Node, or the same module in a browser (dist/engine.browser.js).
import { Compiler, Story } from "inkjs/full";

/**
 * `engine` is the scentline/engine module, `ink` the text of story.ink, `project` the text of a
 * scentline.yaml. Returns play(day): the scene's text on that day of the story (day 1 is its start).
 */
export function newGame(engine, ink, project, options = {}) {
  const { project: loaded, diagnostics } = engine.loadProjectFromStrings(project);
  if (!loaded) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  const timeline = new engine.Timeline(loaded, { seed: options.seed });
  // Compiled once; each play starts a fresh story from the compiled JSON.
  const json = new Compiler(ink).Compile().ToJson();
  return function play(day) {
    const story = new Story(json);
    // Noon of the given day; "" when the person is in no cycle then.
    story.BindExternalFunction("phase", (who, d) => timeline.person(String(who), `+${Number(d) - 1}d12h`)?.phase ?? "", true);
    story.variablesState["day"] = day;
    return story.ContinueMaximally();
  };
}
