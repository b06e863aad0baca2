/**
 * `scentline calendar`: the .ics it writes parses with a standard iCalendar parser (ical.js) and
 * says what the simulator says. Runs the built CLI (`npm test` builds first).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { formatDateTime, parseDate } from "../src/core/time.js";
import type { SimEvent } from "../src/sim/event.js";
import { calendarEntries } from "../src/calendar/entries.js";
import { loadExample, run } from "./helpers/project.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "dist", "bin", "scentline.mjs");

function scentline(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tempDir = () => mkdtempSync(join(tmpdir(), "scentline-cal-"));

interface Parsed {
  uid: string;
  summary: string;
  description: string;
  start: number;
  end: number;
  category: string;
  status: string;
  continues: boolean;
}

/** The VEVENTs of a calendar, through ical.js; times as Scentline hours. */
function parse(text: string): Parsed[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      start: e.startDate.toJSDate().getTime() / 3_600_000,
      end: e.endDate.toJSDate().getTime() / 3_600_000,
      category: String(v.getFirstPropertyValue("categories")),
      status: String(v.getFirstPropertyValue("status")),
      continues: v.getFirstPropertyValue("x-scentline-continues") === "TRUE",
    };
  });
}

/** Writes a calendar with the CLI and returns its text. */
function calendar(project: string, ...args: string[]): string {
  const out = join(tempDir(), "cycles.ics");
  const r = scentline("calendar", project, "--out", out, ...args);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return readFileSync(out, "utf8");
}

/** Each heat in the log as the calendar should show it: from its pre-heat (if any) to its end. */
function heatEpisodes(log: readonly SimEvent[]) {
  const prelude = new Map<string, number>();
  const episodes: { person: string; start: number; heatBegan: number; end?: number }[] = [];
  for (const e of log) {
    const who = e.people[0];
    if (e.type === "pre-heat-began") prelude.set(who, e.hour);
    if (e.type === "heat-began") {
      episodes.push({ person: who, start: prelude.get(who) ?? e.hour, heatBegan: e.hour });
      prelude.delete(who);
    }
    if (e.type === "heat-ended") {
      const ep = [...episodes].reverse().find((x) => x.person === who);
      if (ep) ep.end = e.hour;
    }
  }
  return episodes;
}

