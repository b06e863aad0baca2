/**
 * The simulator: a discrete-event loop over story hours. People and places live in indexed arrays;
 * each mechanic (cycles, scent, bonds, influence, institutions) lives in its own module under
 * model/ and acts through this class. Every event is appended to the log with its causes.
 */
import { HOURS_PER_YEAR, parseDate, parseDuration, type Hour } from "../core/time.js";
import { ADULT_EVENT_KINDS, eventRefusals, isMinor } from "../model/age.js";
import { CycleEngine } from "../model/cycles.js";
import { Institutions } from "../model/institutions.js";
import { Influence } from "../model/influence.js";
import { ScentEngine } from "../model/scent.js";
import { Bonds } from "../model/bonds.js";
import { NO_PERSON, type PersonView } from "../rules/expr.js";
import type { Project, ScheduledEvent } from "../story/load.js";
import type { World } from "../world/load.js";
import { ruleCauses } from "./causes.js";
import { CastNames, LoggedEvent, eventCause, type Cause, type SimEvent, type Wording } from "./event.js";
import { TimedQueue } from "./queue.js";
import { Random } from "./random.js";

export type Task = () => void;

/** Events that only record what someone noticed: they change no one's state, so cached views stay. */
const OBSERVATIONS: ReadonlySet<string> = new Set(["perceived", "trace-perceived", "noticed", "calmed"]);

export interface SimOptions {
  seed?: number;
  until: Hour;
}

export class Simulator {
  readonly world: World;
  readonly random: Random;
  readonly log: SimEvent[] = [];
  readonly queue = new TimedQueue<Task>();
  now: Hour;
  readonly start: Hour;
  readonly until: Hour;

  // People, structure of arrays.
  readonly n: number;
  readonly ids: string[];
  readonly names: string[];
  /** Names by id, for sentences put into words when an event is read. */
  readonly cast: CastNames;
  private readonly moveWording: Wording;
  /** Each person's birth hour; NaN when the cast gives no birth date (see `bornAt`). */
  readonly born: Float64Array;
  readonly designation: Int16Array; // index into world.designations; -1 unknown or none
  readonly presented: Uint8Array;
  readonly hasAxis: Uint8Array;
  readonly location: Int32Array;
  readonly suppressed: Uint8Array;
  readonly mate: Int32Array;
  readonly partner: Int32Array;
  readonly owner: Int32Array;
  readonly guardian: Int32Array;
  readonly matched: Uint8Array;
  readonly strength: Float32Array;
  readonly status: string[];
  readonly traits: string[][];
  readonly roles: Set<string>[];
  readonly alignment: string[];
  readonly species: string[];
  /** The last event that changed each person's state, for causes. */
  readonly lastCause: (SimEvent | undefined)[];

  readonly places: string[];
  readonly cycles: CycleEngine;
  readonly scent: ScentEngine;
  readonly institutions: Institutions;
  readonly influence: Influence;
  readonly bonds: Bonds;
  private nextId = 1;
  // Caches by person, schedule line or place, made full-length up front: filled in any order,
  // an array that starts empty would fall back to slow dictionary storage.
  private readonly viewCache: (PersonView | undefined)[];
  private readonly scheduleCauses: (Cause | undefined)[];
  private readonly scheduleCauseLists: (readonly Cause[] | undefined)[];
  private readonly soloPeople: (string[] | undefined)[];
  private readonly cameFrom: ({ from: string } | undefined)[];
  /** Which schedule lines are of a kind only adults may take part in (1), read once. */
  private readonly adultsOnly: Uint8Array;
  /** How often each routine of the schedule recurs, in hours (read once). */
  private readonly everies: (number | undefined)[];
  /** Each routine's latest occurrence, and the task that performs its next. */
  private readonly occurrences: Float64Array;
  private readonly nextOccurrence: (Task | undefined)[];
  /**
   * How many times each person's state has changed (events naming them, other than perceptions, and
   * `touch`): what is worked out from someone's state can be kept until this moves.
   */
  readonly changes: Uint32Array;
  /** When each person's latest event happened (to tell a fresh cause from an old one). */
  readonly lastCauseHour: Float64Array;
  /** Each person's change count when their cached view was built: the view is fresh while it matches. */
  private readonly viewAt: Float64Array;

