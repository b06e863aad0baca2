/**
 * The world file format. This one TypeBox schema is the source of the TypeScript types, of load-time
 * validation and of the JSON Schema that editors use for autocomplete (`scentline schema`).
 */
import { Type, type Static, type TSchema } from "@sinclair/typebox";
import { DATE_PATTERN, DISTANCE_PATTERN, DURATION_PATTERN } from "../core/time.js";

const closed = { additionalProperties: false } as const;
/** Marks a string as an expression of the given context; the loader compiles every one of them. */
export type ExpressionContext = "person" | "cycle" | "perception" | "influence";
const Expr = (context: ExpressionContext, description: string) =>
  Type.String({ minLength: 1, description: `${description} (a CEL expression)`, "x-expression": context });

export const Id = Type.String({ pattern: "^[a-zA-Z][a-zA-Z0-9-]*$", description: "a name: letters, digits and dashes", "x-hint": "use letters, digits and dashes, e.g. \"pre-heat\"" });
export const Duration = Type.String({ pattern: DURATION_PATTERN, description: "a length of time: 6h, 3d, 2w, 2mo, 1y; units combine (1y6mo)", "x-hint": "write a number and a unit: h, d, w, mo or y, e.g. \"3d\"" });
export const DurationRange = Type.Object({ min: Duration, max: Duration }, { ...closed, description: "a range, drawn uniformly" });
export const Dist = Type.Union([Duration, DurationRange], { description: "a fixed length (\"3d\") or a range ({ min: 2d, max: 5d })", "x-hint": "write a length such as \"3d\" or a range such as { min: 2d, max: 5d }" });
export const Distance = Type.Union([Type.Number({ minimum: 0 }), Type.String({ pattern: DISTANCE_PATTERN })], { description: "a distance in feet (50) or with a unit (\"50ft\", \"15m\")", "x-hint": "write feet as a number (50) or a distance with its unit (\"15m\")" });
export const DateText = Type.String({ pattern: DATE_PATTERN, description: "a date: 2026-03-01 or 2026-03-01T14:00", "x-hint": "write dates as YYYY-MM-DD, e.g. 2026-03-01" });
export const RuleId = Type.String({ pattern: "^[A-Z]{2,4}-\\d+[a-z]?$", description: "a seed-rule id such as GU-03" });
const Fraction = Type.Number({ minimum: 0, maximum: 1 });

/** An item of a list merged by id may, in a world that extends another, take the inherited item out. */
const removable = {
  remove: Type.Optional(Type.Literal(true, { description: "in a world that extends another: leave out the inherited item with this id", "x-hint": "write remove: true, or leave it out" })),
};

/** Where a piece of a world comes from: the seed rules it implements, or the open question it settles. */
const cite = {
  rules: Type.Optional(Type.Array(RuleId, { description: "seed rules this implements" })),
  question: Type.Optional(Type.String({ description: "the open question whose default this fills" })),
  note: Type.Optional(Type.String()),
};

export const Axis = Type.Object({ values: Type.Array(Id, { minItems: 1 }), description: Type.Optional(Type.String()), ...cite }, closed);
export const Species = Type.Object({ axes: Type.Array(Id), description: Type.Optional(Type.String()), ...cite }, closed);

export const Presentation = Type.Object(
  {
    axis: Id,
    atBirth: Type.Optional(Type.Boolean({ description: "designation is known from birth: no presentation event" })),
    age: Type.Optional(DurationRange),
    reveals: Type.Optional(Type.Array(Id)),
    ...cite,
  },
  closed,
);

export const Adjust = Type.Object(
  {
    factor: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100 })),
    set: Type.Optional(Dist),
    add: Type.Optional(Dist),
  },
  { ...closed, description: "how a modifier changes a length: multiply it, replace it, or add to it" },
);

