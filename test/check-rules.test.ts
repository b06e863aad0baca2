/** Each check with prose it must report and prose it must let pass (like ESLint's rule tests). */
import { describe, expect, it } from "vitest";
import { byRule, chapter, errors, storyWith } from "./helpers/check.js";

const rey = { id: "rey", name: "Rey", pronouns: "she", born: "2000-06-01", designation: "omega", location: "room" };
const ben = { id: "ben", name: "Ben Solo", aliases: ["Ben"], pronouns: "he", born: "1998-03-10", designation: "alpha", location: "room" };
const maz = { id: "maz", name: "Maz", born: "1970-01-20", designation: "beta", location: "room" };

describe("designation-mismatch", () => {
  it("reports a designation the cast contradicts, at the words", () => {
    const r = storyWith("classic", [rey, ben], { "01.md": chapter("2026-01-02", "Rey, an alpha, keeps watch.") });
    const [f] = byRule(r, "designation-mismatch");
    expect(f).toMatchObject({ severity: "error", line: 4, column: 1, evidence: "Rey, an alpha" });
    expect(f.message).toContain("the cast says Rey is an omega");
  });
  it("reports a change from an earlier chapter when the cast gives none", () => {
    const r = storyWith("classic", [{ ...rey, designation: undefined }, ben], {
      "01.md": chapter("2026-01-02", "Rey is an omega."),
      "02.md": chapter("+1d", "The alpha Rey waits."),
    });
    const [f] = byRule(r, "designation-mismatch");
    expect(f.file).toMatch(/02\.md$/);
    expect(f.causes[0].file).toMatch(/01\.md$/);
  });
  it("makes a contradiction that rests on a pronoun a warning, and says to check the pronoun", () => {
    const r = storyWith("classic", [rey, ben], { "01.md": chapter("2026-01-02", "Rey came in. She was an alpha that morning.") });
    const [f] = byRule(r, "designation-mismatch");
    expect(f).toMatchObject({ severity: "warning", evidence: "She was an alpha" });
    expect(f.hint).toContain('check first that the pronoun in "She was an alpha" is Rey');
  });
  it("passes agreeing words, negations and comparisons", () => {
    const r = storyWith("classic", [rey, ben, maz], { "01.md": chapter("2026-01-02", "Rey, an omega, waits. Ben is an alpha. Maz is not an alpha. Rey stands like an alpha.") });
    expect(byRule(r, "designation-mismatch")).toEqual([]);
  });
});

describe("presentation-timing", () => {
  it("reports a designation named before the youngest presentation age", () => {
    const child = { id: "kid", name: "Kit", born: "2017-01-01", location: "room" };
    const r = storyWith("classic", [child, ben], { "01.md": chapter("2026-01-02", "Kit is an omega.") });
    expect(byRule(r, "presentation-timing")).toHaveLength(1);
  });
  it("passes once the person is old enough, and in a world where designation is known from birth", () => {
    const teen = { id: "kid", name: "Kit", born: "2011-01-01", location: "room" };
    expect(byRule(storyWith("classic", [teen, ben], { "01.md": chapter("2026-01-02", "Kit is an omega.") }), "presentation-timing")).toEqual([]);
    const baby = { id: "kid", name: "Kit", born: "2025-01-01", location: "room" };
    expect(byRule(storyWith("daxam", [baby], { "01.md": chapter("2026-01-02", "Kit is an omega.") }), "presentation-timing")).toEqual([]);
  });
});

