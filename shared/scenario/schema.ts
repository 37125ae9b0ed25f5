import { z } from "zod";
import { idString } from "../protocol/ids.ts";
import { Condition } from "./conditions.ts";
import { Effect, AssetStatus } from "./effects.ts";
import { RuleCoefficients } from "./rules.ts";
import { Language, text, translations, scenarioTranslations, splitLanguages } from "./localized.ts";
import { ExpectedOutcome } from "./expected-outcome.ts";
import { EvaluationGuide } from "./eeg.ts";
import { PlaybookSpec } from "./playbook.ts";
import { EXPECTABLE_COMMANDS } from "./expectable-commands.ts";

/** Ids are short machine names used in references across the file. */
const Id = idString(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "ids are lower-case letters, digits, '-' or '_' (max 40)"));
const Percent = z.number().min(0).max(100);

export const AlertLevel = z.enum(["normal", "elevated", "high", "maximum"]);
export type AlertLevel = z.infer<typeof AlertLevel>;
export const RulesOfEngagement = z.enum(["restrictive", "standard", "robust"]);
export type RulesOfEngagement = z.infer<typeof RulesOfEngagement>;
export const PublicStance = z.enum(["quiet", "reassuring", "firm", "assertive"]);
export type PublicStance = z.infer<typeof PublicStance>;
/** How much a nation shares with one partner by default. */
export const SharingPolicy = z.enum(["none", "need-to-know", "full"]);
export type SharingPolicy = z.infer<typeof SharingPolicy>;

export const Policies = z.object({
  alertLevel: AlertLevel.default("normal"),
  rulesOfEngagement: RulesOfEngagement.default("standard"),
  publicStance: PublicStance.default("quiet"),
  /** Per partner nation id; partners not named are "need-to-know". */
  intelSharing: z.record(z.string(), SharingPolicy).default({}),
});
export type Policies = z.infer<typeof Policies>;

export const NationSpec = z.object({
  id: Id,
  name: text(80),
  /** Colour-blind-safe hex colour for the map. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "colours are #rrggbb"),
  /**
   * The fill of the nation's regions on the map. Absent: derived from `color` so that every two
   * fills stay apart under colour-vision deficiencies (shared/colour/map-palette.ts); the
   * validator warns when a given fill is too close to another.
   */
  mapFill: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "colours are #rrggbb")
    .optional(),
  playable: z.boolean().default(true),
  /** Member of the alliance whose cohesion is measured. */
  alliance: z.boolean().default(true),
  /**
   * The other side: its forces oppose the alliance's (incidents, hostile presence, deterrence).
   * Absent: a nation that is neither playable nor in the alliance is the adversary.
   */
  adversary: z.boolean().optional(),
  description: text(2000, 0).default(""),
  /**
   * The name a role-player or exercise control speaks under when playing this nation in
   * character ("Varkhan MFA spokesperson"); absent: the nation's name. A role-player's own
   * persona (given at the join or on its code) comes first.
   */
  persona: z.string().trim().min(1).max(80).optional(),
  budget: z.number().min(0).max(100000),
  budgetPerTurn: z.number().min(0).max(100000),
  politicalCapital: Percent,
  readiness: Percent,
  policies: Policies.default({ alertLevel: "normal", rulesOfEngagement: "standard", publicStance: "quiet", intelSharing: {} }),
  /** Translations of name and description (see localized.ts). */
  i18n: translations({ name: 80, description: 2000 }),
  /** A nation no team plays: what it does by itself (playbook.ts; lazy, the two files import each other). */
  playbook: z.lazy(() => PlaybookSpec).optional(),
});
export type NationSpec = z.infer<typeof NationSpec>;

export const RelationSpec = z.object({ a: Id, b: Id, trust: Percent, interoperability: Percent });
export type RelationSpec = z.infer<typeof RelationSpec>;

export const CrisisSpec = z.object({ kind: z.string().min(1).max(60), severity: Percent });
export type CrisisSpec = z.infer<typeof CrisisSpec>;

export const RegionSpec = z.object({
  id: Id,
  name: text(80),
  kind: z.enum(["land", "sea"]),
  terrain: z.string().max(40).default("plain"),
  /** Centre on a 1000 × 700 map canvas. */
  x: z.number().min(0).max(1000),
  y: z.number().min(0).max(700),
  /** Optional outline as [x, y] points on the same canvas; a hexagon around (x, y) otherwise. */
  shape: z
    .array(z.tuple([z.number(), z.number()]))
    .min(3)
    .optional(),
  owner: Id.nullable().default(null),
  stability: Percent,
  /**
   * The stability it regains, without a crisis, up to: a fragile region that starts low can be
   * brought higher by good play. Defaults to its starting stability.
   */
  recoversTo: Percent.optional(),
  adjacent: z.array(Id).min(1),
  crisis: CrisisSpec.optional(),
  /** A land region where ships put in: they may enter it (and only stop there), and units embark on or land from ships here. */
  port: z.boolean().optional(),
  /** A land region where transport aircraft load and unload units. */
  airfield: z.boolean().optional(),
  i18n: translations({ name: 80 }),
});
export type RegionSpec = z.infer<typeof RegionSpec>;