export const Modifier = Type.Object(
  {
    id: Id,
    when: Expr("cycle", "when the modifier applies; names: self, partner"),
    skip: Type.Optional(Type.Boolean({ description: "no cycle comes while this holds" })),
    period: Type.Optional(Adjust),
    duration: Type.Optional(Adjust),
    resolved: Type.Optional(Type.Boolean({ description: "whether the cycle is resolved (satisfied) under this modifier" })),
    returnAfter: Type.Optional(Dist),
    risk: Type.Optional(Type.Object({ event: Id, probability: Fraction }, closed)),
    scentRange: Type.Optional(Type.Number({ minimum: 0, description: "multiplies the range of the cycle's scent" })),
    ...removable,
    ...cite,
  },
  closed,
);

export const Phase = Type.Object(
  {
    name: Id,
    duration: Type.Optional(Dist),
    tell: Type.Optional(Id),
    intensity: Type.Optional(Fraction),
    ...cite,
  },
  closed,
);

export const Trigger = Type.Object(
  {
    id: Id,
    when: Expr("perception", "a perceived scent that moves the cycle on; names: perceiver (the one in the cycle), target, tell, intensity"),
    advance: Type.Boolean({ description: "end the prelude and start the main phase at once" }),
    ...removable,
    ...cite,
  },
  closed,
);

export const Cycle = Type.Object(
  {
    designation: Id,
    description: Type.Optional(Type.String()),
    firstAt: Type.Optional(DurationRange),
    period: Dist,
    duration: Dist,
    prelude: Type.Optional(Phase),
    phases: Type.Array(Phase, { minItems: 1 }),
    modifiers: Type.Optional(Type.Array(Modifier)),
    triggers: Type.Optional(Type.Array(Trigger)),
    syncWithMate: Type.Optional(Type.Boolean({ description: "a bonded mate's cycle starts with this one" })),
    ...cite,
  },
  closed,
);

export const Suppressants = Type.Object(
  {
    blocks: Type.Optional(Type.Array(Id, { description: "cycles that do not come while suppressed" })),
    hides: Type.Optional(Type.Array(Id, { description: "tells (signature included) others cannot smell while suppressed" })),
    sideEffects: Type.Optional(Type.Array(Type.String(), { description: "side effects reported (as an event) for whoever starts on suppressants" })),
    breakthrough: Type.Optional(Type.Object({ tell: Id, probability: Fraction, ...cite }, closed)),
    ...cite,
  },
  closed,
);

export const RangeRule = Type.Object(
  {
    id: Id,
    when: Expr("perception", "who perceives whom at this range; names: perceiver, target, tell"),
    range: Distance,
    ...removable,
    ...cite,
  },
  closed,
);

export const RangeModifier = Type.Object(
  { id: Id, when: Expr("perception", "when the range changes; names: perceiver, target, tell"), factor: Type.Number({ minimum: 0 }), ...removable, ...cite },
  closed,
);

export const Response = Type.Object(
  {
    id: Id,
    when: Expr("perception", "who responds to a perceived scent; names: perceiver, target, tell, intensity"),
    action: Type.Union([Type.Literal("approach"), Type.Literal("avoid"), Type.Literal("calm"), Type.Literal("notice")], { "x-hint": "one of approach, avoid, calm, notice" }),
    ...removable,
    ...cite,
  },
  closed,
);

export const Scent = Type.Object(
  {
    signatureRange: Distance,
    crowd: Type.Optional(Type.Integer({ minimum: 2, description: "in a place with more people than this, single ordinary signatures blur: only tells and cycles stand out" })),
    ranges: Type.Optional(Type.Array(RangeRule)),
    tells: Type.Record(Id, Type.Object({ range: Distance, description: Type.Optional(Type.String()), ...cite }, closed)),
    rangeModifiers: Type.Optional(Type.Array(RangeModifier)),
    connections: Type.Object({ open: Fraction, door: Fraction, sealed: Fraction }, { ...closed, description: "the share of scent each kind of connection lets through" }),
    residue: Type.Optional(Type.Object({ halfLife: Duration, ...cite }, closed)),
    transfer: Type.Optional(Type.Object({ halfLife: Duration, ...cite }, closed)),
    masking: Type.Optional(
      Type.Object(
        {
          maskers: Expr("person", "who masks others' scent by standing near; name: person"),
          factorEach: Fraction,
          floor: Fraction,
          ...cite,
        },
        closed,
      ),
    ),
    reveals: Type.Optional(Type.Array(Type.Union([Type.Literal("designation"), Type.Literal("bonded"), Type.Literal("cycle-phase"), Type.Literal("mate"), Type.Literal("worn-scent")]))),
    responses: Type.Optional(Type.Array(Response)),
    ...cite,
  },
  closed,
);

