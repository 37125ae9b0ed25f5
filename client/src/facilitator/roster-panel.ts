import { h, fill } from "../ui/html.ts";
import type { Panel } from "../game/context.ts";
import { nationName } from "../game/names.ts";

/** Who is online, per nation, and exercise control's own seats. */
export function rosterPanel(): Panel {
  const body = h("div", {});
  let sig = "";
  return {
    id: "roster",
    title: "Roster",
    element: h("div", { class: "panel" }, h("h2", {}, "Roster"), body),
    update(ctx) {
      const seats = ctx.perspective?.seats ?? [];
      const next = JSON.stringify([seats, ctx.state.nations]);
      if (next === sig) return;
      sig = next;
      const groups = new Map<string, typeof seats>();
      for (const n of Object.values(ctx.state.nations)) if (n.playable) groups.set(n.id, []);
      for (const s of seats) {
        const key = s.nation ?? s.role;
        groups.set(key, [...(groups.get(key) ?? []), s]);
      }
      fill(
        body,
        ...[...groups.entries()].map(([key, list]) => {
          const online = list.filter((s) => s.online).length;
          const title = ctx.state.nations[key] ? nationName(ctx.state, key) : key === "facilitator" ? "Exercise control" : key === "observer" ? "Observers" : key;
          return h(
            "section",
            { class: "roster-group", "aria-label": title },
            h("h3", {}, `${title} — ${online} online`),
            list.length ? h("ul", { class: "roster" }, ...list.map((s) => h("li", { "data-online": String(s.online) }, h("span", { "aria-hidden": "true" }, s.online ? "● " : "○ "), `${s.name} — ${s.online ? "online" : "offline"}`))) : h("p", { class: "muted" }, "Nobody has joined yet."),
          );
        }),
      );
    },
  };
}