describe("bond-continuity", () => {
  it("reports a bond mark with no bite before it", () => {
    const r = storyWith("classic", [rey, ben], { "01.md": chapter("2026-01-02", "Rey touches her bond mark.") });
    expect(byRule(r, "bond-continuity")).toHaveLength(1);
  });
  it("passes a mark after a bite told earlier, or after a bond in the relations", () => {
    const told = storyWith("classic", [rey, ben], { "01.md": chapter("2026-01-02", "Ben bites Rey."), "02.md": chapter("+2d", "Rey touches her bond mark.") });
    expect(byRule(told, "bond-continuity")).toEqual([]);
    const related = storyWith("classic", [rey, ben], { "01.md": chapter("2026-01-02", "Rey touches her bond mark.") }, { relations: [{ kind: "bond", a: "ben", b: "rey" }] });
    expect(byRule(related, "bond-continuity")).toEqual([]);
  });
  it("reports a bond still acting after it broke", () => {
    const r = storyWith("classic", [rey, ben], {
      "01.md": chapter("2026-01-02", "Ben bites Rey."),
      "02.md": chapter("+2d", "Rey's bond with Ben breaks."),
      "03.md": chapter("+2d", "Rey feels Ben's anger through the bond."),
    });
    const [f] = byRule(r, "bond-continuity");
    expect(f.file).toMatch(/03\.md$/);
    expect(f.message).toContain("broke");
  });
});

describe("law-in-force", () => {
  const kara = { id: "kara", name: "Kara", born: "1999-01-01", designation: "omega", location: "room", status: "enslaved" };
  const mon = { id: "mon", name: "Mon-El", born: "1997-01-01", designation: "alpha", location: "room" };
  it("reports an emancipation by law before the reform, citing the reform's rule", () => {
    const r = storyWith("daxam", [kara, mon], { "01.md": chapter("2026-01-02", "Kara is emancipated by the new law.") });
    const [f] = byRule(r, "law-in-force");
    expect(f.severity).toBe("error");
    expect(f.causes.some((c) => c.rule?.startsWith("DX-"))).toBe(true);
  });
  it("passes an owner freeing someone, and an emancipation once the reform is in force", () => {
    const r = storyWith("daxam", [kara, mon], { "01.md": chapter("2026-01-02", "Mon-El frees Kara.") });
    expect(byRule(r, "law-in-force")).toEqual([]);
    const after = storyWith("daxam", [kara, mon], { "01.md": chapter("2026-03-02", "Kara is emancipated by the new law.") }, { schedule: [{ at: "2026-03-01", type: "enact", institution: "abolition" }] });
    expect(byRule(after, "law-in-force")).toEqual([]);
  });
  it("reports an omega appointed to a role barred to omegas", () => {
    const r = storyWith("daxam", [kara, mon], { "01.md": chapter("2026-01-02", "Kara joins the royal guard.") });
    expect(byRule(r, "law-in-force")).toHaveLength(1);
    expect(byRule(storyWith("daxam", [kara, mon], { "01.md": chapter("2026-01-02", "Mon-El joins the royal guard.") }), "law-in-force")).toEqual([]);
  });
});

describe("timeline-order", () => {
  it("reports an age that does not fit the birth date", () => {
    const [f] = byRule(storyWith("classic", [rey, ben], { "01.md": chapter("2026-01-02", "Rey, 19, waits.") }), "timeline-order");
    expect(f.message).toContain("Rey is 25");
  });
  it("passes a fitting age and a birthday about to come", () => {
    const r = storyWith("classic", [rey, ben], { "01.md": chapter("2026-01-02", "Rey, 25, waits. Her twenty-sixth birthday is in June.") });
    expect(byRule(r, "timeline-order")).toEqual([]);
  });
  it("reports a chapter dated before the scheduled event it tells", () => {
    const r = storyWith("classic", [rey, ben], { "01.md": chapter("2026-01-02", "Ben bites Rey.") }, { schedule: [{ at: "2026-02-01", type: "bite", who: "ben", with: ["rey"] }] });
    expect(byRule(r, "timeline-order")).toHaveLength(1);
  });
});

