import type { EventBuilder } from "./builder.ts";
import type { ExerciseState } from "../state/schema.ts";
import { msg, ref, type Msg } from "../i18n/message.ts";
import { clamp, round1 } from "./numbers.ts";
import { isAllied } from "./sides.ts";
import { policyTension } from "./posture.ts";
import { explain } from "./explain.ts";
import { incidentChanceAt } from "./incident-chance.ts";
import { term } from "./words.ts";

/**
 * Tension (state.tension, 0–100): how alarmed the adversary is. Provocations raise it,
 * de-escalation lowers it, and it drifts back toward the scenario's initial level. It makes
 * incidents likelier and hostile-actor crises grow faster (docs/RULES.md).
 */

/** Multiplier on a hostile-actor crisis's unanswered escalation: 1 at tensionReference. */
export function tensionEscalationFactor(state: ExerciseState): number {
  const rules = state.scenario.rules;
  return Math.max(0, 1 + (rules.tensionEscalationWeight * (state.tension - rules.tensionReference)) / 100);
}

/** Chance this turn of an incident where this nation's forces meet the adversary's: its ROE's chance × tension / tensionReference. */
export function incidentChance(state: ExerciseState, nation: string): number {
  const policies = state.nations[nation]?.policies;
  if (!policies) return 0;
  return incidentChanceAt(state.scenario.rules, policies.rulesOfEngagement, state.tension);
}

/** One signed amount as the messages show it (+1.5, −3). */
const signed = (value: number) => round1(value);

/**
 * The tension step of the resolution: each allied nation's alert, ROE and stance, this turn's
 * incidents, dialogues convened this turn, then decay toward the initial level. Emits the new
 * value with its reasons, and says it to everyone.
 */
export function updateTension(b: EventBuilder, incidents: number): void {
  const state = b.state;
  const rules = state.scenario.rules;
  const before = state.tension;
  const reasons: Msg[] = [];
  let delta = 0;
  for (const nation of Object.values(state.nations).sort((x, y) => (x.id < y.id ? -1 : 1))) {
    if (!isAllied(state, nation.id)) continue;
    const amount = policyTension(state, nation.id);
    if (amount === 0) continue;
    delta += amount;
    const p = nation.policies;
    reasons.push(
      msg("policies.tension.reason.policies", {
        nation: ref("nation", nation.id),
        amount: signed(amount),
        alertLevel: term("alertLevel", p.alertLevel),
        rulesOfEngagement: term("rulesOfEngagement", p.rulesOfEngagement),
        publicStance: term("publicStance", p.publicStance),
      }),
    );
  }
  if (incidents > 0) {
    const amount = incidents * rules.incidentTension;
    delta += amount;
    reasons.push(msg("policies.tension.reason.incidents", { count: incidents, amount: signed(amount) }));
  }
  const dialogues = state.pendingDiplomacy.filter((d) => d.kind === "dialogue").length;
  if (dialogues > 0 && rules.dialogueTensionRelief > 0) {
    const amount = -dialogues * rules.dialogueTensionRelief;
    delta += amount;
    reasons.push(msg("policies.tension.reason.dialogues", { count: dialogues, amount: signed(amount) }));
  }
  const drift = round1((rules.initialTension - (before + delta)) * rules.tensionDecay);
  if (drift !== 0) {
    delta += drift;
    reasons.push(msg("policies.tension.reason.decay", { amount: signed(drift), level: rules.initialTension }));
  }
  const tension = round1(clamp(before + delta));
  if (tension === before) return;
  b.emit({ type: "tensionChanged", tension, reasons });
  explain(b, "policies.tension", [], tension > before ? "policies.tension.rose" : "policies.tension.fell", { from: before, to: tension, reasons });
}
