import type { Actor } from "../protocol/commands.ts";

/** The nation a participant acts for; callers have already authorized the role. */
export function nationOf(actor: Actor): string {
  if (actor.role !== "participant") throw new Error(`${actor.role} has no nation`);
  return actor.nation;
}

export function nameOf(actor: Actor): string {
  return actor.role === "system" ? "server" : actor.name;
}

/** What a message or note records as its sender. */
export const WHITE_CELL = "white";