describe("under-age", () => {
  const young = { ...rey, born: "2009-06-01" };
  it("reports a bite involving someone under 18, and no configuration turns it off", () => {
    const r = storyWith("classic", [young, ben], { "01.md": chapter("2026-01-02", "<!-- scentline-disable-next-line under-age -->\nBen bites Rey.") }, { check: { rules: { "under-age": "off" } } });
    expect(byRule(r, "under-age").map((f) => f.severity)).toEqual(["error"]);
  });
  it("reports courtship when the chapter itself says the person is 17", () => {
    const r = storyWith("classic", [rey, ben], { "01.md": chapter("2026-01-02", "Rey, 17, is courted. Ben courts Rey.") });
    expect(byRule(r, "under-age")).toHaveLength(1);
  });
  it("passes the same scene between adults", () => {
    const r = storyWith("classic", [rey, ben], { "01.md": chapter("2026-01-02", "Ben courts Rey. Ben bites Rey.") });
    expect(errors(r)).toEqual([]);
  });
});

describe("configuration and inline directives", () => {
  it("a severity set in scentline.yaml applies; off removes the check", () => {
    const text = { "01.md": chapter("2026-01-02", "Rey, an alpha, waits.") };
    expect(byRule(storyWith("classic", [rey, ben], text, { check: { rules: { "designation-mismatch": "warn" } } }), "designation-mismatch")[0].severity).toBe("warning");
    expect(byRule(storyWith("classic", [rey, ben], text, { check: { rules: { "designation-mismatch": "off" } } }), "designation-mismatch")).toEqual([]);
  });
  it("scentline-disable-next-line silences the named check on the next line only", () => {
    const r = storyWith("classic", [rey, ben], { "01.md": chapter("2026-01-02", "<!-- scentline-disable-next-line designation-mismatch -->\nRey, an alpha, waits.\nRey, an alpha, waits.") });
    expect(byRule(r, "designation-mismatch").map((f) => f.line)).toEqual([6]);
    const two = storyWith("classic", [rey, ben], {
      "01.md": chapter("2026-01-02", "<!-- scentline-disable-next-line -->\nRey, an alpha, waits.\nRey, an alpha, waits.\nRey, an alpha, waits. <!-- scentline-disable-line designation-mismatch -- a dream -->"),
    });
    expect(byRule(two, "designation-mismatch").map((f) => f.line)).toEqual([6]);
  });
});

describe("rule-violation", () => {
  const mon = { id: "mon", name: "Mon-El", pronouns: "he", born: "2001-07-07", designation: "alpha", location: "room" };
  const imra = { id: "imra", name: "Imra", born: "2000-01-01", designation: "beta", location: "room" };
  const lena = { id: "lena", name: "Lena", born: "2000-01-01", designation: "omega", location: "room" };
  it("reports a beta ending a rut in daxam, citing the modifier's rules", () => {
    const [f] = byRule(storyWith("daxam", [mon, imra], { "01.md": chapter("2026-01-02", "Imra, a beta, ends Mon-El's rut.") }), "rule-violation");
    expect(f.severity).toBe("error");
    expect(f.causes[0].rule).toMatch(/^DX-/);
  });
  it("reads who saw a person through it as the partner who ended it", () => {
    const withPronouns = [{ ...mon, pronouns: "he" }, { ...imra, pronouns: "she" }];
    const r = storyWith("daxam", withPronouns, { "01.md": chapter("2026-01-02", "By the third morning Imra had seen him through it; Mon-El's rut was over.") });
    expect(byRule(r, "rule-violation")).toHaveLength(1);
  });
  it("passes an omega ending it", () => {
    expect(byRule(storyWith("daxam", [mon, lena], { "01.md": chapter("2026-01-02", "Mon-El's rut ends with Lena.") }), "rule-violation")).toEqual([]);
  });
  it("warns of a match after fewer Visits than the guardianship custom expects, and passes one after enough", () => {
    const few = storyWith("guardianship", [rey, ben, maz], { "01.md": chapter("2026-01-02", "Ben's first Visit with Rey is chaperoned by Maz."), "02.md": chapter("+7d", "Ben and Rey are matched.") });
    expect(byRule(few, "rule-violation").map((f) => f.severity)).toEqual(["warning"]);
    const visits = Array.from({ length: 8 }, (_, k) => ({ at: `+${k + 1}d`, type: "visit", who: "ben", with: ["rey"], chaperones: ["maz"] }));
    const enough = storyWith("guardianship", [rey, ben, maz], { "01.md": chapter("2026-01-20", "Ben and Rey are matched.") }, { schedule: visits });
    expect(byRule(enough, "rule-violation")).toEqual([]);
  });
  it("reports a voice command obeyed by someone the world says resists it", () => {
    // In classic, an alpha at least as strong as the speaker resists the voice.
    const ash = { id: "ash", name: "Ash", pronouns: "he", born: "1995-04-02", designation: "alpha", strength: 1, location: "room" };
    const kit = { id: "kit", name: "Kit", born: "1990-08-17", designation: "alpha", strength: 2, location: "room" };
    const r = storyWith("classic", [ash, kit], { "01.md": chapter("2026-01-02", "Ash uses the voice on Kit. Kit obeys.") });
    expect(byRule(r, "rule-violation").map((f) => f.severity)).toEqual(["error"]);
    const ok = storyWith("classic", [ash, kit], { "01.md": chapter("2026-01-02", "Ash uses the voice on Kit. Kit resists.") });
    expect(byRule(ok, "rule-violation")).toEqual([]);
  });
});

