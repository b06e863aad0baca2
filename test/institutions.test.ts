/** Laws bind, customs warn; reforms act from their date and within their scope. */
import { describe, expect, it } from "vitest";
import { mustLoad, of, person, run } from "./helpers/project.js";

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
