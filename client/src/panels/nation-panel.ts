import { h, fill } from "../ui/html.ts";
import { section } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import { nationName, relationKey } from "../game/names.ts";
import type { PrivateNation } from "../state/client-state.ts";

/**
 * The nation's books: budget, political capital, readiness and policies; relations with every
 * other nation; objectives; who of the team is online. The white cell sees every nation.
 */
export function nationPanel(): Panel {
  const body = h("div", {});
  const element = h("div", { class: "panel" }, body);
  let sig = "";
  return {
    id: "nation",
    title: "Nation",
    element,
    update(ctx) {
      const p = ctx.perspective;
      const next = JSON.stringify([ctx.viewNation, p?.nations, p?.relations, p?.objectives, p?.seats, ctx.state.cohesion, ctx.state.nations]);
      if (next === sig) return;
      sig = next;
      if (!p) return void fill(body, h("p", {}, "Waiting for the exercise state…"));
      if (ctx.viewNation) {
        const me = p.nations[ctx.viewNation];
        fill(
          body,
          h("h2", {}, nationName(ctx.state, ctx.viewNation)),
          me ? stats(me) : h("p", {}, "No data."),
          me ? policies(ctx, me) : null,
          relations(ctx, ctx.viewNation),
          objectives(ctx),
          section("Team", roster(ctx)),
        );
      } else {
        fill(
          body,
          h("h2", {}, "All nations"),
          h("p", {}, `Alliance cohesion: ${Math.round(ctx.state.cohesion)} / 100`),
          allNations(ctx),
          relationsMatrix(ctx),
          objectives(ctx),
        );
      }
    },
  };
}

function stats(n: PrivateNation): HTMLElement {
  const item = (label: string, value: string) => h("div", { class: "stat" }, h("dt", {}, label), h("dd", {}, value));
  return h("dl", { class: "stats" }, item("Budget", `${Math.round(n.budget)} (+${n.budgetPerTurn}/turn)`), item("Political capital", `${Math.round(n.politicalCapital)} / 100`), item("Readiness", `${Math.round(n.readiness)} / 100`));
}

function policies(ctx: GameContext, n: PrivateNation): HTMLElement {
  const sharing = Object.entries(n.policies.intelSharing);
  return section(
    "Policies",
    h(
      "dl",
      { class: "pairs" },
      h("dt", {}, "Alert level"), h("dd", {}, n.policies.alertLevel),
      h("dt", {}, "Rules of engagement"), h("dd", {}, n.policies.rulesOfEngagement),
      h("dt", {}, "Public stance"), h("dd", {}, n.policies.publicStance),
      h("dt", {}, "Intelligence sharing"), h("dd", {}, sharing.length ? sharing.map(([p, l]) => `${nationName(ctx.state, p)}: ${l}`).join("; ") : "need-to-know with everyone"),
    ),
    h("p", { class: "muted" }, "Change policies with a “Set a policy” order (Orders tab)."),
  );
}

function relations(ctx: GameContext, me: string): HTMLElement {
  const rows = Object.values(ctx.state.nations)
    .filter((n) => n.id !== me)
    .map((n) => {
      const r = ctx.perspective?.relations[relationKey(me, n.id)];
      return h("tr", {}, h("th", { scope: "row" }, n.name), h("td", {}, r ? String(Math.round(r.trust)) : "—"), h("td", {}, r ? String(Math.round(r.interoperability)) : "—"), h("td", {}, n.policies.publicStance));
    });
  return section(
    "Relations",
    h("p", {}, `Alliance cohesion: ${Math.round(ctx.state.cohesion)} / 100`),
    h("table", { class: "grid" }, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Nation"), h("th", { scope: "col" }, "Trust"), h("th", { scope: "col" }, "Interoperability"), h("th", { scope: "col" }, "Public stance"))), h("tbody", {}, ...rows)),
  );
}

function allNations(ctx: GameContext): HTMLElement {
  const rows = Object.values(ctx.state.nations).map((n) => {
    const p = ctx.perspective?.nations[n.id];
    return h(
      "tr",
      {},
      h("th", { scope: "row" }, h("span", { class: "swatch", style: `background:${n.color}`, "aria-hidden": "true" }), ` ${n.name}${n.playable ? "" : " (control)"}`),
      h("td", {}, p ? String(Math.round(p.budget)) : "—"),
      h("td", {}, p ? String(Math.round(p.politicalCapital)) : "—"),
      h("td", {}, p ? String(Math.round(p.readiness)) : "—"),
      h("td", {}, p ? `${p.policies.alertLevel} / ${p.policies.rulesOfEngagement} / ${p.policies.publicStance}` : "—"),
      h("td", {}, n.playable ? (n.committed ? "✓ committed" : "planning") : "—"),
    );
  });
  return h(
    "table",
    { class: "grid", "aria-label": "Nations" },
    h("thead", {}, h("tr", {}, ...["Nation", "Budget", "Pol. capital", "Readiness", "Alert / ROE / stance", "Turn"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, ...rows),
  );
}

function relationsMatrix(ctx: GameContext): HTMLElement {
  const ids = Object.keys(ctx.state.nations);
  return section(
    "Trust / interoperability",
    h(
      "table",
      { class: "grid matrix" },
      h("thead", {}, h("tr", {}, h("td", {}), ...ids.map((id) => h("th", { scope: "col" }, nationName(ctx.state, id))))),
      h(
        "tbody",
        {},
        ...ids.map((a) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, nationName(ctx.state, a)),
            ...ids.map((b) => {
              const r = a === b ? null : ctx.perspective?.relations[relationKey(a, b)];
              return h("td", {}, r ? `${Math.round(r.trust)} / ${Math.round(r.interoperability)}` : "—");
            }),
          ),
        ),
      ),
    ),
  );
}

function objectives(ctx: GameContext): HTMLElement {
  const list = Object.values(ctx.perspective?.objectives ?? {});
  return section(
    "Objectives",
    list.length
      ? h("ul", { class: "objectives" }, ...list.map((o) => h("li", {}, h("strong", {}, o.met ? "✓ met" : "○ open"), ` ${o.title}`, o.nation ? "" : " (alliance)", o.met && o.metTurn ? ` — turn ${o.metTurn}` : "")))
      : h("p", { class: "muted" }, "No objectives."),
  );
}

export function roster(ctx: GameContext): HTMLElement {
  const seats = ctx.perspective?.seats ?? [];
  if (!seats.length) return h("p", { class: "muted" }, "Nobody has joined yet.");
  return h("ul", { class: "roster" }, ...seats.map((s) => h("li", { "data-online": String(s.online) }, h("span", { "aria-hidden": "true" }, s.online ? "● " : "○ "), s.name, ` — ${s.online ? "online" : "offline"}`, s.id === ctx.welcome.seatId ? " (you)" : "")));
}
