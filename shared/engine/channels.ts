import type { ExerciseState } from "../state/schema.ts";

/**
 * Channel names are data on the wire, so they are parsed and checked here:
 * "team:<n>", "bilateral:<a>:<b>" (ids sorted), "alliance", "facilitator:<n>", and "public"
 * (statements everyone reads).
 */
export function channelFor(kind: "team" | "facilitator", nation: string): string;
export function channelFor(kind: "bilateral", a: string, b: string): string;
export function channelFor(kind: "team" | "facilitator" | "bilateral", a: string, b?: string): string {
  if (kind === "bilateral") return a < b! ? `bilateral:${a}:${b}` : `bilateral:${b}:${a}`;
  return `${kind}:${a}`;
}

/** Nations on a channel (the white cell reads all), or null when the name is not a channel. */
export function channelMembers(state: ExerciseState, channel: string): string[] | null {
  const parts = channel.split(":");
  const known = (id: string | undefined) => id !== undefined && Object.hasOwn(state.nations, id);
  if (parts[0] === "public" && parts.length === 1) return Object.keys(state.nations);
  if (parts[0] === "alliance" && parts.length === 1)
    return Object.values(state.nations)
      .filter((n) => n.alliance)
      .map((n) => n.id);
  if ((parts[0] === "team" || parts[0] === "facilitator") && parts.length === 2 && known(parts[1])) return [parts[1]!];
  if (parts[0] === "bilateral" && parts.length === 3 && known(parts[1]) && known(parts[2]) && parts[1]! < parts[2]!) return [parts[1]!, parts[2]!];
  return null;
}

/** Every channel a nation can read. */
export function channelsOf(state: ExerciseState, nation: string): string[] {
  const channels = ["public", channelFor("team", nation), channelFor("facilitator", nation)];
  if (state.nations[nation]?.alliance) channels.push("alliance");
  for (const other of Object.keys(state.nations)) if (other !== nation) channels.push(channelFor("bilateral", nation, other));
  return channels;
}
