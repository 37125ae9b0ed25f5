import { schema, t } from "@colyseus/schema";

/**
 * The Colyseus state. Everything outside `perspectives` is public (same for every client).
 * Each perspective is exactly one viewer's `viewFor` projection, and a client's StateView
 * holds only its own perspective, so another nation's secrets never leave the server.
 */
export const RegionSchema = schema(
  {
    id: t.string(),
    owner: t.string(),
    stability: t.number(),
    baseline: t.number(),
    crisisKind: t.string(),
    crisisSeverity: t.number(),
    crisisSince: t.number(),
  },
  "Region",
);

/**
 * A nation as everyone sees it. `control`: who plays it (people, bot, roleplayer, control),
 * `persona` the bot's, `playbook` its adversary playbook's mode (engine/nation-control.ts):
 * public, like the seats online, since exercise control announces who is at each table.
 */
export const NationSchema = schema(
  {
    id: t.string(),
    name: t.string(),
    color: t.string(),
    playable: t.boolean(),
    alliance: t.boolean(),
    committed: t.boolean(),
    publicStance: t.string(),
    online: t.number(),
    control: t.string(),
    persona: t.string(),
    playbook: t.string(),
  },
  "Nation",
);

export const NationPrivateSchema = schema(
  {
    id: t.string(),
    budget: t.number(),
    budgetPerTurn: t.number(),
    politicalCapital: t.number(),
    readiness: t.number(),
    alertLevel: t.string(),
    rulesOfEngagement: t.string(),
    publicStance: t.string(),
    intelSharing: t.string(),
    committedBy: t.string(),
  },
  "NationPrivate",
);

export const AssetSchema = schema(
  {
    id: t.string(),
    name: t.string(),
    type: t.string(),
    owner: t.string(),
    region: t.string(),
    status: t.string(),
    strength: t.number(),
    mission: t.string(),
    destination: t.string(),
    route: t.string(),
    eta: t.number(),
    prepositioned: t.boolean(),
    /** Why a moving asset moves: "deploy", "preposition", "recall", or "" when it is not moving. */
    intent: t.string(),
    foreign: t.boolean(),
    lastSeenTurn: t.number(),
    /** The carrier an own unit is aboard (strategic lift), or "". */
    embarkedOn: t.string(),
    /** The name's translations as JSON ({"fr":{"name":"…"}}), or "" when the scenario gives none. */
    names: t.string(),
    /** Under alliance command: the authority and its caveats as JSON ({"since":2,"excludedMissions":[…],"excludedRegions":[…]}); "" otherwise. */
    authority: t.string(),
    /** A foreign asset: how the viewer knows it (view-for.ts SeenBy) as JSON; "" on its own territory or for an own asset. */
    seen: t.string(),
  },
  "Asset",
);

/**
 * A team's draft as flat fields (shared/view/draft-wire.ts): the commonest change a team sees,
 * so its patch carries field indexes and values, not a JSON document's names (#23).
 */
export const DraftSchema = schema(
  {
    id: t.string(),
    nation: t.string(),
    author: t.string(),
    turn: t.number(),
    as: t.string(),
    kind: t.string(),
    asset: t.string(),
    destination: t.string(),
    mission: t.string(),
    carrier: t.string(),
    partner: t.string(),
    amount: t.number(),
    more: t.string(),
    budget: t.number(),
    politicalCapital: t.number(),
    readiness: t.number(),
    route: t.string(),
    eta: t.number(),
  },
  "Draft",
);

export const RelationSchema = schema({ trust: t.number(), interoperability: t.number() }, "Relation");

export const SeatSchema = schema({ name: t.string(), nation: t.string(), role: t.string(), online: t.boolean() }, "Seat");

export const PerspectiveSchema = schema(
  {
    viewer: t.string(),
    nations: t.map(NationPrivateSchema),
    assets: t.map(AssetSchema),
    relations: t.map(RelationSchema),
    // Records that change rarely and whole (reports, messages, agreements …) travel as JSON
    // strings: a map of strings costs no schema object per record, on the server or in the
    // browser (one per record cost the server 11 % of its CPU per command).
    reports: t.map("string"),
    agreements: t.map("string"),
    consentRequests: t.map("string"),
    infoRequests: t.map("string"),
    drafts: t.map(DraftSchema),
    messages: t.map("string"),
    injects: t.map("string"),
    objectives: t.map("string"),
    notes: t.map("string"),
    playbookQueue: t.map("string"),
    controlLog: t.map("string"),
    evaluationGuide: t.map("string"),
    observations: t.map("string"),
    capabilityRatings: t.map("string"),
    feedbackAnswered: t.map("string"),
    feedbackObjectives: t.map("string"),
    feed: t.map("string"),
    /** The team's turn cards, keyed "<turn>:<nation>" (shared/view/turn-summary.ts). */
    turns: t.map("string"),
    seats: t.map(SeatSchema),
    /** The event this perspective last changed at (the public `seq` is the one the public part last changed at). */
    seq: t.number(),
  },
  "Perspective",
);

export const ExerciseRoomState = schema(
  {
    exerciseId: t.string(),
    title: t.string(),
    /** JSON of publicScenario(): map, nations, asset types. Sent once; never changes. */
    scenario: t.string(),
    phase: t.string(),
    turn: t.number(),
    turns: t.number(),
    /** The event the public part last changed at; what a client sees reflects max(this, its perspective's seq). */
    seq: t.number(),
    deadline: t.number(),
    pausedRemainingMs: t.number(),
    turnSeconds: t.number(),
    scenarioTime: t.string(),
    cohesion: t.number(),
    /** Public: how alarmed the adversary is, and (JSON of Msg[]) what moved it at the last resolution. */
    tension: t.number(),
    tensionReasons: t.string(),
    /** The alliance commander's nation id, or "" while nobody commands. */
    allianceCommander: t.string(),
    regions: t.map(RegionSchema),
    nations: t.map(NationSchema),
    perspectives: t.map(PerspectiveSchema).view(),
  },
  "ExerciseRoomState",
);

export type ExerciseRoomState = InstanceType<typeof ExerciseRoomState>;
export type PerspectiveSchema = InstanceType<typeof PerspectiveSchema>;
