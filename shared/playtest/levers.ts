import { AlertLevel, RulesOfEngagement, PublicStance, SharingPolicy, type AgreementKind, type MouScope } from "../scenario/schema.ts";
import type { Persona } from "../bots/personas.ts";

/**
 * A lever is one decision every team is made to take the same way, to see what it changes at
 * the end against the baseline: a policy setting held all exercise, or a kind of action always
 * or never taken. The playtest's sensitivity table is one line per lever setting and metric.
 */
export type Lever = { lever: string; setting: string; apply: (persona: Persona) => Persona };

const posture = (field: "alertLevel" | "rulesOfEngagement" | "publicStance", value: string): Lever => ({
  lever: field,
  setting: value,
  apply: (p) => ({
    ...p,
    posture: { ...p.posture, [field]: value },
    underThreat: p.underThreat ? { ...p.underThreat, [field]: value } : { ...p.posture, [field]: value },
  }),
});

const action = (lever: string, setting: string, change: Partial<Persona>): Lever => ({ lever, setting, apply: (p) => ({ ...p, ...change }) });

/** A whole posture held all exercise, under threat or not: the "never escalate" and "always firm" teams. */
const wholePosture = (setting: string, held: Persona["posture"]): Lever => ({
  lever: "posture",
  setting,
  apply: (p) => ({ ...p, posture: held, underThreat: held }),
});

export const LEVERS: readonly Lever[] = [
  wholePosture("restrained", { alertLevel: "normal", rulesOfEngagement: "restrictive", publicStance: "quiet" }),
  wholePosture("firm", { alertLevel: "high", rulesOfEngagement: "robust", publicStance: "firm" }),
  ...AlertLevel.options.map((v) => posture("alertLevel", v)),
  ...RulesOfEngagement.options.map((v) => posture("rulesOfEngagement", v)),
  ...PublicStance.options.map((v) => posture("publicStance", v)),
  ...SharingPolicy.options.map((v) => action("intelSharing", v, { sharingPolicy: v })),
  action("shareIntel", "never", { shares: 0 }),
  action("shareIntel", "always", { shares: 1 }),
  action("respond", "never", { deploymentsPerTurn: 0 }),
  action("respond", "homeOnly", { respondsAbroad: false }),
  action("respond", "oneATurn", { deploymentsPerTurn: 1 }),
  action("answerRequests", "never", { answers: 0, grantsConsent: 0 }),
  action("answerRequests", "always", { answers: 1, grantsConsent: 1 }),
  action("acceptAgreements", "never", { accepts: 0 }),
  action("acceptAgreements", "always", { accepts: 1 }),
  action("jointExercises", "never", { jointExercises: 0 }),
  action("jointExercises", "everyTurn", { jointExercises: 1 }),
  action("dialogues", "never", { dialogues: 0 }),
  action("dialogues", "everyTurn", { dialogues: 1 }),
  action("capacityBuilding", "never", { capacityBuilding: 0 }),
  action("capacityBuilding", "everyTurn", { capacityBuilding: 1 }),
  action("recall", "never", { recalls: false }),
  action("recall", "always", { recalls: true }),
  action("transferAuthority", "never", { transfersAuthority: 0 }),
  action("transferAuthority", "everyTurn", { transfersAuthority: 1 }),
  action("useLift", "never", { usesLift: false }),
  action("useLift", "always", { usesLift: true }),
  action("releaseVersions", "never", { releasesVersions: 0 }),
  action("releaseVersions", "always", { releasesVersions: 1 }),
  action("actOnSightings", "never", { actsOnSightings: "never" }),
  action("actOnSightings", "graded", { actsOnSightings: "graded" }),
  action("actOnSightings", "any", { actsOnSightings: "any" }),
  action("proposeAgreement", "never", { proposals: 0 }),
  ...(["mou:training", "mou:logistics", "mou", "sofa", "intel-sharing", "joint-exercise-programme"] as const).map((kindScope) => {
    const [kind, scope] = kindScope.split(":") as [AgreementKind, MouScope | undefined];
    return action("proposeAgreement", kindScope, { proposals: 1, proposes: { kind, ...(scope ? { scope } : {}) } });
  }),
];
