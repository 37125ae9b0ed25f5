import type { Handler, Of } from "./decide.ts";
import { RejectionCode, refuse, type Rejection } from "../protocol/rejections.ts";
import { improvementFields } from "./evaluation.ts";
import { nameOf } from "./actors.ts";
import { applyEffects, unknownReference } from "./effects.ts";

/** Exercise control may change any value, but must say why: the rationale goes into the record and the AAR. */
export const adjustState: Handler<Of<"adjustState">> = (b, command, actor) => {
  if (command.rationale.trim().length < 3) return refuse(RejectionCode.RationaleRequired, "engine.adjust.rationale");
  const unknown = unknownReference(b.state, command.effects);
  if (unknown) return refuse(RejectionCode.InvalidTarget, "engine.adjust.badEffect", { problem: unknown });
  b.emit({ type: "stateAdjusted", effects: command.effects, rationale: command.rationale, by: nameOf(actor) });
  applyEffects(b, command.effects, "exercise control");
};

export const addNote: Handler<Of<"addNote">> = (b, command, actor) => {
  if (command.inject && !b.state.injects[command.inject]) return refuse(RejectionCode.UnknownInject, "engine.note.unknownInject");
  if (command.objective && !b.state.objectives[command.objective]) return refuse(RejectionCode.InvalidTarget, "engine.note.unknownObjective");
  b.emit({
    type: "noteAdded",
    note: {
      id: b.id("n"),
      author: nameOf(actor),
      text: command.text,
      inject: command.inject ?? null,
      objective: command.objective ?? null,
      turn: b.state.turn,
      at: b.now,
    },
  });
};

/** The improvement plan is written after (or during) the exercise, so it is accepted in every phase. */
export const recordImprovement: Handler<Of<"recordImprovement">> = (b, command, actor) => {
  if (command.nation !== null && !b.state.nations[command.nation]) return refuse(RejectionCode.UnknownNation, "engine.nation.unknown");
  const hseep = improvementFields(b.state, command);
  if ("code" in hseep) return hseep as Rejection;
  b.emit({
    type: "improvementRecorded",
    item: {
      id: b.id("i"),
      issue: command.issue,
      recommendation: command.recommendation,
      nation: command.nation,
      due: command.due,
      by: nameOf(actor),
      ...hseep,
    },
  });
};

export const removeImprovement: Handler<Of<"removeImprovement">> = (b, command) => {
  if (!b.state.improvements[command.item]) return refuse(RejectionCode.InvalidTarget, "engine.improvement.unknown");
  b.emit({ type: "improvementRemoved", item: command.item });
};