  constructor(readonly project: Project, options: SimOptions) {
    this.world = project.world;
    this.random = new Random(options.seed ?? project.seed);
    this.start = project.start;
    this.now = project.start;
    this.until = options.until;
    const people = project.people;
    const n = (this.n = people.length);
    this.ids = people.map((p) => p.id);
    this.names = people.map((p) => p.spec.name);
    this.cast = new CastNames(this.ids, this.names);
    this.moveWording = moveWording(this.cast);
    this.born = Float64Array.from(people.map((p) => p.born ?? NaN));
    this.designation = new Int16Array(n).fill(-1);
    this.presented = new Uint8Array(n);
    this.hasAxis = new Uint8Array(n);
    this.location = new Int32Array(n).fill(-1);
    this.suppressed = new Uint8Array(n);
    this.mate = new Int32Array(n).fill(-1);
    this.partner = new Int32Array(n).fill(-1);
    this.owner = new Int32Array(n).fill(-1);
    this.guardian = new Int32Array(n).fill(-1);
    this.matched = new Uint8Array(n);
    this.strength = new Float32Array(n);
    this.status = people.map((p) => p.spec.status ?? "free");
    this.traits = people.map((p) => [...(p.spec.traits ?? [])]);
    this.roles = people.map((p) => new Set(p.spec.roles ?? []));
    this.alignment = people.map((p) => p.spec.alignment ?? "");
    this.species = people.map((p) => p.species);
    this.lastCause = new Array<SimEvent | undefined>(n).fill(undefined);
    this.viewAt = new Float64Array(n).fill(-1);
    this.changes = new Uint32Array(n);
    this.lastCauseHour = new Float64Array(n).fill(-Infinity);
    this.places = project.places;
    this.viewCache = new Array<PersonView | undefined>(n).fill(undefined);
    this.soloPeople = new Array<string[] | undefined>(n).fill(undefined);
    this.cameFrom = new Array<{ from: string } | undefined>(this.places.length).fill(undefined);
    const lines = project.schedule.reduce((m, e) => Math.max(m, e.index + 1), 0);
    this.scheduleCauses = new Array<Cause | undefined>(lines).fill(undefined);
    this.scheduleCauseLists = new Array<readonly Cause[] | undefined>(lines).fill(undefined);
    this.everies = new Array<number | undefined>(lines).fill(undefined);
    this.adultsOnly = new Uint8Array(lines);
    for (const e of project.schedule) if (ADULT_EVENT_KINDS.has(e.spec.type)) this.adultsOnly[e.index] = 1;
    this.occurrences = new Float64Array(lines);
    this.nextOccurrence = new Array<Task | undefined>(lines).fill(undefined);
    const placeIndex = new Map(this.places.map((p, i) => [p, i]));
    const axis = this.world.designationAxis;
    people.forEach((p, i) => {
      this.hasAxis[i] = this.world.spec.species[p.species]?.axes.includes(axis) ? 1 : 0;
      // Someone born during the story is nowhere (and smells of nothing) until then.
      if (p.spec.location && (p.born === undefined || p.born <= this.start)) this.location[i] = placeIndex.get(p.spec.location) ?? -1;
      if (p.spec.traits?.includes("suppressants") && this.world.spec.suppressants) this.suppressed[i] = 1;
      // An owner named in the cast makes the person enslaved unless their status says otherwise.
      if (p.owner !== undefined) {
        this.owner[i] = p.owner;
        if (!p.spec.status) this.status[i] = "enslaved";
      }
    });
    this.cycles = new CycleEngine(this);
    this.scent = new ScentEngine(this);
    this.institutions = new Institutions(this);
    this.influence = new Influence(this);
    this.bonds = new Bonds(this);
    people.forEach((p, i) => {
      const d = p.spec.designation;
      const idx = d ? this.world.designations.indexOf(d) : -1;
      this.strength[i] = p.spec.strength ?? (idx >= 0 ? (this.world.spec.strength?.[d!] ?? 1) : 1);
      if (idx >= 0) this.designation[i] = idx;
    });
  }

  // ----- the loop -----

  at(hour: Hour, task: Task): void {
    if (hour <= this.until) this.queue.push(Math.max(hour, this.now), task);
  }

  run(): SimEvent[] {
    this.advanceTo(this.until);
    return this.log;
  }

  private started = false;