export const Bonds = Type.Object(
  {
    formation: Type.Object(
      {
        gland: Type.String(),
        requiresKnot: Type.Optional(Type.Boolean()),
        requiresBlood: Type.Optional(Type.Boolean()),
        biter: Type.Optional(Expr("person", "who can give a claiming bite; name: person")),
        ...cite,
      },
      closed,
    ),
    mutual: Type.Optional(
      Type.Object(
        {
          symmetric: Type.Boolean({ description: "in a oneSided world, a bite returned by the one bitten makes the first biter's scent show the bond too" }),
          oneSided: Type.Optional(
            Type.Boolean({
              description:
                "until the bite is returned, the bond shows only in the scent of the one bitten: the biter smells unbonded, and scent conditions read them as unbonded (default false: a claiming bite changes both scents at once)",
            }),
          ),
          ...cite,
        },
        closed,
      ),
    ),
    effects: Type.Optional(
      Type.Object(
        {
          scentMerge: Type.Optional(Type.Boolean({ description: "a bonded person's scent, once it shows the bond, carries their mate's notes (told where scent.reveals includes bonded)" })),
          feltEmotions: Type.Optional(Type.Boolean()),
          reducedResponse: Type.Optional(
            Type.Boolean({ description: "a bonded person is not drawn (approach) to anyone but their mate, only takes note; responses whose condition reads perceiver.bonded or perceiver.mate apply as written" }),
          ),
          ...cite,
        },
        closed,
      ),
    ),
    break: Type.Optional(Type.Object({ allowed: Type.Boolean(), window: Type.Optional(Duration), cost: Type.Optional(Type.String()), ...cite }, closed)),
    annulment: Type.Optional(Type.Object({ noCycleWithin: Duration, cycle: Id, ...cite }, closed)),
    ...cite,
  },
  closed,
);

export const Influence = Type.Object(
  {
    voice: Type.Optional(
      Type.Object(
        {
          speakers: Expr("person", "who can use the voice; name: person"),
          resists: Expr("influence", "who resists a command; names: speaker, listener, group"),
          calms: Type.Optional(Type.Array(Id, { description: "tells the voice turns to calm" })),
          ...cite,
        },
        closed,
      ),
    ),
    pressure: Type.Optional(
      Type.Object(
        {
          resists: Expr("influence", "who is unaffected by pressure; names: speaker, listener, group"),
          slowed: Type.Optional(Expr("influence", "who gives way only slowly and partly; names: speaker, listener, group")),
          rounds: Type.Object({ min: Type.Integer({ minimum: 1 }), max: Type.Integer({ minimum: 1 }) }, closed),
          signals: Type.Optional(Type.Array(Type.String())),
          permanentAfterChallenge: Type.Optional(Type.Boolean({ description: "once a challenge is won, the loser's pressure and voice never work on the winner again" })),
          ...cite,
        },
        closed,
      ),
    ),
  },
  closed,
);

export const EffectType = Type.Union(
  ["appoint-guardian", "require-visits", "mandate-suppressants", "bar-role", "bar-pairing", "legal-status", "succession", "challenge", "discharge", "conscript"].map((t) => Type.Literal(t)),
  { "x-hint": "one of appoint-guardian, require-visits, mandate-suppressants, bar-role, bar-pairing, legal-status, succession, challenge, discharge, conscript" },
);