describe("cycle-timing", () => {
  const wren = { id: "wren", name: "Wren", pronouns: "she", born: "1999-07-01", designation: "omega", location: "room" };
  it("reports a heat too soon after the last (classic: every 3 months at the least)", () => {
    const r = storyWith("classic", [wren], { "01.md": chapter("2026-03-01", "Wren's heat ends."), "02.md": chapter("2026-03-20", "Wren is in heat.") });
    const [f] = byRule(r, "cycle-timing");
    expect(f.file).toMatch(/02\.md$/);
    expect(f.message).toContain("too soon");
    expect(f.causes.some((c) => c.file?.endsWith("01.md"))).toBe(true);
  });
  it("passes the next heat a period later", () => {
    const r = storyWith("classic", [wren], { "01.md": chapter("2026-03-01", "Wren's heat ends."), "02.md": chapter("2026-06-20", "Wren is in heat.") });
    expect(byRule(r, "cycle-timing")).toEqual([]);
  });
  it("reports a heat while suppressants block it, and passes one after she stops taking them", () => {
    const onSuppressants = { ...wren, traits: ["suppressants"] };
    expect(byRule(storyWith("classic", [onSuppressants], { "01.md": chapter("2026-01-02", "Wren is in heat.") }), "cycle-timing")).toHaveLength(1);
    const stopped = storyWith("classic", [onSuppressants], { "01.md": chapter("2026-01-02", "Wren stops taking her suppressants."), "02.md": chapter("+3d", "Wren is in heat.") });
    expect(byRule(stopped, "cycle-timing")).toEqual([]);
  });
  it("reports a cycle the person's designation does not have", () => {
    expect(byRule(storyWith("classic", [ben], { "01.md": chapter("2026-01-02", "Ben is in heat.") }), "cycle-timing")).toHaveLength(1);
  });
  it("lets an unresolved daxam rut return three days after it ends, and reads time passing inside a chapter", () => {
    const mon = { id: "mon", name: "Mon-El", born: "2001-07-07", designation: "alpha", location: "room" };
    const imra = { id: "imra", name: "Imra", born: "2000-01-01", designation: "beta", location: "room" };
    const partnered = { schedule: [{ at: "2026-01-01", type: "partner", who: "mon", with: ["imra"] }] };
    const later = storyWith("daxam", [mon, imra], { "01.md": chapter("2026-01-02", "Mon-El's rut ends. Three days later Mon-El is in rut again.") }, partnered);
    expect(byRule(later, "cycle-timing")).toEqual([]);
    const sameDay = storyWith("daxam", [mon, imra], { "01.md": chapter("2026-01-02", "Mon-El's rut ends. Mon-El is in rut again.") }, partnered);
    expect(byRule(sameDay, "cycle-timing")).toHaveLength(1);
  });
});

