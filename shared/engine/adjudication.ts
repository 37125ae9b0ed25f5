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
