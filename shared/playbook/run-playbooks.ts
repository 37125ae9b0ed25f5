import type { EventBuilder } from "../engine/builder.ts";
import type { Actor, ParticipantCommand } from "../protocol/commands.ts";
import { decide } from "../engine/decide.ts";
import { controlOf } from "../engine/nation-control.ts";
import { named } from "../protocol/rejections.ts";
import { englishNames } from "../engine/words.ts";
import { planPlaybook, playbookOf } from "./plan-playbook.ts";

/** Who a playbook's moves are made by: the nation itself, under its speaker's name. */
export function playbookActor(b: EventBuilder, nation: string): Actor {
  const name = playbookOf(b.state, nation)?.speaker ?? b.state.nations[nation]?.name ?? nation;
  return { role: "participant", nation, name, simulated: "playbook" };
}

/**
 * Evaluates every adversary playbook at the start of a turn (the first included), nations by id:
 * its level change and fired rules are logged, then each move is made at once through `decide`
 * as the nation (playbook "automatic") or queued for exercise control ("approve"); "off" does
 * nothing. A move the rules refuse is logged as refused, as a team's would be. Moves still
 * queued from an earlier turn lapse first: the situation they answered has moved on.
 */
export function runPlaybooks(b: EventBuilder): void {
  if (b.state.phase !== "running") return;
  for (const nation of Object.keys(b.state.nations).sort()) {
    if (!playbookOf(b.state, nation)) continue;
    const mode = controlOf(b.state, nation).playbook;
    for (const move of Object.values(b.state.playbookQueue ?? {})) {
      if (move.nation === nation && move.turn < b.state.turn) b.emit({ type: "playbookMoveDropped", move: move.id, by: "playbook", reason: "", expired: true });
    }
    if (mode !== "automatic" && mode !== "approve") continue;
    const plan = planPlaybook(b.state, nation, () => b.roll());
    if (!plan) continue;
    if (plan.level !== plan.from) b.emit({ type: "playbookLevelChanged", nation, from: plan.from, level: plan.level });
    for (const { rule, commands } of plan.fired) {
      b.emit({ type: "playbookRuleFired", nation, level: plan.level, rule: rule.id, turn: b.state.turn, queued: mode === "approve" });
      for (const command of commands) {
        if (mode === "approve")
          b.emit({ type: "playbookMoveQueued", move: { id: b.id("pb"), nation, level: plan.level, rule: rule.id, turn: b.state.turn, command } });
        else makeMove(b, nation, rule.id, command);
      }
    }
  }
}

/** One move for the nation through `decide`; its events join this decision, or its refusal is logged. */
export function makeMove(b: EventBuilder, nation: string, rule: string, command: ParticipantCommand): boolean {
  b.settleRandom();
  const decision = decide(b.state, command, playbookActor(b, nation), b.now, b.options);
  if ("rejected" in decision) {
    const { message, msg, code } = named(decision.rejected, englishNames(b.state));
    b.emit({ type: "playbookMoveRefused", nation, rule, command: command.type, reason: message, failure: msg, code });
    return false;
  }
  b.adopt(decision);
  return true;
}