  /**
   * Runs the story up to and including `hour` (never past `until`), so state can be read at that
   * time; later calls go on from there. Time only moves forward.
   */
  advanceTo(hour: Hour): void {
    if (!this.started) {
      this.started = true;
      this.setup();
    }
    const stop = Math.min(hour, this.until);
    for (;;) {
      const h = this.queue.peekHour();
      if (h === undefined || h > stop) break;
      this.now = h;
      this.queue.pop()!();
    }
    // The run stands at the hour asked for: state read now is the state then.
    this.now = Math.max(this.now, stop);
  }

  private setup(): void {
    const p = this.project;
    // Relations first: they set mates, partners, guardians and owners.
    for (const r of p.relations) {
      const input = this.inputCause(`relations: ${r.kind} ${this.ids[r.a]} – ${this.ids[r.b]}`, r.at);
      if (r.kind === "bond") this.bonds.setBond(r.a, r.b, [input], false, r.since ?? this.start);
      else if (r.kind === "partner") (this.partner[r.a] = r.b), (this.partner[r.b] = r.a);
      else if (r.kind === "guardian") this.guardian[r.b] = r.a;
      else if (r.kind === "owner") (this.owner[r.b] = r.a), (this.status[r.b] = this.status[r.b] === "free" ? "enslaved" : this.status[r.b]);
    }
    for (let i = 0; i < this.n; i++) this.presentationSetup(i);
    for (const person of p.people) {
      const born = person.born;
      if (born === undefined || born <= this.start) continue;
      const i = person.index;
      this.at(born, () => {
        const e = this.emit("born", [i], `${this.names[i]} is born.`, [this.inputCause(`cast: ${this.ids[i]}`, person.at)]);
        this.lastCause[i] = e;
        const place = person.spec.location ? this.places.indexOf(person.spec.location) : -1;
        if (place >= 0) this.move(i, place, [eventCause(e)]);
      });
    }
    // Someone on suppressants from the start (the cast's trait) has their side effects from the start.
    for (const person of p.people) {
      if (person.spec.traits?.includes("suppressants") && (person.born === undefined || person.born <= this.start)) this.sideEffects(person.index, [this.inputCause(`cast: ${this.ids[person.index]}`, person.at)]);
    }
    this.institutions.setup();
    for (let i = 0; i < this.n; i++) this.cycles.setup(i);
    for (const e of p.schedule) this.at(e.hour, () => this.repeat(e, 1));
    this.at(this.start, () => this.scent.refreshAll());
  }

  private presentationSetup(i: number): void {
    const pres = this.world.spec.presentation;
    const cause = [...ruleCauses(pres, "presentation")];
    if (!this.hasAxis[i]) return;
    const given = this.designation[i];
    // Without a birth date no one knows when the person presented: a designation the cast gives
    // holds from the start, and none is made up for them.
    if (this.bornAt(i) === undefined) {
      if (given >= 0) this.presented[i] = 1;
      return;
    }
    if (pres.atBirth) {
      if (given < 0) this.designation[i] = this.random.int(0, this.world.designations.length - 1);
      this.presented[i] = 1;
      return;
    }
    const age = pres.age!;
    const min = parseDuration(age.min)!;
    const max = parseDuration(age.max)!;
    const when = this.born[i] + Math.round(min + (max - min) * this.random.next());
    if (when <= this.start && given >= 0) {
      this.presented[i] = 1;
      return;
    }
    const present = () => {
      if (this.designation[i] < 0) this.designation[i] = this.random.int(0, this.world.designations.length - 1);
      this.presented[i] = 1;
      const d = this.world.designations[this.designation[i]];
      this.strength[i] = this.project.people[i].spec.strength ?? this.world.spec.strength?.[d] ?? 1;
      const e = this.emit("presentation", [i], `${this.names[i]} presents as ${d}.`, cause, { designation: d });
      this.scent.invalidate(i);
      this.lastCause[i] = e;
      return e;
    };
    // Someone who presented before the story begins does so now, before any law looks at them.
    if (when <= this.start) {
      present();
      return;
    }
    this.at(when, () => {
      const e = present();
      this.institutions.applyTo(i, [eventCause(e)]);
      this.cycles.setup(i);
      this.scent.refreshPerson(i);
    });
  }

  // ----- authored events -----

