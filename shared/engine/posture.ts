import type { AssetState, ExerciseState } from "../state/schema.ts";
import type { Mission, Policies } from "../scenario/schema.ts";
import { regionSpec } from "./map.ts";
import { isAllied } from "./sides.ts";
import { assetsIn } from "./asset-index.ts";

/**
 * What a nation's policies do, read off the scenario's coefficients (rules-policies.ts): how
 * strongly its forces answer a crisis, how menacing it looks to the adversary, how much tension
 * it adds. Pure lookups, shared by crises, economy, movement and tension.
 */
export function policiesOf(state: ExerciseState, nation: string): Policies | null {
  return state.nations[nation]?.policies ?? null;
}

/** Whether the adversary causes this kind of crisis (rules.hostileCrisisKinds). */
export function isHostileKind(state: ExerciseState, crisisKind: string): boolean {
  return state.scenario.rules.hostileCrisisKinds.includes(crisisKind);
}

/** Multiplier on the severity an asset removes: its owner's alert level always, its ROE against hostile-actor crises only. */
export function responseMultiplier(state: ExerciseState, asset: AssetState, crisisKind: string): number {
  const policies = policiesOf(state, asset.owner);
  if (!policies) return 1;
  const rules = state.scenario.rules;
  const alert = rules.alertResponseFactor[policies.alertLevel];
  return isHostileKind(state, crisisKind) ? alert * rules.roeResponseFactor[policies.rulesOfEngagement] : alert;
}

/** The posture a nation shows the adversary: its alert level's and its stance's deterrence. */
export function postureOf(state: ExerciseState, nation: string): number {
  const policies = policiesOf(state, nation);
  if (!policies) return 0;
  const rules = state.scenario.rules;
  return rules.alertDeterrence[policies.alertLevel] + rules.stanceDeterrence[policies.publicStance];
}

/** Tension a nation's standing policies add each turn (negative: they calm the adversary). */
export function policyTension(state: ExerciseState, nation: string): number {
  const policies = policiesOf(state, nation);
  if (!policies) return 0;
  const rules = state.scenario.rules;
  return rules.alertTension[policies.alertLevel] + rules.roeTension[policies.rulesOfEngagement] + rules.stanceTension[policies.publicStance];
}

/** Missions that show the flag: allied assets on them deter the adversary where they stand. */
export const DETERRENT_MISSIONS: readonly Mission[] = ["presence", "deterrence", "patrol"];

export type Deterrence = { posture: number; presence: number; total: number };

/**
 * Deterrence against a hostile-actor crisis in a region: the mean posture of the alliance's
 * nations, plus `presenceDeterrence` for each allied asset on station there on a deterrent
 * mission (half for one in an adjacent region).
 */
export function deterrenceIn(state: ExerciseState, regionId: string): Deterrence {
  const allies = Object.keys(state.nations)
    .filter((id) => isAllied(state, id))
    .sort();
  const posture = allies.length === 0 ? 0 : allies.reduce((sum, id) => sum + postureOf(state, id), 0) / allies.length;
  const adjacent = new Set(regionSpec(state, regionId)?.adjacent ?? []);
  let units = 0;
  const deterring = (asset: AssetState) =>
    isAllied(state, asset.owner) &&
    asset.status === "deployed" &&
    asset.route.length === 0 &&
    Boolean(asset.mission) &&
    DETERRENT_MISSIONS.includes(asset.mission!);
  for (const asset of assetsIn(state, regionId)) if (deterring(asset)) units += 1;
  adjacent.delete(regionId);
  for (const region of adjacent) for (const asset of assetsIn(state, region)) if (deterring(asset)) units += 0.5;
  const presence = units * state.scenario.rules.presenceDeterrence;
  return { posture, presence, total: posture + presence };
}
