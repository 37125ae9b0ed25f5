import type { AgreementKind, AlertLevel, MouScope, PublicStance, RulesOfEngagement, SharingPolicy } from "../scenario/schema.ts";

/**
 * How a bot plays a nation: data, not code, so a persona can be read (and argued with) like a
 * rule. Each number is a propensity from 0 (never) to 1 (whenever it can); the bot rolls its own
 * seeded dice against them, so two runs with the same seed play the same game.
 */
export type Persona = {
  id: PersonaId;
  /** The posture it sets at the start and returns to. */
  posture: { alertLevel: AlertLevel; rulesOfEngagement: RulesOfEngagement; publicStance: PublicStance };
  /** The posture it takes while a hostile-actor crise it can see is severe (null: it does not change). */
  underThreat: { alertLevel: AlertLevel; rulesOfEngagement: RulesOfEngagement; publicStance: PublicStance } | null;
  /** Deployments it starts in a turn at most, and whether it goes beyond its own territory. */
  deploymentsPerTurn: number;
  respondsAbroad: boolean;
  /** Keeps this share of its budget in reserve. */
  reserve: number;
  /** Shares its own new reports with alliance partners. */
  shares: number;
  /** Answers requests for information and for consent (and grants consent). */
  answers: number;
  grantsConsent: number;
  /** Accepts agreements it is offered. */
  accepts: number;
  /** Proposes a joint exercise, convenes a dialogue, funds a partner's capacity (per turn). */
  jointExercises: number;
  dialogues: number;
  capacityBuilding: number;
  /** Its sharing policy toward alliance partners. */
  sharingPolicy: SharingPolicy;
  /** Brings assets home once the crisis they answered is over. */
  recalls: boolean;
  /** Places a free unit under alliance command (per turn), proposing a command arrangement when nobody commands. */
  transfersAuthority: number;
  /** The agreement it proposes to an ally that has none of that kind with it, and how often (per turn). */
  proposes: { kind: AgreementKind; scope?: MouScope } | null;
  proposals: number;
  /** Makes a releasable version (a tear line) of a new report it may not share as it is, for the alliance. */
  releasesVersions: number;
  /** Sends a unit to look where its reports place adversary forces near home: never, on confirmed or A–B graded reports only, or on any report. */
  actsOnSightings: "never" | "graded" | "any";
  /** Lifts units that cannot reach a crisis by themselves on its ships and transport aircraft. */
  usesLift: boolean;
};

export const PERSONA_IDS = ["cooperative", "cautious", "free-rider", "hawk"] as const;
export type PersonaId = (typeof PERSONA_IDS)[number];

export const PERSONAS: Record<PersonaId, Persona> = {
  /** A good ally: answers, shares, responds wherever help is needed, builds the coalition. */
  cooperative: {
    id: "cooperative",
    posture: { alertLevel: "elevated", rulesOfEngagement: "standard", publicStance: "reassuring" },
    underThreat: { alertLevel: "high", rulesOfEngagement: "standard", publicStance: "firm" },
    deploymentsPerTurn: 2,
    respondsAbroad: true,
    reserve: 0.15,
    shares: 0.9,
    answers: 1,
    grantsConsent: 1,
    accepts: 0.9,
    jointExercises: 0.25,
    dialogues: 0.2,
    capacityBuilding: 0.2,
    sharingPolicy: "need-to-know",
    recalls: true,
    transfersAuthority: 0.3,
    proposes: { kind: "intel-sharing" },
    proposals: 0.2,
    releasesVersions: 0.8,
    actsOnSightings: "graded",
    usesLift: true,
  },
  /** Keeps its forces home and its money safe; answers politely, commits little. */
  cautious: {
    id: "cautious",
    posture: { alertLevel: "normal", rulesOfEngagement: "restrictive", publicStance: "quiet" },
    underThreat: { alertLevel: "elevated", rulesOfEngagement: "restrictive", publicStance: "reassuring" },
    deploymentsPerTurn: 1,
    respondsAbroad: false,
    reserve: 0.5,
    shares: 0.3,
    answers: 0.8,
    grantsConsent: 0.5,
    accepts: 0.5,
    jointExercises: 0.05,
    dialogues: 0.3,
    capacityBuilding: 0,
    sharingPolicy: "need-to-know",
    recalls: true,
    transfersAuthority: 0,
    proposes: { kind: "mou", scope: "training" },
    proposals: 0.1,
    releasesVersions: 0.2,
    actsOnSightings: "never",
    usesLift: false,
  },
  /** Lets the others carry the load: spends nothing it need not, shares nothing. */
  "free-rider": {
    id: "free-rider",
    posture: { alertLevel: "normal", rulesOfEngagement: "standard", publicStance: "quiet" },
    underThreat: null,
    deploymentsPerTurn: 1,
    respondsAbroad: false,
    reserve: 0.7,
    shares: 0,
    answers: 0.3,
    grantsConsent: 0.8,
    accepts: 0.7,
    jointExercises: 0,
    dialogues: 0,
    capacityBuilding: 0,
    sharingPolicy: "need-to-know",
    recalls: false,
    transfersAuthority: 0,
    proposes: null,
    proposals: 0,
    releasesVersions: 0,
    actsOnSightings: "never",
    usesLift: false,
  },
  /** Meets every threat with force and says so: high alert, robust ROE, assertive words. */
  hawk: {
    id: "hawk",
    posture: { alertLevel: "high", rulesOfEngagement: "robust", publicStance: "firm" },
    underThreat: { alertLevel: "maximum", rulesOfEngagement: "robust", publicStance: "assertive" },
    deploymentsPerTurn: 3,
    respondsAbroad: true,
    reserve: 0.05,
    shares: 0.6,
    answers: 0.6,
    grantsConsent: 0.6,
    accepts: 0.6,
    jointExercises: 0.15,
    dialogues: 0,
    capacityBuilding: 0,
    sharingPolicy: "need-to-know",
    recalls: false,
    transfersAuthority: 0.2,
    proposes: { kind: "sofa" },
    proposals: 0.2,
    releasesVersions: 0.4,
    actsOnSightings: "any",
    usesLift: true,
  },
};

export function isPersonaId(value: string): value is PersonaId {
  return (PERSONA_IDS as readonly string[]).includes(value);
}