export const AssetCategory = z.enum(["naval", "air", "land", "isr", "cyber", "logistics", "medical"]);
export type AssetCategory = z.infer<typeof AssetCategory>;

export const Mission = z.enum([
  "patrol",
  "presence",
  "humanitarian",
  "medical",
  "logistics",
  "surveillance",
  "cyber-defence",
  "deterrence",
  "escort",
  "training",
]);
export type Mission = z.infer<typeof Mission>;

/**
 * What a carrier can take aboard: how many units at once and which categories. Only units that
 * cannot cross the sea by themselves (types whose domain is "land") are ever lifted.
 */
export const LiftSpec = z.object({
  capacity: z.number().int().min(1).max(10),
  carries: z.array(AssetCategory).min(1),
});
export type LiftSpec = z.infer<typeof LiftSpec>;

export const AssetTypeSpec = z.object({
  id: Id,
  name: text(80),
  category: AssetCategory,
  /** Regions moved per turn. */
  speed: z.number().int().min(1).max(10),
  /** Budget per turn while deployed or moving. */
  upkeep: z.number().min(0).max(1000),
  /** Cost to start a deployment. */
  deployCost: z.number().min(0).max(10000).default(0),
  /** Where it can go. */
  domain: z.enum(["land", "sea", "any"]),
  /** How well each mission fits each crisis kind: crisis kind → fitness 0–1; "*" for any crisis. */
  fitness: z.record(z.string(), z.number().min(0).max(1)).default({}),
  missions: z.array(Mission).min(1),
  /** ISR: regions of reach for detection (0 = own region only). */
  detectionRange: z.number().int().min(0).max(3).default(0),
  /** A carrier (a ship loads at ports, anything else at airfields); absent: carries nothing. */
  lift: LiftSpec.optional(),
  i18n: translations({ name: 80 }),
});
export type AssetTypeSpec = z.infer<typeof AssetTypeSpec>;

export const AssetSpec = z.object({
  id: Id,
  name: text(80),
  type: Id,
  owner: Id,
  region: Id,
  strength: Percent.default(100),
  status: AssetStatus.default("ready"),
  mission: Mission.optional(),
  prepositioned: z.boolean().default(false),
  /** Starts aboard this carrier (same owner, same region, which its type can carry). */
  embarkedOn: Id.optional(),
  i18n: translations({ name: 80 }),
});
export type AssetSpec = z.infer<typeof AssetSpec>;

export const AgreementKind = z.enum(["mou", "sofa", "intel-sharing", "joint-exercise-programme", "command-arrangement"]);
export type AgreementKind = z.infer<typeof AgreementKind>;
/** The cooperation an MOU opens (docs/RULES.md): cheaper joint training, or host-nation logistics support. */
export const MouScope = z.enum(["training", "logistics"]);
export type MouScope = z.infer<typeof MouScope>;

export const AgreementSpec = z.object({
  id: Id,
  kind: AgreementKind,
  title: text(120),
  parties: z.array(Id).min(2),
  /** Last turn the agreement is in force (inclusive); absent = open-ended. */
  expiresTurn: z.number().int().min(1).optional(),
  /** An MOU: the cooperation it opens. */
  scope: MouScope.optional(),
  /** A command arrangement: the nation the parties agree commands the alliance's forces under transfer of authority. */
  commander: Id.optional(),
  i18n: translations({ title: 120 }),
});
export type AgreementSpec = z.infer<typeof AgreementSpec>;

export const InjectType = z.enum(["event", "information", "media", "contingency"]);
export type InjectType = z.infer<typeof InjectType>;
export const Delivery = z.enum(["briefing", "message", "phone", "email", "media", "intelligence", "in-person"]);
export type Delivery = z.infer<typeof Delivery>;

export const Trigger = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("scheduled"), turn: z.number().int().min(1) }),
  z.object({ kind: z.literal("manual") }),
  z.object({ kind: z.literal("conditional"), condition: Condition, earliestTurn: z.number().int().min(1).default(1) }),
]);
export type Trigger = z.infer<typeof Trigger>;

/** Command kinds a team can take in response to an inject (see shared/protocol/commands.ts). */
export const ExpectedAction = z.object({
  description: text(400),
  /** Nations expected to act; absent = every addressed playable nation. */
  nations: z.array(Id).optional(),
  /**
   * The kind of command that counts as the response, e.g. "deployAsset", "shareIntel": one of
   * EXPECTABLE_COMMANDS (the validator says so in words; the JSON Schema lists them for editors).
   */
  command: z
    .string()
    .min(1)
    .meta({ enum: [...EXPECTABLE_COMMANDS] }),
  /** For deployments: the destination region that counts. */
  region: Id.optional(),
  /** Met when done within this many turns of the release; partly met when done later. */
  withinTurns: z.number().int().min(0).max(20).default(1),
  /** What must have taken effect for it to count (expected-outcome.ts); absent: the outcome `command` means. */
  outcome: ExpectedOutcome.optional(),
  /** The EEG critical task this action evidences. */
  task: Id.optional(),
  i18n: translations({ description: 400 }),
});
export type ExpectedAction = z.infer<typeof ExpectedAction>;

