// Plays the ink example for some days of the story: `node examples/ink/run.mjs 10 65 66`
// (after `npm run build`). Kestrel's phase on each day comes from the Scentline engine.
import { readFileSync } from "node:fs";
import * as engine from "scentline/engine";
import { newGame } from "./game.mjs";

const here = (name) => readFileSync(new URL(name, import.meta.url), "utf8");
const play = newGame(engine, here("story.ink"), here("scentline.yaml"));
const days = process.argv.slice(2).map(Number);
for (const day of days.length ? days : [10, 65, 66]) process.stdout.write(play(day) + "\n");
