import { EventBuilder } from "./builder.ts";
import type { EventBody } from "../protocol/events.ts";
import type { ExerciseState } from "../state/schema.ts";
import { executeOrders } from "./execute-orders.ts";
import { moveAssets } from "./movement.ts";
import { resolveCrises } from "./crises.ts";
import { resolveIncidents } from "./incidents.ts";
import { updateTension } from "./tension.ts";
import { detectAssets } from "./detection.ts";
import { autoShare } from "./auto-share.ts";
import { applyDiplomacy, applyAgreementUpkeep } from "./relations.ts";
import { applyEconomy } from "./economy.ts";
import { evaluateObjectives } from "./objectives.ts";
import { releaseDueInjects } from "./injects.ts";
import { enforceSovereignty } from "./sovereignty.ts";
import { shareAlliancePicture, explainAllianceCommand } from "./alliance-picture.ts";
import { applyAgreementEffects } from "./agreement-effects.ts";
import { reportCommandOrders } from "./toa.ts";
import { runPlaybooks } from "../playbook/run-playbooks.ts";

/**
 * resolveTurn(state) → events: the deterministic end of a turn. The order of the steps is part
 * of the rules (docs/RULES.md): orders, agreement effects, diplomacy, sovereignty, movement, crises, incidents and
 * tension, detection (and the alliance picture), relations,
 * economy, objectives, then the next turn or the end.
 */
export function resolveTurn(state: ExerciseState, cause: "allCommitted" | "timer" | "forced", now: number): EventBody[] {
  const builder = new EventBuilder(state, now);
  resolveTurnInto(builder, cause);
  return builder.finish();
}

export function resolveTurnInto(b: EventBuilder, cause: "allCommitted" | "timer" | "forced"): void {
  const turn = b.state.turn;
  b.emit({ type: "resolutionStarted", turn, cause });
  executeOrders(b);
  reportCommandOrders(b);
  applyAgreementEffects(b);
  applyDiplomacy(b);
  enforceSovereignty(b);
  moveAssets(b);
  explainAllianceCommand(b);
  resolveCrises(b);
  updateTension(b, resolveIncidents(b));
  detectAssets(b);
  shareAlliancePicture(b);
  autoShare(b);
  applyAgreementUpkeep(b);
  applyEconomy(b);
  evaluateObjectives(b, "any");
  if (turn >= b.state.scenario.turns) finishExercise(b);
  else startTurn(b, turn + 1);
}

export function startTurn(b: EventBuilder, turn: number): void {
  const deadline = b.state.phase === "running" ? b.now + b.state.turnSeconds * 1000 : null;
  b.emit({ type: "turnStarted", turn, deadline });
  releaseDueInjects(b);
  runPlaybooks(b);
}

export function finishExercise(b: EventBuilder): void {
  if (b.state.phase === "running" || b.state.phase === "paused") evaluateObjectives(b, "end");
  b.emit({ type: "exerciseEnded" });
}
