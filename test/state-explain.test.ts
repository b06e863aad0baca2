import { describe, expect, it } from "vitest";
import { parseDate } from "../src/core/time.js";
import { explain, explanationText } from "../src/sim/explain.js";
import { stateAt } from "../src/sim/state.js";
import { loadExample, mustLoad, person, run } from "./helpers/project.js";

describe("state at a time", () => {
  it("shows bonds, guardians, legal status and locations as of the moment asked", () => {
    const project = loadExample("guardianship");
    const before = stateAt(project, parseDate("2026-01-10")!);
    const rey = (s: typeof before) => s.people.find((p) => p.id === "rey")!;
    expect(rey(before)).toMatchObject({ designation: "omega", guardian: "maz", bondedTo: "", location: "rey-house" });
    const after = stateAt(project, parseDate("2026-03-01")!);
    expect(rey(after)).toMatchObject({ guardian: "", bondedTo: "ben", location: "solo-house" });
    expect(rey(after).scent).toContain("bonded");
  });

  it("a person not yet presented is 'unpresented', one whose species lacks the axis is 'none'", () => {
    const s = stateAt(loadExample("classic"), parseDate("2026-01-02")!);
    expect(s.people.find((p) => p.id === "tam")!.designation).toBe("unpresented");
    const fo = stateAt(loadExample("first-order"), parseDate("2026-01-02")!);
    expect(fo.people.find((p) => p.id === "phasma")!.designation).toBe("none");
    expect(fo.people.find((p) => p.id === "hux")!.scent).toBe("sterile (suppressed)");
  });

  it("is the same for the same seed", () => {
    const p = loadExample("daxam");
    expect(JSON.stringify(stateAt(p, parseDate("2026-09-01")!, 3))).toBe(JSON.stringify(stateAt(p, parseDate("2026-09-01")!, 3)));
  });
});

describe("explain", () => {
  it("walks a bond back to the bite rule, the input line and the earlier Visits", () => {
    const { log } = run(loadExample("guardianship"), "2026-06-01");
    const bond = log.find((e) => e.type === "bond-formed")!;
    const tree = explain(log, bond.id)!;
    expect(tree.rules.map((r) => r.id)).toEqual(expect.arrayContaining(["GU-14", "GU-17"]));
    expect(tree.inputs[0].at?.file).toBe("scentline.yaml");
    const text = explanationText(tree).join("\n");
    expect(text).toContain("GU-17");
    expect(text).toMatch(/scentline\.yaml:\d+:\d+/);
  });

  it("answers nothing for an unknown id", () => {
    const { log } = run(loadExample("guardianship"), "2026-02-01");
    expect(explain(log, "e999999")).toBeUndefined();
  });
});

describe("owners and what scent reveals", () => {
  it("an owner named by alias in the cast is the owner, and the owned person is enslaved", () => {
    const project = mustLoad({
      world: "daxam",
      start: "2026-01-01",
      places: [{ id: "room" }],
      cast: [person("kara", "alpha", { aliases: ["Kara Zor-El"] }), person("lena", "omega", { owner: "kara zor-el" })],
    });
    const s = stateAt(project, parseDate("2026-01-02")!);
    expect(s.people[1]).toMatchObject({ owner: "kara", status: "enslaved" });
  });

  it("scent reveals the cycle phase where the world says so", () => {
    const project = mustLoad({ world: "classic", start: "2026-01-01", places: [{ id: "room" }], cast: [person("wren", "omega")] });
    const { log } = run(project, "2026-12-31", 2);
    const heat = log.find((e) => e.type === "heat-began")!;
    const s = stateAt(project, heat.hour + 1, 2);
    expect(s.people[0].scent).toContain("in heat");
  });
});

describe("births during the story", () => {
  it("someone born after the start is 'not yet born' before then, with age 0, and ages from birth", () => {
    const project = mustLoad({ world: "daxam", start: "2026-01-01", places: [{ id: "room" }], cast: [person("kara", "alpha"), { id: "pup", name: "Pup", born: "2027-01-01", designation: "omega", location: "room" }] });
    expect(stateAt(project, parseDate("2026-06-01")!).people[1]).toMatchObject({ born: false, age: 0 });
    expect(stateAt(project, parseDate("2026-06-01")!).people[1].location).toBe("");
    expect(stateAt(project, parseDate("2029-06-01")!).people[1]).toMatchObject({ born: true, age: 2, designation: "omega", location: "room" });
    const { log } = run(project, "2027-02-01");
    expect(log.filter((e) => e.people.includes("pup") && e.hour < parseDate("2027-01-01")!)).toEqual([]);
    expect(log.find((e) => e.type === "born")?.hour).toBe(parseDate("2027-01-01"));
  });
});
