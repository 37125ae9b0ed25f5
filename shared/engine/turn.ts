import type { Handler, Of } from "./decide.ts";
import { RejectionCode, refuse } from "../protocol/rejections.ts";
import { phaseWord } from "./words.ts";
import { nationOf, nameOf } from "./actors.ts";
import { validateOrder } from "./orders.ts";
import { resolveTurnInto } from "./resolve-turn.ts";
import type { EventBuilder } from "./builder.ts";

function requirePlanning(b: EventBuilder) {
  if (b.state.phase !== "running") return refuse(RejectionCode.WrongPhase, "engine.phase.orders", { phase: phaseWord(b.state.phase) });
  return null;
}

/** Team drafts are shared with team-mates at once; they take effect only when the turn resolves. */
export const draftOrder: Handler<Of<"draftOrder">> = (b, command, actor) => {
  const wrong = requirePlanning(b);
  if (wrong) return wrong;
  const nation = nationOf(actor);
  if (b.state.nations[nation]!.committed) return refuse(RejectionCode.AlreadyCommitted, "engine.turn.committedChange");
  const invalid = validateOrder(b.state, nation, command.order);
  if (invalid) return invalid;
  // A move made for the team by someone else is marked on the draft, so the team sees it is not its own.
  const as = actor.role === "participant" ? actor.simulated : undefined;
  b.emit({ type: "orderDrafted", draft: b.id("d"), nation, author: nameOf(actor), order: command.order, ...(as ? { as } : {}) });
};

export const withdrawDraft: Handler<Of<"withdrawDraft">> = (b, command, actor) => {
  const draft = b.state.drafts[command.draft];
  // Exercise control may withdraw any team's draft, committed or not: the way out when one
  // order stops the turn from resolving.
  if (actor.role === "facilitator" || actor.role === "controller") {
    if (!draft) return refuse(RejectionCode.UnknownDraft, "engine.draft.unknownAny");
    b.emit({ type: "draftWithdrawn", draft: draft.id, by: nameOf(actor), nation: draft.nation, author: draft.author, order: draft.order });
    return;
  }
  if (!draft || draft.nation !== nationOf(actor)) return refuse(RejectionCode.UnknownDraft, "engine.draft.unknown");
  if (b.state.nations[draft.nation]!.committed) return refuse(RejectionCode.AlreadyCommitted, "engine.turn.committedChange");
  b.emit({ type: "draftWithdrawn", draft: draft.id, by: nameOf(actor), nation: draft.nation, author: draft.author, order: draft.order });
};

export const commitTurn: Handler<Of<"commitTurn">> = (b, command, actor) => {
  const wrong = requirePlanning(b);
  if (wrong) return wrong;
  if (command.turn !== b.state.turn) return refuse(RejectionCode.StaleTurn, "engine.turn.stale", { turn: command.turn, current: b.state.turn });
  const nation = nationOf(actor);
  if (b.state.nations[nation]!.committed) return refuse(RejectionCode.AlreadyCommitted, "engine.turn.alreadyCommitted");
  b.emit({ type: "turnCommitted", nation, by: nameOf(actor) });
  const waiting = Object.values(b.state.nations).some((n) => n.playable && !n.committed);
  if (!waiting) resolveTurnInto(b, "allCommitted");
};

export const uncommitTurn: Handler<Of<"uncommitTurn">> = (b, command, actor) => {
  const wrong = requirePlanning(b);
  if (wrong) return wrong;
  if (command.turn !== b.state.turn) return refuse(RejectionCode.StaleTurn, "engine.turn.stale", { turn: command.turn, current: b.state.turn });
  const nation = nationOf(actor);
  if (!b.state.nations[nation]!.committed) return refuse(RejectionCode.NotCommitted, "engine.turn.notCommitted");
  b.emit({ type: "turnUncommitted", nation, by: nameOf(actor) });
};
