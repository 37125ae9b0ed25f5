import type { ExerciseState } from "../state/schema.ts";
import type { Actor, Command } from "../protocol/commands.ts";
import { PARTICIPANT_COMMANDS, FACILITATOR_COMMANDS } from "../protocol/commands.ts";
import { RejectionCode, refuse, named, type Rejection } from "../protocol/rejections.ts";
import { ref } from "../i18n/message.ts";
import { englishNames } from "./words.ts";
import { EventBuilder, type Decided, type DecideOptions } from "./builder.ts";
import { assertNever } from "./evolve.ts";
import * as lifecycle from "./lifecycle.ts";
import * as turn from "./turn.ts";
import * as intel from "./intel.ts";
import { releaseVersion } from "./tear-line.ts";
import { reportSighting } from "./known-forces.ts";
import * as agreements from "./agreements.ts";
import * as diplomacy from "./diplomacy.ts";
import * as injects from "./injects.ts";
import * as adjudication from "./adjudication.ts";
import * as toa from "./toa.ts";
import { setNationControl } from "./nation-control.ts";
import { authorizeEvaluation, dispatchEvaluation, isEvaluationCommand } from "./evaluation.ts";
import { approvePlaybookMove, dropPlaybookMove } from "../playbook/approval.ts";
import * as mselEdit from "./msel-edit.ts";
import { controllerRefusal } from "./control-scope.ts";
import { controlMessage, logControlEntry } from "./control-log.ts";
import { FACILITATOR_ACTIONS, SIGNS_ITSELF, type FacilitatorCommandType } from "./control-actions.ts";

/**
 * `state` is the state after the events once they are stamped with `now` (what
 * `foldEvents(state, stamp(state, events, now))` gives): the builder has computed it already,
 * so the room need not fold the events a second time. `readings` holds what `options.read`
 * took from each event's state (builder.ts).
 */
export type Decision = Decided | { rejected: Rejection };

/** A command handler: emits events through the builder, or returns why it refuses. */
export type Handler<C> = (builder: EventBuilder, command: C, actor: Actor) => Rejection | void;
type Of<T extends Command["type"]> = Extract<Command, { type: T }>;

/**
 * decide(state, command, actor) → events | rejection. Authorization comes first so that an
 * unauthorized actor learns nothing about the state from the rejection.
 */
export function decide(state: ExerciseState, command: Command, actor: Actor, now: number, options?: DecideOptions): Decision {
  const denied = authorize(state, command, actor);
  if (denied) return { rejected: named(denied, englishNames(state)) };
  const builder = new EventBuilder(state, now, options);
  if (actor.role === "participant" && actor.simulated)
    builder.emit({ type: "actedFor", nation: actor.nation, by: actor.name, as: actor.simulated, command: command.type });
  // A named controller's action is signed in the log, unless its own events already name it.
  if (actor.role === "controller" && !SIGNS_ITSELF.has(command.type)) builder.emit({ type: "controlActed", by: actor.name, command: command.type });
  const rejection = dispatch(builder, command, actor);
  if (rejection) return { rejected: named(rejection, englishNames(state)) };
  const events = builder.finish();
  return { events, state: builder.state, readings: builder.readings };
}

/** Exercise control's commands an evaluator may give too: notes are signed with the evaluator's name. */
const EVALUATOR_MAY = new Set<string>(["addNote"]);

/** Participant commands exercise control may also give, for any team. */
const FACILITATOR_MAY_ALSO = new Set<string>(["withdrawDraft"]);

function authorize(state: ExerciseState, command: Command, actor: Actor): Rejection | null {
  const type = command.type as string;
  // The server issues the timer's expiry, and hands a bot-played nation back to its team when one of its people joins (nation-control.ts).
  if (actor.role === "system")
    return type === "timerExpired" || (command.type === "setNationControl" && command.by === "people")
      ? null
      : refuse(RejectionCode.NotFacilitator, "engine.auth.serverTimerOnly");
  if (type === "timerExpired") return refuse(RejectionCode.NotFacilitator, "engine.auth.clockOnly");
  const evaluation = authorizeEvaluation(command, actor);
  if (evaluation !== undefined) return evaluation;
  if (actor.role === "evaluator" && EVALUATOR_MAY.has(type)) return null;
  if (actor.role === "observer" || actor.role === "evaluator") return refuse(RejectionCode.ReadOnly, "engine.auth.readOnly");
  const control = actor.role === "facilitator" || actor.role === "controller";
  if ((FACILITATOR_COMMANDS as string[]).includes(type) && !control) {
    return refuse(RejectionCode.NotFacilitator, "engine.auth.facilitatorOnly", { action: { key: FACILITATOR_ACTIONS[type as FacilitatorCommandType] } });
  }
  // A named controller: the lead's commands within its nations (control-scope.ts).
  if (actor.role === "controller" && (FACILITATOR_COMMANDS as string[]).includes(type)) return controllerRefusal(state, command, actor);
  if (control && FACILITATOR_MAY_ALSO.has(type)) return actor.role === "controller" ? controllerRefusal(state, command, actor) : null;
  if ((PARTICIPANT_COMMANDS as string[]).includes(type)) {
    if (actor.role !== "participant") return refuse(RejectionCode.NotYourNation, "engine.auth.notAsNation");
    if (!Object.hasOwn(state.nations, actor.nation)) return refuse(RejectionCode.NotYourNation, "engine.nation.unknown");
    // A simulated move (role-player, exercise control, bot, playbook) may be for any nation on the map.
    if (!state.nations[actor.nation]!.playable && !actor.simulated)
      return refuse(RejectionCode.NotYourNation, "engine.auth.notPlayable", { nation: ref("nation", actor.nation) });
  }
  return null;
}

