import type { Handler, Of } from "./decide.ts";
import type { EventBuilder } from "./builder.ts";
import { RejectionCode, refuse } from "../protocol/rejections.ts";
import { ref } from "../i18n/message.ts";
import { phaseWord, term } from "./words.ts";
import { applyEffects, unknownReference } from "./effects.ts";
import { evaluate } from "./conditions.ts";
import type { InjectState } from "../state/schema.ts";
import { mselOrder } from "./msel-order.ts";

/** Releases an inject: it reaches its audience and its effects change the state. */
export function releaseInject(b: EventBuilder, id: string, manual: boolean): void {
  const inject = b.state.injects[id]!;
  b.emit({ type: "injectReleased", inject: id, turn: b.state.turn, manual });
  applyEffects(b, inject.spec.effects, inject.spec.from);
}

/** At the start of a turn: scheduled and delayed injects due now, then conditional ones whose condition holds. */
export function releaseDueInjects(b: EventBuilder): void {
  const turn = b.state.turn;
  const due = (inject: InjectState): boolean => {
    // Held by exercise control: ready, off the timeline, released only by hand.
    if (inject.held) return false;
    if (inject.status === "delayed") return inject.delayedToTurn !== null && inject.delayedToTurn <= turn;
    if (inject.status !== "planned") return false;
    const trigger = inject.spec.trigger;
    if (trigger.kind === "scheduled") return trigger.turn <= turn;
    if (trigger.kind === "conditional") return (trigger.earliestTurn ?? 1) <= turn && evaluate(b.state, trigger.condition);
    return false;
  };
  // Scheduled first, in MSEL order, so that conditional injects can react to them.
  const ordered = mselOrder(b.state);
  for (const kind of ["scheduled", "conditional"] as const) {
    for (const id of ordered) {
      const inject = b.state.injects[id];
      if (!inject) continue;
      const isScheduled = inject.spec.trigger.kind !== "conditional" || inject.status === "delayed";
      if ((kind === "scheduled") === isScheduled && due(inject)) releaseInject(b, id, false);
    }
  }
}

function findInject(b: EventBuilder, id: string) {
  const inject = b.state.injects[id];
  return inject ?? null;
}

export const releaseInjectCommand: Handler<Of<"releaseInject">> = (b, command) => {
  if (b.state.phase !== "running" && b.state.phase !== "paused" && b.state.phase !== "briefing")
    return refuse(RejectionCode.WrongPhase, "engine.phase.injectRelease", { phase: phaseWord(b.state.phase) });
  const inject = findInject(b, command.inject);
  if (!inject) return refuse(RejectionCode.UnknownInject, "engine.inject.unknown");
  if (inject.status === "released")
    return refuse(RejectionCode.AlreadyAnswered, "engine.inject.alreadyReleased", {
      inject: ref("inject", inject.id),
      turn: inject.releasedTurn ?? b.state.turn,
    });
  releaseInject(b, inject.id, true);
};

export const skipInject: Handler<Of<"skipInject">> = (b, command) => {
  const inject = findInject(b, command.inject);
  if (!inject) return refuse(RejectionCode.UnknownInject, "engine.inject.unknown");
  if (inject.status === "released" || inject.status === "skipped")
    return refuse(RejectionCode.AlreadyAnswered, "engine.inject.alreadyStatus", {
      inject: ref("inject", inject.id),
      status: term("injectStatus", inject.status),
    });
  b.emit({ type: "injectSkipped", inject: inject.id, turn: b.state.turn, from: inject.status });
};

export const delayInject: Handler<Of<"delayInject">> = (b, command) => {
  const inject = findInject(b, command.inject);
  if (!inject) return refuse(RejectionCode.UnknownInject, "engine.inject.unknown");
  if (inject.status === "released" || inject.status === "skipped")
    return refuse(RejectionCode.AlreadyAnswered, "engine.inject.alreadyStatus", {
      inject: ref("inject", inject.id),
      status: term("injectStatus", inject.status),
    });
  if (command.toTurn <= b.state.turn) return refuse(RejectionCode.StaleTurn, "engine.inject.delayLater", { turn: b.state.turn });
  b.emit({ type: "injectDelayed", inject: inject.id, toTurn: command.toTurn });
};

/** An ad-hoc inject written by exercise control during play, released at once. */
export const fireInject: Handler<Of<"fireInject">> = (b, command) => {
  if (b.state.phase !== "running" && b.state.phase !== "paused" && b.state.phase !== "briefing")
    return refuse(RejectionCode.WrongPhase, "engine.phase.injectFire", { phase: phaseWord(b.state.phase) });
  const unknown = command.inject.to === "all" ? [] : command.inject.to.filter((n) => !b.state.nations[n]);
  if (unknown.length > 0) return refuse(RejectionCode.UnknownNation, "engine.nation.unknownAddressees", { count: unknown.length });
  const badEffect = unknownReference(b.state, command.inject.effects);
  if (badEffect) return refuse(RejectionCode.InvalidTarget, "engine.inject.badEffect", { problem: badEffect });
  const id = b.id("x");
  const spec = { ...command.inject, id, trigger: { kind: "manual" as const } };
  b.emit({ type: "injectFired", inject: { id, spec, status: "planned", releasedTurn: null, delayedToTurn: null, adhoc: true } });
  releaseInject(b, id, true);
};
