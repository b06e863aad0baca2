/**
 * The story project format (`scentline.yaml`): which world, when the story starts, the cast,
 * the places and how they connect, the relations, and a schedule of authored events.
 */
import { Type, type Static } from "@sinclair/typebox";
import { DATE_PATTERN, DURATION_PATTERN } from "../core/time.js";
import { DateText, Distance, Id } from "../world/schema.js";

const closed = { additionalProperties: false } as const;
const Moment = Type.String({ minLength: 1, description: "a date (2026-03-01, 2026-03-01T14:00) or a time after the start (+3d, +2w)", "x-hint": "write a date such as 2026-03-01 or a time after the start such as +3d" });
const Ref = Type.String({ minLength: 1, description: "the id or name of a person in the cast" });

export const Person = Type.Object(
  {
    id: Type.Optional(Id),
    name: Type.String({ minLength: 1 }),
    aliases: Type.Optional(Type.Array(Type.String())),
    born: Type.Optional(
      Type.String({
        pattern: DATE_PATTERN,
        description: "the birth date (2026-03-01). Without it the person's age is unknown: only someone known to be under age is refused, and `scentline check` asks for the date where they take part in courtship, bonding, a bite or heat partnership",
        "x-hint": "write dates as YYYY-MM-DD, e.g. 2026-03-01",
      }),
    ),
    species: Type.Optional(Id),
    designation: Type.Optional(Id),
    alignment: Type.Optional(Id),
    strength: Type.Optional(Type.Number({ minimum: 0, maximum: 10 })),
    traits: Type.Optional(Type.Array(Id)),
    roles: Type.Optional(Type.Array(Id)),
    scent: Type.Optional(Type.Array(Type.String(), { description: "the notes of the person's scent signature" })),
    location: Type.Optional(Id),
    status: Type.Optional(Id),
    owner: Type.Optional(Ref),
    pronouns: Type.Optional(Type.Union([Type.Literal("she"), Type.Literal("he"), Type.Literal("they"), Type.Literal("it")], { description: "the pronoun the chapters use for this person, which helps the checker follow who 'she' or 'he' is", "x-hint": "one of she, he, they, it" })),
    notes: Type.Optional(Type.String()),
  },
  closed,
);

export const Place = Type.Object(
  { id: Id, name: Type.Optional(Type.String()), within: Type.Optional(Id), notes: Type.Optional(Type.String()) },
  closed,
);

export const Connection = Type.Object(
  {
    between: Type.Tuple([Id, Id]),
    distance: Distance,
    kind: Type.Union([Type.Literal("open"), Type.Literal("door"), Type.Literal("sealed")], { "x-hint": "one of open, door, sealed" }),
  },
  closed,
);

export const RelationKind = Type.Union(
  ["bond", "partner", "guardian", "owner", "parent", "sibling", "courtship", "dominant-of", "family"].map((k) => Type.Literal(k)),
  { "x-hint": "one of bond, partner, guardian, owner, parent, sibling, courtship, dominant-of, family" },
);

export const Relation = Type.Object(
  { kind: RelationKind, a: Ref, b: Ref, since: Type.Optional(DateText), notes: Type.Optional(Type.String()) },
  closed,
);

export const EventKind = Type.Union(
  [
    "move", "meet", "bite", "visit", "match", "partner", "end-partner", "suppressants", "stop-suppressants",
    "voice", "pressure", "enact", "repeal", "free", "sell", "appoint", "challenge", "contact", "tell", "stress", "wash", "break-bond", "injure",
  ].map((k) => Type.Literal(k)),
  { "x-hint": "one of move, meet, bite, visit, match, partner, end-partner, suppressants, stop-suppressants, voice, pressure, enact, repeal, free, sell, appoint, challenge, contact, tell, stress, wash, break-bond, injure" },
);

export const ScheduledEvent = Type.Object(
  {
    at: Moment,
    type: EventKind,
    every: Type.Optional(Type.String({ pattern: DURATION_PATTERN, description: "repeat the event this often (a routine): 1d, 1w, 4w", "x-hint": "write a length such as 1w or 4w" })),
    times: Type.Optional(Type.Integer({ minimum: 1, description: "how many times in all, with every (default: until the run ends)" })),
    who: Type.Optional(Ref),
    with: Type.Optional(Type.Array(Ref)),
    to: Type.Optional(Id),
    chaperones: Type.Optional(Type.Array(Ref)),
    institution: Type.Optional(Id),
    role: Type.Optional(Id),
    tell: Type.Optional(Id),
    command: Type.Optional(Type.String()),
    winner: Type.Optional(Type.String({ minLength: 1, description: "for a challenge: who wins, when the story says so" })),
    knot: Type.Optional(Type.Boolean()),
    blood: Type.Optional(Type.Boolean()),
    gland: Type.Optional(Type.Boolean()),
    note: Type.Optional(Type.String()),
  },
  closed,
);

export const Project = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    title: Type.Optional(Type.String()),
    world: Type.String({ minLength: 1, description: "a canon preset name or a path to a world file" }),
    start: DateText,
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295 })),
    cast: Type.Array(Person, { minItems: 1 }),
    places: Type.Optional(Type.Array(Place)),
    connections: Type.Optional(Type.Array(Connection)),
    relations: Type.Optional(Type.Array(Relation)),
    schedule: Type.Optional(Type.Array(ScheduledEvent)),
    chapters: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: "the chapter files in reading order, relative to this file (default: chapters/*.md by name)" })),
    check: Type.Optional(
      Type.Object(
        {
          rules: Type.Optional(
            Type.Record(Type.String(), Type.Union([Type.Literal("error"), Type.Literal("warn"), Type.Literal("warning"), Type.Literal("info"), Type.Literal("off")], { "x-hint": "one of error, warn, info, off" }), {
              description: "severity by check id: error, warn, info or off (under-age cannot be turned off)",
            }),
          ),
        },
        closed,
      ),
    ),
  },
  closed,
);

export type ProjectSpec = Static<typeof Project>;
export type PersonSpec = Static<typeof Person>;
export type PlaceSpec = Static<typeof Place>;
export type ConnectionSpec = Static<typeof Connection>;
export type RelationSpec = Static<typeof Relation>;
export type ScheduledEventSpec = Static<typeof ScheduledEvent>;