  /** Performs a scheduled event, and plans its next occurrence if it is a routine. */
  private repeat(e: ScheduledEvent, occurrence: number): void {
    this.perform(e);
    const every = e.spec.every ? (this.everies[e.index] ??= parseDuration(e.spec.every)) : undefined;
    if (!every || (e.spec.times !== undefined && occurrence >= e.spec.times)) return;
    // A routine has one occurrence waiting at a time, so one task per schedule line serves them all.
    this.occurrences[e.index] = occurrence;
    this.at(this.now + Math.max(1, Math.round(every)), (this.nextOccurrence[e.index] ??= () => this.repeat(e, this.occurrences[e.index] + 1)));
  }

  private perform(e: ScheduledEvent): void {
    // One cause object per schedule line, shared by every occurrence of a routine.
    let input = this.scheduleCauses[e.index];
    if (!input) input = this.scheduleCauses[e.index] = this.inputCause(`schedule[${e.index}] ${e.spec.type}`, e.at);
    const who = e.who;
    // The adults-only guard runs again here: a world cannot switch it off.
    if (this.adultsOnly[e.index] === 1) {
      const participants = [who, ...e.with];
      const [refusal] = eventRefusals(this.world, participants.map((p) => (p === undefined ? undefined : { born: this.bornAt(p), spec: { name: this.names[p] } })), this.now, e.spec.type);
      if (refusal) {
        this.emit("refused", [participants[refusal.index]!], refusal.message, [input, { kind: "rule", id: "adults-only", path: "engine" }], { code: "under-age" }, "error");
        return;
      }
    }
    switch (e.spec.type) {
      case "move":
        // A routine's moves share one causes list: the log is append-only, so nothing changes it.
        this.move(who!, e.to!, (this.scheduleCauseLists[e.index] ??= Object.freeze([input])));
        break;
      case "meet":
        for (const p of e.with) if (e.to !== undefined) this.move(p, e.to, [input]);
        if (who !== undefined && e.to !== undefined) this.move(who, e.to, [input]);
        break;
      case "tell":
        this.scent.setTell(who!, e.spec.tell!, 3, [input]);
        break;
      case "contact":
        for (const p of e.with) this.scent.contact(who!, p, [input]);
        break;
      case "break-bond":
        this.bonds.breakBond(who!, [input]);
        break;
      case "wash":
        this.scent.wash(who!, [input]);
        break;
      case "suppressants":
      case "stop-suppressants": {
        const on = e.spec.type === "suppressants";
        // A world without suppressants: taking them changes nothing, and the log says so.
        if (!this.world.spec.suppressants) {
          this.emit("suppressants-no-effect", [who!], `${this.names[who!]} ${on ? "takes" : "stops taking"} suppressants, which have no effect in this world (it has no suppressants).`, [input], undefined, "warning");
          break;
        }
        // Someone already on them (a routine's next dose, a mandate) goes on as they were: their side
        // effects were reported when they started.
        if (on && this.suppressed[who!] === 1) {
          this.emit("suppressants-continued", [who!], `${this.names[who!]} keeps taking suppressants.`, [input]);
          break;
        }
        this.suppressed[who!] = on ? 1 : 0;
        this.scent.invalidate(who!);
        const ev = this.emit(on ? "suppressants-started" : "suppressants-stopped", [who!], `${this.names[who!]} ${on ? "starts" : "stops"} taking suppressants.`, [input]);
        this.lastCause[who!] = ev;
        if (on) this.sideEffects(who!, [eventCause(ev)]);
        this.scent.refreshPerson(who!);
        break;
      }
      case "partner":
        for (const p of e.with) if (this.institutions.pairingAllows(who!, p, "partner", [input])) this.setPartner(who!, p, [input]);
        break;
      case "end-partner": {
        const p = this.partner[who!];
        if (p >= 0) {
          this.partner[who!] = -1;
          if (this.partner[p] === who) this.partner[p] = -1;
          const e = this.emit("partnership-ended", [who!, p], `${this.names[who!]} and ${this.names[p]} are no longer partners.`, [input]);
          this.cycles.partnerChanged(who!, [eventCause(e)]);
          this.cycles.partnerChanged(p, [eventCause(e)]);
        }
        break;
      }
      case "bite":
        for (const p of e.with) this.bonds.bite(who!, p, { knot: e.spec.knot ?? false, blood: e.spec.blood ?? true, gland: e.spec.gland ?? true }, [input]);
        break;
      case "visit":
        this.institutions.visit(who!, e.with, e.chaperones, [input]);
        break;
      case "match":
        for (const p of e.with) this.institutions.match(who!, p, [input]);
        break;
      case "voice":
        this.influence.voice(who!, e.with, e.spec.command ?? "a command", [input]);
        break;
      case "pressure":
        this.influence.pressure(who!, e.with, [input]);
        break;
      case "challenge":
        for (const p of e.with) this.influence.challenge(who!, p, [input], e.winner);
        break;
      case "enact":
      case "repeal":
        this.institutions.setInForce(e.spec.institution!, e.spec.type === "enact", [input], who);
        break;
      case "free":
        this.institutions.free(who!, [input]);
        break;
      case "sell":
        this.institutions.sell(who!, e.with[0], [input]);
        break;
      case "appoint":
        this.institutions.appoint(who!, e.spec.role!, [input]);
        break;
      case "stress":
        this.scent.setTell(who!, "distress", 72, [input]);
        break;
      case "injure":
        this.institutions.injure(who!, [input]);
        break;
    }
  }