function dispatch(b: EventBuilder, command: Command, actor: Actor): Rejection | void {
  if (isEvaluationCommand(command)) return dispatchEvaluation(b, command, actor);
  switch (command.type) {
    case "startBriefing":
    case "startExercise":
    case "pauseExercise":
    case "resumeExercise":
    case "endExercise":
      return lifecycle.changePhase(b, command, actor);
    case "setTurnTimer":
      return lifecycle.setTurnTimer(b, command, actor);
    case "forceResolve":
      return lifecycle.forceResolve(b, command, actor);
    case "timerExpired":
      return lifecycle.timerExpired(b, command, actor);
    case "draftOrder":
      return turn.draftOrder(b, command, actor);
    case "withdrawDraft":
      return turn.withdrawDraft(b, command, actor);
    case "commitTurn":
      return turn.commitTurn(b, command, actor);
    case "uncommitTurn":
      return turn.uncommitTurn(b, command, actor);
    case "shareIntel":
      return intel.shareIntel(b, command, actor);
    case "releaseVersion":
      return releaseVersion(b, command, actor);
    case "reportSighting":
      return reportSighting(b, command, actor);
    case "requestInfo":
      return intel.requestInfo(b, command, actor);
    case "answerInfo":
      return intel.answerInfo(b, command, actor);
    case "grantIntel":
      return intel.grantIntel(b, command, actor);
    case "requestConsent":
      return agreements.requestConsent(b, command, actor);
    case "answerConsent":
      return agreements.answerConsent(b, command, actor);
    case "proposeAgreement":
      return agreements.proposeAgreement(b, command, actor);
    case "answerAgreement":
      return agreements.answerAgreement(b, command, actor);
    case "terminateAgreement":
      return agreements.terminateAgreement(b, command, actor);
    case "revokeConsent":
      return agreements.revokeConsent(b, command, actor);
    case "designateCommander":
      return toa.designateCommander(b, command, actor);
    case "setNationControl":
      return setNationControl(b, command, actor);
    case "approvePlaybookMove":
      return approvePlaybookMove(b, command, actor);
    case "dropPlaybookMove":
      return dropPlaybookMove(b, command, actor);
    case "proposeJointExercise":
      return diplomacy.proposeJointExercise(b, command, actor);
    case "conveneDialogue":
      return diplomacy.conveneDialogue(b, command, actor);
    case "makeStatement":
      return diplomacy.makeStatement(b, command, actor);
    case "sendMessage":
      return diplomacy.sendMessage(b, command, actor);
    case "facilitatorMessage":
      return diplomacy.facilitatorMessage(b, command, actor);
    case "pingRegion":
      return diplomacy.pingRegion(b, command, actor);
    case "releaseInject":
      return injects.releaseInjectCommand(b, command, actor);
    case "skipInject":
      return injects.skipInject(b, command, actor);
    case "delayInject":
      return injects.delayInject(b, command, actor);
    case "fireInject":
      return injects.fireInject(b, command, actor);
    case "adjustState":
      return adjudication.adjustState(b, command, actor);
    case "addNote":
      return adjudication.addNote(b, command, actor);
    case "controlMessage":
      return controlMessage(b, command, actor);
    case "logControlEntry":
      return logControlEntry(b, command, actor);
    case "recordImprovement":
      return adjudication.recordImprovement(b, command, actor);
    case "removeImprovement":
      return adjudication.removeImprovement(b, command, actor);
    case "editInject":
      return mselEdit.editInject(b, command, actor);
    case "addInject":
      return mselEdit.addInject(b, command, actor);
    case "deleteInject":
      return mselEdit.deleteInject(b, command, actor);
    case "moveInject":
      return mselEdit.moveInject(b, command, actor);
    case "holdInject":
      return mselEdit.holdInject(b, command, actor);
    case "unskipInject":
      return mselEdit.unskipInject(b, command, actor);
    case "importMsel":
      return mselEdit.importMsel(b, command, actor);
    default:
      return assertNever(command);
  }
}

export type { Of };
