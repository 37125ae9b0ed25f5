import type { Actor } from "../protocol/commands.ts";
import type { ExerciseState } from "../state/schema.ts";

/** The nation a participant acts for; callers have already authorized the role. */
export function nationOf(actor: Actor): string {
  if (actor.role !== "participant") throw new Error(`${actor.role} has no nation`);
  return actor.nation;
}

export function nameOf(actor: Actor): string {
  return actor.role === "system" ? "server" : actor.name;
}

/**
 * Who players read as a message's author: a team member by name; a nation played by a
 * role-player or exercise control in character, under its persona or the nation's own name,
 * never the person behind it (the log's `actedFor` keeps who that was).
 */
export function speakerOf(state: ExerciseState, actor: Actor): string {
  if (actor.role === "participant" && (actor.simulated === "roleplayer" || actor.simulated === "control")) {
    return actor.persona || state.scenario.nations.find((n) => n.id === actor.nation)?.persona || state.nations[actor.nation]?.name || actor.nation;
  }
  return nameOf(actor);
}

/** What a message or note records as its sender. */
export const WHITE_CELL = "white";
