import type { ExerciseState, NationControl } from "../state/schema.ts";
import type { Command } from "../protocol/commands.ts";
import { RejectionCode, refuse } from "../protocol/rejections.ts";
import { ref } from "../i18n/message.ts";
import type { Handler } from "./decide.ts";
import { nameOf } from "./actors.ts";
import { explain } from "./explain.ts";

type Of<T extends Command["type"]> = Extract<Command, { type: T }>;

/**
 * Who plays a nation when exercise control has not said: a playable nation its people; a
 * non-playable one exercise control (the scenario's adversary playbook, where it has one, makes
 * its moves automatically).
 */
export function controlOf(state: ExerciseState, nation: string): NationControl {
  const set = state.nationControl && Object.hasOwn(state.nationControl, nation) ? state.nationControl[nation] : undefined;
  if (set) return set;
  return state.nations[nation]?.playable ? { by: "people" } : { by: "control", playbook: "automatic" };
}

/** The nations a bot plays, with its persona. */
export function botNations(state: ExerciseState): { nation: string; persona: string }[] {
  return Object.keys(state.nations)
    .map((nation) => ({ nation, control: controlOf(state, nation) }))
    .filter(({ control }) => control.by === "bot")
    .map(({ nation, control }) => ({ nation, persona: control.persona ?? "cooperative" }));
}

/** Exercise control hands a nation to its people, a bot, a role-player or itself. */
export const setNationControl: Handler<Of<"setNationControl">> = (b, command, actor) => {
  const nation = b.state.nations[command.nation];
  if (!nation || !Object.hasOwn(b.state.nations, command.nation)) return refuse(RejectionCode.UnknownNation, "engine.nation.unknown");
  // Only a playable nation has a team to hand it back to.
  if (command.by === "people" && !nation.playable) return refuse(RejectionCode.InvalidTarget, "control.refuse.noTeam", { nation: ref("nation", nation.id) });
  // The server hands a nation back only from a bot, when one of its people joins; anything else is exercise control's choice.
  if (actor.role === "system" && controlOf(b.state, nation.id).by !== "bot")
    return refuse(RejectionCode.InvalidTarget, "botNations.refuse.notBot", { nation: ref("nation", nation.id) });
  const control: NationControl = { by: command.by };
  if (command.by === "bot") control.persona = command.persona ?? "cooperative";
  const playbook = command.playbook ?? controlOf(b.state, nation.id).playbook;
  if (playbook) control.playbook = playbook;
  const current = controlOf(b.state, nation.id);
  if (current.by === control.by && current.persona === control.persona && current.playbook === control.playbook)
    return refuse(RejectionCode.AlreadyAnswered, "control.refuse.same", { nation: ref("nation", nation.id) });
  b.emit({ type: "nationControlSet", nation: nation.id, control, by: nameOf(actor) });
  if (actor.role === "system") return void explain(b, "control.nation", [nation.id], "botNations.explain.handedBack", { nation: ref("nation", nation.id) });
  explain(b, "control.nation", [], "control.explain.set", {
    nation: ref("nation", nation.id),
    by: control.by,
    persona: control.persona ?? "",
    playbook: control.playbook ?? "none",
  });
};
