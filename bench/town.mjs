// Generates a story project of a town: homes of four along streets, each person stepping out
// into their street for two hours once every four weeks (a routine). Deterministic for a size.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";

export function writeTown(dir, people, { world = "classic", outings = true } = {}) {
  const homes = Math.ceil(people / 4);
  const streets = Math.ceil(homes / 10);
  const places = [];
  const connections = [];
  for (let s = 0; s < streets; s++) {
    places.push({ id: `street-${s}` });
    if (s > 0) connections.push({ between: [`street-${s - 1}`, `street-${s}`], distance: 300, kind: "open" });
  }
  for (let h = 0; h < homes; h++) {
    places.push({ id: `home-${h}` });
    connections.push({ between: [`home-${h}`, `street-${Math.floor(h / 10)}`], distance: 40, kind: "door" });
  }
  const designations = ["alpha", "beta", "beta", "omega"];
  const cast = [];
  const schedule = [];
  for (let i = 0; i < people; i++) {
    const home = `home-${Math.floor(i / 4)}`;
    const street = `street-${Math.floor(i / 40)}`;
    const year = 1950 + ((i * 37) % 55);
    cast.push({ id: `p${i}`, name: `Person ${i}`, born: `${year}-0${1 + (i % 9)}-1${i % 9}`, designation: designations[i % 4], location: home, ...(i % 7 === 0 ? { traits: ["suppressants"] } : {}) });
    if (!outings) continue;
    const day = 1 + (i % 28);
    schedule.push({ at: `+${day}d`, type: "move", who: `p${i}`, to: street, every: "4w" });
    schedule.push({ at: `+${day}d2h`, type: "move", who: `p${i}`, to: home, every: "4w" });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "scentline.yaml"), stringify({ title: `A town of ${people}`, world, start: "2026-01-01", seed: 1, cast, places, connections, schedule }, { lineWidth: 0 }));
  return dir;
}