export const Institution = Type.Object(
  {
    kind: Type.Union([Type.Literal("law"), Type.Literal("custom")], { "x-hint": "law (binds: forbidden acts are refused) or custom (expected: departures are warned about)" }),
    description: Type.Optional(Type.String()),
    effect: EffectType,
    appliesTo: Type.Optional(Expr("person", "whom it applies to; name: person")),
    inForce: Type.Optional(Type.Boolean({ description: "in force from the story's start (default true); reforms enact or repeal it on a date" })),
    from: Type.Optional(DateText),
    until: Type.Optional(DateText),
    guardian: Type.Optional(Expr("person", "who may be appointed guardian; name: person")),
    visits: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    chaperone: Type.Optional(Expr("person", "who counts as a chaperone; name: person")),
    role: Type.Optional(Id),
    roles: Type.Optional(Type.Array(Id, { description: "for bar-role and discharge: several roles at once" })),
    exempt: Type.Optional(Expr("person", "for conscript: who, among those it applies to, is exempt; name: person")),
    pair: Type.Optional(Expr("cycle", "for bar-pairing: which pairs may not bond, partner or be matched; names: self, partner (each of the two is tried as self)")),
    acts: Type.Optional(
      Type.Array(Type.Union([Type.Literal("bond"), Type.Literal("partner"), Type.Literal("match")], { "x-hint": "one of bond, partner, match" }), {
        minItems: 1,
        description: "for bar-pairing: the acts it covers, of bond (a claiming bite), partner (a heat or rut partnership) and match; all three when left out",
        "x-hint": "a list of one or more of bond, partner, match, e.g. [bond, match]",
      }),
    ),
    status: Type.Optional(Id),
    by: Type.Optional(Type.Union([Type.Literal("strength"), Type.Literal("designated"), Type.Literal("eldest")])),
    loserFate: Type.Optional(Id),
    ...cite,
  },
  closed,
);

export const Role = Type.Object(
  {
    description: Type.Optional(Type.String()),
    rank: Type.Optional(
      Type.Object(
        { ladder: Id, level: Type.Integer({ minimum: 1, maximum: 100, description: "higher is senior" }) },
        { ...closed, description: "a rank on a ladder: appointing someone to another rank of the same ladder promotes or demotes them" },
      ),
    ),
    paid: Type.Optional(Type.Boolean({ description: "the role is paid: losing it stops the pay" })),
    ...cite,
  },
  closed,
);

export const CanonInfo = Type.Object(
  {
    seedRules: Type.Array(RuleId, { description: "every seed rule of this world's source text" }),
    notModelled: Type.Optional(Type.Record(RuleId, Type.String(), { description: "seed rules left out, each with the reason" })),
    assumed: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description:
          "values the world keeps that its source text does not give and none of its open questions covers, by the path of the piece that holds them (scent.tells.heat), each with what is assumed and why",
      }),
    ),
  },
  closed,
);

export const World = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    id: Id,
    name: Type.String(),
    description: Type.Optional(Type.String()),
    source: Type.Optional(Type.String()),
    extends: Type.Optional(Type.String({ description: "a preset name (classic, first-order, guardianship, daxam) or a path to another world file" })),
    ageOfMajority: Type.Number({ minimum: 18, maximum: 40, description: "never below 18", "x-hint": "the age of majority cannot be below 18" }),
    axes: Type.Record(Id, Axis),
    species: Type.Record(Id, Species),
    defaultSpecies: Id,
    presentation: Presentation,
    strength: Type.Optional(Type.Record(Id, Type.Number({ minimum: 0, maximum: 10 }), { description: "default pressure strength by designation" })),
    cycles: Type.Record(Id, Cycle),
    suppressants: Type.Optional(Suppressants),
    scent: Scent,
    bonds: Bonds,
    influence: Type.Optional(Influence),
    institutions: Type.Optional(Type.Record(Id, Institution)),
    roles: Type.Optional(Type.Record(Id, Role)),
    canon: Type.Optional(CanonInfo),
  },
  closed,
);

export type WorldSpec = Static<typeof World>;
export type CycleSpec = Static<typeof Cycle>;
export type ModifierSpec = Static<typeof Modifier>;
export type PhaseSpec = Static<typeof Phase>;
export type DistSpec = Static<typeof Dist>;
export type AdjustSpec = Static<typeof Adjust>;
export type InstitutionSpec = Static<typeof Institution>;
export type ScentSpec = Static<typeof Scent>;
export type RoleSpec = Static<typeof Role>;
export type SchemaNode = TSchema;
