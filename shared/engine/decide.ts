import type { ExerciseState } from "../state/schema.ts";
import type { Actor, Command } from "../protocol/commands.ts";
import { PARTICIPANT_COMMANDS, FACILITATOR_COMMANDS } from "../protocol/commands.ts";
import type { EventBody } from "../protocol/events.ts";
import { RejectionCode, type Rejection } from "../protocol/rejections.ts";
import { EventBuilder } from "./builder.ts";
import { assertNever } from "./evolve.ts";
import * as lifecycle from "./lifecycle.ts";
import * as turn from "./turn.ts";
import * as intel from "./intel.ts";
import * as agreements from "./agreements.ts";
import * as diplomacy from "./diplomacy.ts";
import * as injects from "./injects.ts";
import * as adjudication from "./adjudication.ts";

/**
 * `states[i]` is the state after `events[i]` once the events are stamped with `now` (what
 * `foldEvents(state, stamp(state, events, now))` gives): the builder has computed it already,
 * so the room need not fold the events a second time.
 */
export type Decision = { events: EventBody[]; states: ExerciseState[] } | { rejected: Rejection };

/** A command handler: emits events through the builder, or returns why it refuses. */
export type Handler<C> = (builder: EventBuilder, command: C, actor: Actor) => Rejection | void;
type Of<T extends Command["type"]> = Extract<Command, { type: T }>;

/**
 * decide(state, command, actor) → events | rejection. Authorization comes first so that an
 * unauthorized actor learns nothing about the state from the rejection.
 */
export function decide(state: ExerciseState, command: Command, actor: Actor, now: number): Decision {
  const denied = authorize(state, command, actor);
  if (denied) return { rejected: denied };
  const builder = new EventBuilder(state, now);
  const rejection = dispatch(builder, command, actor);
  if (rejection) return { rejected: rejection };
  const events = builder.finish();
  return { events, states: builder.states };
}

/** Participant commands exercise control may also give, for any team. */
const FACILITATOR_MAY_ALSO = new Set<string>(["withdrawDraft"]);

function authorize(state: ExerciseState, command: Command, actor: Actor): Rejection | null {
  const type = command.type as string;
  if (actor.role === "system") return type === "timerExpired" ? null : { code: RejectionCode.NotFacilitator, message: "The server issues only timer commands." };
  if (type === "timerExpired") return { code: RejectionCode.NotFacilitator, message: "Only the server's clock can expire the turn timer." };
  if (actor.role === "observer") return { code: RejectionCode.ReadOnly, message: "Observers and trainers can watch but not act." };
  if ((FACILITATOR_COMMANDS as string[]).includes(type) && actor.role !== "facilitator") {
    return { code: RejectionCode.NotFacilitator, message: `Only exercise control can ${type}.` };
  }
  if (actor.role === "facilitator" && FACILITATOR_MAY_ALSO.has(type)) return null;
  if ((PARTICIPANT_COMMANDS as string[]).includes(type)) {
    if (actor.role !== "participant") return { code: RejectionCode.NotYourNation, message: "Exercise control acts through injects and adjudication, not as a nation." };
    if (!state.nations[actor.nation]?.playable) return { code: RejectionCode.NotYourNation, message: `Nation ${actor.nation} is not playable.` };
  }
  return null;
}

function dispatch(b: EventBuilder, command: Command, actor: Actor): Rejection | void {
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
    case "recordImprovement":
      return adjudication.recordImprovement(b, command, actor);
    case "removeImprovement":
      return adjudication.removeImprovement(b, command, actor);
    default:
      return assertNever(command);
  }
}

export type { Of };