describe("scentline calendar", () => {
  it("writes a calendar that parses, with one event per heat from its pre-heat to its end", () => {
    const text = calendar("examples/guardianship", "--until", "2y");
    const events = parse(text);
    const { log } = run(loadExample("guardianship"), "2028-01-05");
    const expected = heatEpisodes(log);
    const heats = events.filter((e) => e.category === "heat" && e.status === "CONFIRMED");
    expect(expected.length).toBeGreaterThan(3);
    expect(heats.map((h) => h.start)).toEqual(expected.map((x) => x.start));
    expect(heats.map((h) => h.end)).toEqual(expected.map((x) => x.end));
    // The heat's own start is in the description, beside the pre-heat's.
    heats.forEach((h, k) => {
      expect(h.description).toContain(`heat from ${formatDateTime(expected[k].heatBegan)}`);
      expect(h.description).toContain(`pre-heat from ${formatDateTime(expected[k].start)}`);
    });
    // Ruts too, one per rut-began.
    expect(events.filter((e) => e.category === "rut").length).toBe(log.filter((e) => e.type === "rut-began").length);
  });

  it("puts each Visit on its scheduled date and explains it by the schedule line and the world's rules", () => {
    const events = parse(calendar("examples/guardianship"));
    const visits = events.filter((e) => e.category === "visit");
    // The project starts 2026-01-05 and schedules Visits at +2d, +9d and +16d.
    expect(visits.map((v) => v.start)).toEqual(["2026-01-07", "2026-01-14", "2026-01-21"].map((d) => parseDate(d)!));
    for (const v of visits) {
      expect(v.summary).toMatch(/^Visit \d+ of \d+ between Ben Solo and Rey/);
      expect(v.description).toMatch(/input schedule\[\d+\] visit \(scentline\.yaml:\d+:\d+\)/);
      expect(v.description).toContain("rule GU-05");
    }
    const guardian = events.find((e) => e.category === "guardianship");
    expect(guardian?.summary).toContain("appointed guardian of Rey");
    expect(events.some((e) => e.category === "bond" && e.summary.includes("bonded by a claiming bite"))).toBe(true);
  });

  it("gives legal dates: laws taking force and losing it, status changes, appointments", () => {
    const events = parse(calendar("examples/daxam"));
    const { log } = run(loadExample("daxam"), "2027-01-01");
    const enacted = log.filter((e) => e.type === "enacted" || e.type === "repealed");
    expect(enacted.length).toBeGreaterThan(0);
    for (const e of enacted) {
      const match = events.find((x) => x.uid.endsWith(`-${e.id}@scentline`));
      expect(match?.category).toBe("law");
      expect(match?.start).toBe(e.hour);
    }
    const freed = log.find((e) => e.type === "status-changed" && e.text.includes("freed"));
    expect(events.find((x) => x.uid.endsWith(`-${freed!.id}@scentline`))?.category).toBe("status");
    expect(events.some((x) => x.category === "appointment")).toBe(true);
  });

  it("shows a cycle that suppressants skip as a cancelled event", () => {
    const events = parse(calendar("examples/classic"));
    const skipped = events.filter((e) => e.status === "CANCELLED");
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped[0].summary).toBe("Wren's heat skipped (suppressed)");
    expect(skipped[0].description).toContain("rule suppressants.blocks");
  });

  it("ends a cycle still under way at --until, and marks it", () => {
    const { log } = run(loadExample("guardianship"), "2027-01-05");
    const began = log.find((e) => e.type === "heat-began")!;
    const until = formatDateTime(began.hour + 2).replace(" ", "T");
    const events = parse(calendar("examples/guardianship", "--until", until));
    const last = events.filter((e) => e.category === "heat").at(-1)!;
    expect(last.continues).toBe(true);
    expect(last.end).toBe(began.hour + 2);
    expect(last.description).toContain("still under way");
  });

  it("is byte-identical for the same project and seed; another seed moves the cycles", () => {
    const a = calendar("examples/guardianship", "--seed", "11", "--until", "2y");
    const b = calendar("examples/guardianship", "--seed", "11", "--until", "2y");
    const c = calendar("examples/guardianship", "--seed", "12", "--until", "2y");
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    const heatStarts = (t: string) => parse(t).filter((e) => e.category === "heat").map((e) => e.start);
    expect(heatStarts(c)).not.toEqual(heatStarts(a));
    // The stamp is the story's start, not the day the file was made; UIDs name project, seed and event.
    expect(a).toMatch(/^DTSTAMP:20260105T000000Z\r$/m);
    expect(parse(a).every((e) => /^guardianship-example-seed11-e\d+@scentline$/.test(e.uid))).toBe(true);
    expect(new Set(parse(a).map((e) => e.uid)).size).toBe(parse(a).length);
  });

  it("prints to stdout with --out - or without --out", () => {
    const file = calendar("examples/classic");
    expect(scentline("calendar", "examples/classic").stdout).toBe(file);
    expect(scentline("calendar", "examples/classic", "--out", "-").stdout).toBe(file);
  });

  it("replaces an existing file whole", () => {
    const dir = tempDir();
    const out = join(dir, "cycles.ics");
    writeFileSync(out, "old");
    expect(scentline("calendar", "examples/classic", "--out", out).status).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^BEGIN:VCALENDAR/);
    expect(readdirSync(dir)).toEqual(["cycles.ics"]);
  });

  describe("refuses bad input with one clear line and writes nothing", () => {
    const refused = (args: string[], message: RegExp) => {
      const dir = tempDir();
      const r = scentline("calendar", ...args.map((a) => a.replace("$DIR", dir)));
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/hint: /);
      expect(r.stderr).not.toMatch(/^\s{4}at /m);
      expect(r.stdout).toBe("");
      return dir;
    };

    it("no project", () => {
      const dir = refused(["$DIR/nowhere", "--out", "$DIR/cycles.ics"], /error: .*nowhere does not exist/);
      expect(readdirSync(dir)).toEqual([]);
    });

    it("a folder without a scentline.yaml", () => {
      const dir = refused(["$DIR", "--out", "$DIR/cycles.ics"], /has no scentline\.yaml/);
      expect(readdirSync(dir)).toEqual([]);
    });

    it("an --out that is a folder", () => {
      const dir = tempDir();
      mkdirSync(join(dir, "cycles.ics"));
      const r = scentline("calendar", "examples/classic", "--out", join(dir, "cycles.ics"));
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/it is a folder; nothing was written/);
      expect(readdirSync(dir)).toEqual(["cycles.ics"]);
    });

    it("an --out in a folder that does not exist, or under a file", () => {
      const dir = refused(["examples/classic", "--out", "$DIR/missing/cycles.ics"], /the folder .*missing does not exist; nothing was written/);
      expect(existsSync(join(dir, "missing"))).toBe(false);
      const file = join(dir, "plain.txt");
      writeFileSync(file, "x");
      const r = scentline("calendar", "examples/classic", "--out", join(file, "cycles.ics"));
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/does not exist; nothing was written/);
      expect(readdirSync(dir)).toEqual(["plain.txt"]);
    });

    it("a project with a mistake", () => {
      const dir = tempDir();
      writeFileSync(join(dir, "scentline.yaml"), "title: Broken\nworld: classic\nstart: 2026-02-30\ncast:\n  - { id: ash, name: Ash, born: 1990-01-01, designation: alpha }\n");
      const r = scentline("calendar", dir, "--out", join(dir, "cycles.ics"));
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/scentline\.yaml:3:\d+: error .*not a date on the calendar/);
      expect(existsSync(join(dir, "cycles.ics"))).toBe(false);
    });

    it("a bad --until is a usage error", () => {
      const r = scentline("calendar", "examples/classic", "--until", "soon");
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
    });
  });

  it("has help that says what it writes", () => {
    const r = scentline("calendar", "--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--out <file>/);
    expect(r.stdout).toMatch(/same bytes/);
  });
});

