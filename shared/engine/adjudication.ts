import type { Handler, Of } from "./decide.ts";
import { RejectionCode } from "../protocol/rejections.ts";
import { nameOf } from "./actors.ts";
import { applyEffects, unknownReference } from "./effects.ts";

/** Exercise control may change any value, but must say why: the rationale goes into the record and the AAR. */
export const adjustState: Handler<Of<"adjustState">> = (b, command, actor) => {
  if (command.rationale.trim().length < 3) return { code: RejectionCode.RationaleRequired, message: "Write a rationale for the adjustment; it goes into the after-action report." };
  const unknown = unknownReference(b.state, command.effects);
  if (unknown) return { code: RejectionCode.InvalidTarget, message: `Cannot adjust: ${unknown}.` };
  b.emit({ type: "stateAdjusted", effects: command.effects, rationale: command.rationale, by: nameOf(actor) });
  applyEffects(b, command.effects, "exercise control");
};

export const addNote: Handler<Of<"addNote">> = (b, command, actor) => {
  if (command.inject && !b.state.injects[command.inject]) return { code: RejectionCode.UnknownInject, message: `There is no inject "${command.inject}".` };
  if (command.objective && !b.state.objectives[command.objective]) return { code: RejectionCode.InvalidTarget, message: `There is no objective "${command.objective}".` };
  b.emit({
    type: "noteAdded",
    note: { id: b.id("n"), author: nameOf(actor), text: command.text, inject: command.inject ?? null, objective: command.objective ?? null, turn: b.state.turn, at: b.now },
  });
};

/** The improvement plan is written after (or during) the exercise, so it is accepted in every phase. */
export const recordImprovement: Handler<Of<"recordImprovement">> = (b, command, actor) => {
  if (command.nation !== null && !b.state.nations[command.nation]) return { code: RejectionCode.UnknownNation, message: `There is no nation "${command.nation}".` };
  b.emit({
    type: "improvementRecorded",
    item: { id: b.id("i"), issue: command.issue, recommendation: command.recommendation, nation: command.nation, due: command.due, by: nameOf(actor) },
  });
};

export const removeImprovement: Handler<Of<"removeImprovement">> = (b, command) => {
  if (!b.state.improvements[command.item]) return { code: RejectionCode.InvalidTarget, message: `There is no improvement item "${command.item}".` };
  b.emit({ type: "improvementRemoved", item: command.item });
};