  /** Someone starts on suppressants: the side effects the world lists are reported. */
  sideEffects(i: number, causes: readonly Cause[]): void {
    const sup = this.world.spec.suppressants;
    const effects = sup?.sideEffects ?? [];
    if (effects.length === 0) return;
    this.emit("suppressant-side-effects", [i], `${this.names[i]} has the side effects of suppressants: ${effects.join("; ")}.`, [...causes, ...ruleCauses(sup, "suppressants.sideEffects")], { effects: effects.join("; ") });
  }

  setPartner(a: number, b: number, causes: readonly Cause[]): void {
    // A person has one partner at a time: earlier partners are left without one.
    for (const p of [a, b]) {
      const old = this.partner[p];
      if (old >= 0 && old !== a && old !== b && this.partner[old] === p) {
        this.partner[old] = -1;
        const e = this.emit("partnership-ended", [old, p], `${this.names[old]} and ${this.names[p]} are no longer partners.`, causes);
        this.cycles.partnerChanged(old, [eventCause(e)]);
      }
    }
    this.partner[a] = b;
    this.partner[b] = a;
    const e = this.emit("partnered", [a, b], `${this.names[a]} and ${this.names[b]} become partners.`, causes);
    this.lastCause[a] = this.lastCause[b] = e;
    this.cycles.partnerChanged(a, [eventCause(e)]);
    this.cycles.partnerChanged(b, [eventCause(e)]);
  }

  move(i: number, place: number, causes: readonly Cause[]): void {
    if (this.location[i] === place) return;
    const from = this.location[i];
    this.location[i] = place;
    // Moves from one place share one data object: the log is append-only, so nothing changes it.
    const data = from >= 0 ? (this.cameFrom[from] ??= { from: this.places[from] }) : undefined;
    const fresh = this.viewAt[i] === this.changes[i];
    const e = this.emit("moved", [i], this.moveWording, causes, data);
    // A move changes only where the person is: a view that was up to date needs only that field.
    if (fresh) {
      this.viewCache[i]!.location = this.places[place];
      this.viewAt[i] = this.changes[i];
    }
    this.lastCause[i] = e;
    this.scent.moved(i, from, e);
  }

  // ----- views and the log -----

  /**
   * Neither is known to be under age now (the engine's adults-only guard, whatever the world says).
   * Someone without a birth date is not held back; `scentline check` asks for the date.
   */
  adults(a: number, b: number): boolean {
    return !isMinor(this.world, this.bornAt(a), this.now) && !isMinor(this.world, this.bornAt(b), this.now);
  }

  /** The person's birth hour, or undefined when the cast gives none. */
  bornAt(i: number): Hour | undefined {
    const born = this.born[i];
    return Number.isNaN(born) ? undefined : born;
  }

  designationOf(i: number): string {
    return this.designation[i] >= 0 && this.presented[i] ? this.world.designations[this.designation[i]] : "";
  }

  /** Of age now: the birth date is known and the world's age of majority reached (`person.adult`). */
  isAdult(i: number): boolean {
    const born = this.bornAt(i);
    return born !== undefined && !isMinor(this.world, born, this.now);
  }

  /** Age in years, fractional; NaN when the birth date is unknown (a condition on it is then false). */
  ageYears(i: number, at = this.now): number {
    return (at - this.born[i]) / HOURS_PER_YEAR;
  }