describe("scent-range", () => {
  const inRoom = { where: "room", present: ["Rey"] };
  it("reports a scent through a sealed connection", () => {
    const places = { places: [{ id: "room" }, { id: "vault" }], connections: [{ between: ["room", "vault"], distance: "5ft", kind: "sealed" }] };
    const r = storyWith("classic", [rey, { ...ben, location: "vault" }], { "01.md": chapter("2026-01-02", "Rey smells Ben's alarm.", inRoom) }, places);
    const [f] = byRule(r, "scent-range");
    expect(f.message).toContain("no scent passes");
  });
  it("reports a scent beyond its range, and passes it within range", () => {
    const far = storyWith("classic", [rey, { ...ben, location: "hall" }], { "01.md": chapter("2026-01-02", "Rey smells Ben's alarm.", inRoom) });
    expect(byRule(far, "scent-range")[0].message).toMatch(/at \d+ ft .* but it carries 30 ft/);
    const near = storyWith("classic", [rey, ben], { "01.md": chapter("2026-01-02", "Rey smells Ben's alarm.", { where: "room", present: ["Rey", "Ben"] }) });
    expect(byRule(near, "scent-range")).toEqual([]);
  });
  it("reports a scent the target's suppressants hide", () => {
    const r = storyWith("classic", [rey, { ...ben, traits: ["suppressants"] }], { "01.md": chapter("2026-01-02", "Rey catches the scent of Ben.", { where: "room", present: ["Rey", "Ben"] }) });
    expect(byRule(r, "scent-range")[0].message).toContain("suppressants");
  });
});

describe("bad chapters", () => {
  it("a missing chapter and a 50 MB chapter are findings with the file and a reason, and the rest is still checked", () => {
    const big = "Rey waits. ".repeat(5 * 1024 * 1024);
    const r = storyWith("classic", [rey, ben], { "01.md": chapter("2026-01-02", "Rey, an alpha, waits."), "02.md": big }, { chapters: ["chapters/01.md", "chapters/02.md", "chapters/missing.md"] });
    const unreadable = byRule(r, "unreadable");
    expect(unreadable.map((f) => f.file.split("/").pop())).toEqual(["02.md", "missing.md"]);
    expect(unreadable[0].message).toMatch(/is \d+ MB; Scentline reads .* up to 32 MB/);
    expect(unreadable[1].message).toContain("does not exist");
    expect(byRule(r, "designation-mismatch")).toHaveLength(1);
  });
});

describe("re-checking with a cache (--watch)", () => {
  it("sees an edited chapter and reuses the facts of unchanged ones", async () => {
    const { CheckCache, checkProject } = await import("../src/check/run.js");
    const { nodeReader } = await import("../src/node/io.js");
    const { writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const r = storyWith("classic", [rey, ben], { "01.md": chapter("2026-01-02", "Rey, an omega, waits."), "02.md": chapter("+1d", "Ben is an alpha.") });
    const file = r.project!.file;
    const cache = new CheckCache();
    expect(checkProject(file, nodeReader(), { cache }).findings.filter((f) => f.severity === "error")).toEqual([]);
    const unchanged = cache.chapters.get(r.chapters[1].file)!.facts;
    writeFileSync(join(r.project!.dir, "chapters", "01.md"), chapter("2026-01-02", "Rey, an alpha, waits."));
    const again = checkProject(file, nodeReader(), { cache });
    expect(byRule(again, "designation-mismatch")).toHaveLength(1);
    expect(cache.chapters.get(r.chapters[1].file)!.facts).toBe(unchanged);
  });
});
