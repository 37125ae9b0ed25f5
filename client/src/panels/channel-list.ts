import type { GameContext } from "../game/context.ts";
import { nationName } from "../game/names.ts";
import { t } from "../i18n.ts";

export type ChannelInfo = { id: string; label: string; canSend: boolean };

/**
 * The channels a viewer reads, named for people in the seat's language. Channel ids follow
 * shared/engine/channels.ts: "team:<n>", "bilateral:<a>:<b>" (ids sorted), "alliance",
 * "facilitator:<n>", "public".
 */
export function channelsFor(ctx: GameContext): ChannelInfo[] {
  const { state } = ctx;
  const me = ctx.viewNation;
  const canAct = ctx.canAct;
  if (me) {
    const list: ChannelInfo[] = [
      { id: `team:${me}`, label: t("panels.channels.team"), canSend: canAct },
      { id: `facilitator:${me}`, label: t("panels.channels.control"), canSend: canAct },
    ];
    if (state.nations[me]?.alliance) list.push({ id: "alliance", label: t("panels.channels.alliance"), canSend: canAct });
    for (const other of Object.keys(state.nations))
      if (other !== me) list.push({ id: bilateral(me, other), label: t("panels.channels.bilateral", { nation: nationName(state, other) }), canSend: canAct });
    list.push({ id: "public", label: t("panels.channels.public"), canSend: false });
    return list;
  }
  // The white cell reads every channel; it writes to a nation's facilitator channel (its
  // role-players read a non-playable nation's), the alliance, and its own channel (control only).
  const ids = new Set<string>(["alliance", "public"]);
  if (ctx.isFacilitator) ids.add("control");
  for (const n of Object.values(state.nations)) if (n.playable || ctx.isFacilitator) ids.add(`facilitator:${n.id}`);
  for (const m of Object.values(ctx.perspective?.messages ?? {})) ids.add(m.channel);
  return [...ids]
    .map((id) => ({ id, label: labelFor(ctx, id), canSend: ctx.isFacilitator && (id === "alliance" || id === "control" || id.startsWith("facilitator:")) }))
    .sort((a, b) => order(a.id) - order(b.id) || a.label.localeCompare(b.label));
}

function order(id: string): number {
  return id === "control" ? -1 : id.startsWith("facilitator:") ? 0 : id === "alliance" ? 1 : id.startsWith("team:") ? 2 : id.startsWith("bilateral:") ? 3 : 4;
}

export function bilateral(a: string, b: string): string {
  return a < b ? `bilateral:${a}:${b}` : `bilateral:${b}:${a}`;
}

/** A channel's name as the white cell reads it ("Team Nordmark", "Nordmark – Sarnia", "Exercise control – Sudland"). */
export function labelFor(ctx: GameContext, id: string): string {
  const [kind, a, b] = id.split(":");
  const { state } = ctx;
  if (kind === "team") return t("panels.channels.teamOf", { nation: nationName(state, a) });
  if (kind === "facilitator") return t("panels.channels.controlWith", { nation: nationName(state, a) });
  if (kind === "bilateral") return t("panels.channels.between", { a: nationName(state, a), b: nationName(state, b) });
  if (kind === "alliance") return t("panels.channels.alliance");
  if (kind === "public") return t("panels.channels.public");
  if (kind === "control") return t("seats.channel.control");
  // A channel this build does not know (a newer server): never show its id.
  return t("panels.channels.other");
}