  /**
   * What conditions see of a person. Views are cached until the next event that can change state
   * (every event but perceptions), since perception asks for the same people over and over.
   */
  view(i: number): PersonView {
    if (i < 0) return NO_PERSON;
    const cached = this.viewCache[i];
    if (cached && this.viewAt[i] === this.changes[i]) {
      // What changes with the clock alone is read afresh every time.
      cached.age = this.ageYears(i);
      cached.adult = this.isAdult(i);
      cached.stressed = this.scent.hasTell(i, "distress");
      return cached;
    }
    const v = this.buildView(i);
    this.viewCache[i] = v;
    this.viewAt[i] = this.changes[i];
    return v;
  }

  /**
   * What a scent condition sees of the person smelled (`target`): their bond only as their scent
   * shows it. In a world whose bonds are one-sided, a biter whose bite is not returned smells, and
   * so reads, as unbonded (model/bonds.ts); everywhere else this is their view.
   */
  smelledView(i: number): PersonView {
    const v = this.view(i);
    if (!v.bonded || this.bonds.showsBond(i)) return v;
    return { ...v, bonded: false, mate: "" };
  }

  /** Marks a person's cached view stale: call after changing their state without an event. */
  touch(i: number): void {
    this.changes[i]++;
  }

  private buildView(i: number): PersonView {
    const c = this.cycles.current(i);
    return {
      id: this.ids[i],
      name: this.names[i],
      exists: true,
      species: this.species[i],
      designation: this.designationOf(i),
      alignment: this.alignment[i],
      presented: this.presented[i] === 1,
      age: this.ageYears(i),
      adult: this.isAdult(i),
      traits: this.traits[i],
      roles: [...this.roles[i]],
      rank: this.institutions.rankOf(i),
      bonded: this.mate[i] >= 0,
      mate: this.mate[i] >= 0 ? this.ids[this.mate[i]] : "",
      matched: this.matched[i] === 1 || this.mate[i] >= 0,
      suppressed: this.suppressed[i] === 1,
      status: this.status[i],
      owner: this.owner[i] >= 0 ? this.ids[this.owner[i]] : "",
      location: this.location[i] >= 0 ? this.places[this.location[i]] : "",
      strength: this.strength[i],
      cycle: c?.cycle ?? "",
      phase: c?.phase ?? "",
      unresolved: c !== undefined && !c.resolved,
      stressed: this.scent.hasTell(i, "distress"),
    };
  }

  /** Input causes name files relative to the project, so logs are the same wherever it lives. */
  inputCause(id: string, at?: { file: string; line: number; column: number }): Cause {
    if (!at) return { kind: "input", id };
    const dir = this.project.dir.replace(/[/\\]+$/, "");
    const file = at.file.startsWith(dir + "/") || at.file.startsWith(dir + "\\") ? at.file.slice(dir.length + 1) : at.file;
    return { kind: "input", id, at: { ...at, file } };
  }

  emit(type: string, people: number[], text: Wording, causes: readonly Cause[], data?: SimEvent["data"], severity?: SimEvent["severity"]): LoggedEvent {
    const ids =
      people.length === 1 ? (this.soloPeople[people[0]] ??= [this.ids[people[0]]]) : people.length === 2 ? [this.ids[people[0]], this.ids[people[1]]] : people.map((p) => this.ids[p]);
    // A text put together from pieces is a tree of them until read whole; reading one character now
    // makes it one flat string, far cheaper to keep for the rest of the run.
    if (typeof text === "string") text.charCodeAt(0);
    const e = new LoggedEvent(this.nextId++, this.now, type, ids, text, causes);
    const place = people.length > 0 ? this.location[people[0]] : -1;
    if (place >= 0) e.place = this.places[place];
    if (severity) e.severity = severity;
    if (data) e.data = data;
    this.log.push(e);
    // An event names the people whose state it changed; their views are built afresh.
    if (!OBSERVATIONS.has(type)) for (const p of people) this.changes[p]++;
    if (people.length > 0) this.lastCauseHour[people[0]] = this.now;
    return e;
  }


  dateOf(text: string | undefined): Hour | undefined {
    return text ? parseDate(text) : undefined;
  }

}

/** A move's sentence: the event's place is where the person went. */
function moveWording(cast: CastNames): Wording {
  return (e) => `${cast.of(e.people[0])} goes to ${e.place}.`;
}

export function simulate(project: Project, options: SimOptions): SimEvent[] {
  return new Simulator(project, options).run();
}