export const InjectSpec = z.object({
  id: Id,
  /** HSEEP inject number as printed on the MSEL, e.g. "1.04". */
  number: z.string().min(1).max(20),
  trigger: Trigger,
  type: InjectType,
  delivery: Delivery.default("message"),
  from: text(80),
  /** Addressed nations, or "all". */
  to: z.union([z.literal("all"), z.array(Id).min(1)]),
  title: text(160),
  body: text(4000),
  effects: z.array(Effect).default([]),
  expectedActions: z.array(ExpectedAction).default([]),
  objective: text(200, 0).default(""),
  capability: text(200, 0).default(""),
  /** The EEG critical tasks this inject tests. */
  tasks: z.array(Id).max(20).optional(),
  /** The controller responsible for it, by name or cell (free text; absent when nobody is named). */
  controller: text(80, 0).optional(),
  /** Exercise control's own notes on the inject (never shown to the addressees). */
  notes: text(2000, 0).optional(),
  i18n: translations({ from: 80, title: 160, body: 4000, objective: 200, capability: 200 }),
});
export type InjectSpec = z.infer<typeof InjectSpec>;

export const ObjectiveSpec = z.object({
  id: Id,
  title: text(200),
  /** Owning nation, or absent for an alliance-wide objective. */
  nation: Id.optional(),
  condition: Condition,
  /** "end": judged when the exercise ends; "any": met as soon as it is true once. */
  judged: z.enum(["end", "any"]).default("end"),
  i18n: translations({ title: 200 }),
});
export type ObjectiveSpec = z.infer<typeof ObjectiveSpec>;

const ScenarioObject = z.object({
  $schema: z.string().optional(),
  id: Id,
  /** The language the texts are written in when they are plain strings ("en" when absent). */
  language: Language.optional().describe(
    'The language of the texts written as plain strings; "en" when absent. Texts written as {"en": …, "fr": …} must include it.',
  ),
  /** The languages the scenario is translated into (the main one included); the validator warns of each missing translation. */
  languages: z
    .array(Language)
    .min(1)
    .optional()
    .describe("The languages the scenario is translated into, its main language included; each text missing in one is a warning."),
  title: text(160),
  summary: text(2000),
  briefing: text(8000, 0).default(""),
  learningObjectives: z.array(text(300)).min(1),
  turns: z.number().int().min(1).max(100),
  hoursPerTurn: z.number().min(0.25).max(720),
  /** Scenario clock at the start of turn 1 (ISO 8601). */
  startTime: z.iso.datetime(),
  nations: z.array(NationSpec).min(2),
  relations: z.array(RelationSpec).default([]),
  /** Trust and interoperability for pairs not listed in relations. */
  defaultRelation: z.object({ trust: Percent, interoperability: Percent }).default({ trust: 50, interoperability: 40 }),
  regions: z.array(RegionSpec).min(2),
  assetTypes: z.array(AssetTypeSpec).min(1),
  assets: z.array(AssetSpec).default([]),
  agreements: z.array(AgreementSpec).default([]),
  msel: z.array(InjectSpec).default([]),
  objectives: z.array(ObjectiveSpec).default([]),
  /** The alliance nation that commands forces placed under alliance command from the start (exercise control or a command arrangement may change it). */
  allianceCommander: Id.optional(),
  rules: RuleCoefficients.prefault({}),
  /** The Exercise Evaluation Guide: objectives → capabilities → critical tasks (eeg.ts). */
  evaluation: EvaluationGuide.optional(),
  /** How strict the validator is about what an author may want to keep while drafting. */
  validation: z
    .object({
      /** A playable asset that can reach no region where its missions matter: "error" (default) refuses the file, "warn" only says so. */
      unreachableAssets: z.enum(["error", "warn"]).optional(),
    })
    .optional(),
  /** Translations of title, summary, briefing and learningObjectives[n] (see localized.ts). */
  i18n: scenarioTranslations,
});

/**
 * A scenario file. Texts may be written as `{"en": "…", "fr": "…"}`: the preprocess keeps the
 * main language in the field and puts the others in `i18n` (shared/scenario/localized.ts).
 */
export const ScenarioSpec = z.preprocess(splitLanguages, ScenarioObject);
export type ScenarioSpec = z.infer<typeof ScenarioSpec>;
/** A scenario as TypeScript writes it (texts as plain strings). */
export type ScenarioInput = z.input<typeof ScenarioObject>;
