/** Laws bind, customs warn; reforms act from their date and within their scope. */
import { describe, expect, it } from "vitest";
import { mustLoad, of, person, run } from "./helpers/project.js";
import { loadWorldText } from "./helpers/world.js";

const lawWorld = `extends: guardianship
id: strict-courtship
name: Strict courtship
institutions:
  courtship-visits:
    kind: law
`;
const base = { start: "2026-01-01", places: [{ id: "room" }] };
const cast = [person("rey", "omega"), person("ben", "alpha"), person("bo", "beta")];

describe("custom and law", () => {
  it("the same rule as a law refuses a bond before the required Visits, where the custom only warns", () => {
    const schedule = [{ at: "+1d", type: "bite", who: "ben", with: ["rey"], knot: true, blood: true }];
    const asLaw = run(mustLoad({ ...base, world: "./world.yaml", cast, schedule }, { "world.yaml": lawWorld }), "2026-02-01").log;
    expect(of(asLaw, "refused").length).toBe(1);
    expect(of(asLaw, "bond-formed")).toEqual([]);
    const asCustom = run(mustLoad({ ...base, world: "guardianship", cast, schedule }), "2026-02-01").log;
    expect(of(asCustom, "custom-departure").length).toBe(1);
    expect(of(asCustom, "bond-formed").length).toBe(1);
  });

  it("an institution with from/until dates acts only while in force", () => {
    const world = `extends: classic
id: mandate
name: Mandate
institutions:
  mandate:
    kind: law
    effect: mandate-suppressants
    appliesTo: person.designation == omega
    from: "2026-03-01"
    until: "2026-06-01"
`;
    const { log } = run(mustLoad({ ...base, world: "./world.yaml", cast }, { "world.yaml": world }), "2026-07-01");
    const mandated = of(log, "suppressants-mandated");
    expect(mandated.map((e) => e.people[0])).toEqual(["rey"]);
    expect(of(log, "enacted")[0].hour).toBe(mandated[0].hour);
    expect(of(log, "repealed").length).toBe(1);
  });
});

describe("pairings a world bars (bar-pairing)", () => {
  const world = (kind: string) => `extends: classic
id: barred
name: Barred
institutions:
  no-alpha-beta:
    kind: ${kind}
    effect: bar-pairing
    pair: self.designation == alpha && partner.designation == beta
`;
  const schedule = [
    { at: "+1d", type: "partner", who: "bo", with: ["ben"] },
    { at: "+2d", type: "match", who: "ben", with: ["bo"] },
    { at: "+3d", type: "bite", who: "ben", with: ["bo"] },
    { at: "+4d", type: "bite", who: "ben", with: ["rey"] },
  ];

  it("as a law, refuses a partnership, a match and a bond between the pair it names, whichever of them is named first", () => {
    const { log, sim } = run(mustLoad({ ...base, world: "./world.yaml", cast, schedule }, { "world.yaml": world("law") }), "2026-01-10");
    expect(of(log, "refused").map((e) => e.text)).toEqual([
      "A partnership between Bo and Ben is refused by law (no-alpha-beta).",
      "A match between Ben and Bo is refused by law (no-alpha-beta).",
      "A bond between Ben and Bo is refused by law (no-alpha-beta).",
    ]);
    expect(of(log, "partnered")).toEqual([]);
    expect(of(log, "matched")).toEqual([]);
    expect(of(log, "bond-formed").map((e) => e.people)).toEqual([["ben", "rey"]]);
    expect(sim.partner[2]).toBe(-1);
  });

  it("as a custom, lets each happen with a warning", () => {
    const { log } = run(mustLoad({ ...base, world: "./world.yaml", cast, schedule: schedule.slice(0, 3) }, { "world.yaml": world("custom") }), "2026-01-10");
    expect(of(log, "custom-departure").map((e) => e.severity)).toEqual(["warning", "warning", "warning"]);
    expect([of(log, "partnered").length, of(log, "matched").length, of(log, "bond-formed").length]).toEqual([1, 1, 1]);
  });
  it("with acts, covers only the acts it lists: a bar on bonds and matches lets a partnership be", () => {
    const limited = world("law") + "    acts: [bond, match]\n";
    const { log } = run(mustLoad({ ...base, world: "./world.yaml", cast, schedule }, { "world.yaml": limited }), "2026-01-10");
    expect(of(log, "refused").map((e) => e.text)).toEqual(["A match between Ben and Bo is refused by law (no-alpha-beta).", "A bond between Ben and Bo is refused by law (no-alpha-beta)."]);
    expect(of(log, "partnered").map((e) => e.people)).toEqual([["bo", "ben"]]);
  });

  it("acts must name acts, and is read only by bar-pairing: otherwise it is an error or a warning at its line", () => {
    const bad = loadWorldText(world("law") + "    acts: [bond, kiss]\n");
    expect(bad.world).toBeUndefined();
    const d = bad.diagnostics.find((x) => x.severity === "error")!;
    expect([d.at?.line, d.hint]).toEqual([9, expect.stringContaining("bond, partner, match")]);
    const unread = loadWorldText(`extends: classic
id: unread
name: Unread
institutions:
  mandate:
    kind: law
    effect: mandate-suppressants
    acts: [bond]
`);
    expect(unread.world).toBeDefined();
    expect(unread.diagnostics.map((x) => [x.severity, x.code, x.at?.line, x.at?.column])).toEqual([["warning", "field-not-read", 8, 11]]);
  });
});

describe("an injury (injure) brings only the laws that act on the injured to look again", () => {
  it("in guardianship, an orphaned omega's injury appoints no second guardian", () => {
    const cast = [person("rey", "omega", { traits: ["orphaned"] }), person("ben", "alpha")];
    const { log } = run(mustLoad({ ...base, world: "guardianship", cast, schedule: [{ at: "+1d", type: "injure", who: "rey" }] }), "2026-01-03");
    expect(of(log, "injured").length).toBe(1);
    expect(of(log, "guardian-appointed").map((e) => e.text)).toEqual(["A court-appointed guardian (not in the cast) is appointed guardian of Rey until a match."]);
  });

  it("in first-order, an injury after stop-suppressants does not put the person back on them", () => {
    const cast = [person("hux", "alpha"), person("rey", "omega")];
    const schedule = [
      { at: "+1d", type: "stop-suppressants", who: "rey" },
      { at: "+2d", type: "injure", who: "rey" },
    ];
    const { log, sim } = run(mustLoad({ ...base, world: "first-order", cast, schedule }), "2026-01-04");
    expect(of(log, "suppressants-mandated", "rey").length).toBe(1);
    expect(of(log, "suppressants-stopped", "rey").length).toBe(1);
    expect(sim.suppressed[1]).toBe(0);
  });
});
