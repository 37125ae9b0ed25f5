import type { Handler, Of } from "../engine/decide.ts";
import { decide } from "../engine/decide.ts";
import { RejectionCode, refuse } from "../protocol/rejections.ts";
import { nameOf } from "../engine/actors.ts";
import { ref } from "../i18n/message.ts";
import { playbookActor } from "./run-playbooks.ts";

/**
 * Exercise control's answer to a queued playbook move (controlOf(…).playbook "approve"). Approved,
 * the move (as planned, or edited field by field but of the same kind) is made for the nation
 * through `decide`; if the rules refuse it, the approval is refused with their reason and the
 * move stays in the queue, to be edited or dropped.
 */
export const approvePlaybookMove: Handler<Of<"approvePlaybookMove">> = (b, command, actor) => {
  const queue = b.state.playbookQueue ?? {};
  const move = Object.hasOwn(queue, command.move) ? queue[command.move] : undefined;
  if (!move) return refuse(RejectionCode.UnknownRequest, "playbook.refuse.unknownMove");
  const edited = command.command ?? move.command;
  if (edited.type !== move.command.type) return refuse(RejectionCode.InvalidTarget, "playbook.refuse.otherKind", { nation: ref("nation", move.nation) });
  const changed = JSON.stringify(edited) !== JSON.stringify(move.command);
  b.emit({ type: "playbookMoveApproved", move: move.id, by: nameOf(actor), reason: command.reason, edited: changed });
  b.settleRandom();
  const decision = decide(b.state, edited, playbookActor(b, move.nation), b.now, b.options);
  if ("rejected" in decision) return decision.rejected;
  b.adopt(decision);
};

export const dropPlaybookMove: Handler<Of<"dropPlaybookMove">> = (b, command, actor) => {
  const queue = b.state.playbookQueue ?? {};
  if (!Object.hasOwn(queue, command.move)) return refuse(RejectionCode.UnknownRequest, "playbook.refuse.unknownMove");
  b.emit({ type: "playbookMoveDropped", move: command.move, by: nameOf(actor), reason: command.reason });
};