describe("calendar entries (from a log)", () => {
  const cycles = loadExample("classic").world.spec.cycles;
  const ev = (id: string, hour: number, type: string, text: string, data?: SimEvent["data"], causes: SimEvent["causes"] = []): SimEvent => ({ id, hour, type, people: ["wren"], text, causes, ...(data ? { data } : {}) });

  it("gathers a cycle's prelude, phases and end into one entry; one without a prelude starts at its main phase", () => {
    const log = [
      ev("e1", 100, "pre-heat-began", "Wren enters pre-heat.", { cycle: "heat" }, [{ kind: "rule", id: "CL-01", path: "cycles.heat" }]),
      ev("e2", 124, "heat-began", "Wren's heat begins (no partner).", { cycle: "heat", expectedLength: "3d", resolved: false }),
      ev("e3", 150, "heat-phase", "Wren's heat moves to after.", { phase: "after" }),
      ev("e4", 196, "heat-ended", "Wren's heat ends after 3d, unresolved.", { cycle: "heat", length: 72, resolved: false }),
      ev("e5", 300, "heat-began", "Wren's heat begins (no partner).", { cycle: "heat" }, [{ kind: "event", id: "e4" }]),
      ev("e6", 340, "heat-ended", "Wren's heat ends after 1d 16h.", { cycle: "heat" }),
      ev("e7", 400, "refused", "Someone is refused.", undefined),
    ];
    const entries = calendarEntries(log, { cycles, until: 1000, names: new Map([["wren", "Wren"]]) });
    expect(entries.map((e) => [e.id, e.category, e.start, e.end, e.summary])).toEqual([
      ["e1", "heat", 100, 196, "Wren's heat"],
      ["e5", "heat", 300, 340, "Wren's heat"],
    ]);
    expect(entries[0].description).toEqual(expect.arrayContaining(["after from " + formatDateTime(150) + " (e3).", "Why:", "  rule CL-01 (cycles.heat)"]));
    expect(entries[1].description).toContain(`  after e4 ${formatDateTime(196)}: Wren's heat ends after 3d, unresolved.`);
  });
});
