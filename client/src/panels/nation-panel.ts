import { h, fill } from "../ui/html.ts";
import { section } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import { nationName, relationKey } from "../game/names.ts";
import { t, lang } from "../i18n.ts";
import { num, term, scenarioText } from "./words.ts";
import type { PrivateNation } from "../state/client-state.ts";

/**
 * The nation's books: budget, political capital, readiness and policies; relations with every
 * other nation; objectives; who of the team is online. The white cell sees every nation.
 * Rebuilt whenever what it shows or the seat's language changes.
 */
export function nationPanel(): Panel {
  const body = h("div", {});
  const element = h("div", { class: "panel" }, body);
  let sig = "";
  return {
    id: "nation",
    get title() {
      return t("panels.nation.title");
    },
    element,
    update(ctx) {
      const p = ctx.perspective;
      const next = JSON.stringify([lang(), ctx.viewNation, p?.nations, p?.relations, p?.objectives, p?.seats, ctx.state.cohesion, ctx.state.nations]);
      if (next === sig) return;
      sig = next;
      if (!p) return void fill(body, h("p", {}, t("panels.nation.waiting")));
      if (ctx.viewNation) {
        const me = p.nations[ctx.viewNation];
        fill(
          body,
          h("h2", {}, nationName(ctx.state, ctx.viewNation)),
          me ? stats(me) : h("p", {}, t("panels.nation.noData")),
          me ? policies(ctx, me) : null,
          relations(ctx, ctx.viewNation),
          objectives(ctx),
          section(t("panels.nation.team"), roster(ctx)),
        );
      } else {
        fill(
          body,
          h("h2", {}, t("panels.nation.all")),
          h("p", {}, t("panels.nation.cohesion", { value: num(ctx.state.cohesion) })),
          allNations(ctx),
          relationsMatrix(ctx),
          objectives(ctx),
        );
      }
    },
  };
}

const of100 = (value: number) => t("panels.common.of100", { value: num(value) });

function stats(n: PrivateNation): HTMLElement {
  const item = (label: string, value: string) => h("div", { class: "stat" }, h("dt", {}, label), h("dd", {}, value));
  return h(
    "dl",
    { class: "stats" },
    item(t("panels.nation.budget"), t("panels.nation.budgetValue", { budget: num(n.budget), perTurn: num(n.budgetPerTurn) })),
    item(t("panels.nation.capital"), of100(n.politicalCapital)),
    item(t("panels.nation.readiness"), of100(n.readiness)),
  );
}

function policies(ctx: GameContext, n: PrivateNation): HTMLElement {
  const sharing = Object.entries(n.policies.intelSharing);
  return section(
    t("panels.nation.policies"),
    h(
      "dl",
      { class: "pairs" },
      h("dt", {}, t("panels.nation.alertLevel")),
      h("dd", {}, term("alertLevel", n.policies.alertLevel)),
      h("dt", {}, t("panels.nation.roe")),
      h("dd", {}, term("rulesOfEngagement", n.policies.rulesOfEngagement)),
      h("dt", {}, t("panels.nation.stance")),
      h("dd", {}, term("publicStance", n.policies.publicStance)),
      h("dt", {}, t("panels.nation.sharing")),
      h(
        "dd",
        {},
        sharing.length
          ? sharing.map(([p, l]) => t("panels.nation.sharingWith", { nation: nationName(ctx.state, p), level: term("sharingPolicy", l) })).join("; ")
          : t("panels.nation.sharingDefault"),
      ),
    ),
    h("p", { class: "muted" }, t("panels.nation.policiesHint")),
  );
}

function relations(ctx: GameContext, me: string): HTMLElement {
  const rows = Object.values(ctx.state.nations)
    .filter((n) => n.id !== me)
    .map((n) => {
      const r = ctx.perspective?.relations[relationKey(me, n.id)];
      return h(
        "tr",
        {},
        h("th", { scope: "row" }, nationName(ctx.state, n.id)),
        h("td", {}, r ? num(r.trust) : t("panels.common.none")),
        h("td", {}, r ? num(r.interoperability) : t("panels.common.none")),
        h("td", {}, term("publicStance", n.policies.publicStance)),
      );
    });
  const col = (key: Parameters<typeof t>[0]) => h("th", { scope: "col" }, t(key));
  return section(
    t("panels.nation.relations"),
    h("p", {}, t("panels.nation.cohesion", { value: num(ctx.state.cohesion) })),
    h(
      "table",
      { class: "grid" },
      h("thead", {}, h("tr", {}, col("panels.nation.nation"), col("panels.nation.trust"), col("panels.nation.interop"), col("panels.nation.stance"))),
      h("tbody", {}, ...rows),
    ),
  );
}

function allNations(ctx: GameContext): HTMLElement {
  const none = t("panels.common.none");
  const rows = Object.values(ctx.state.nations).map((n) => {
    const p = ctx.perspective?.nations[n.id];
    return h(
      "tr",
      {},
      h(
        "th",
        { scope: "row" },
        h("span", { class: "swatch", style: `background:${n.color}`, "aria-hidden": "true" }),
        ` ${n.playable ? nationName(ctx.state, n.id) : t("panels.nation.controlled", { nation: nationName(ctx.state, n.id) })}`,
      ),
      h("td", {}, p ? num(p.budget) : none),
      h("td", {}, p ? num(p.politicalCapital) : none),
      h("td", {}, p ? num(p.readiness) : none),
      h(
        "td",
        {},
        p
          ? `${term("alertLevel", p.policies.alertLevel)} / ${term("rulesOfEngagement", p.policies.rulesOfEngagement)} / ${term("publicStance", p.policies.publicStance)}`
          : none,
      ),
      h("td", {}, n.playable ? t(n.committed ? "panels.nation.committed" : "panels.nation.planning") : none),
    );
  });
  const columns = [
    "panels.nation.nation",
    "panels.nation.budget",
    "panels.nation.capital",
    "panels.nation.readiness",
    "panels.nation.policiesShort",
    "panels.nation.turn",
  ] as const;
  return h(
    "table",
    { class: "grid", "aria-label": t("panels.nation.nations") },
    h("thead", {}, h("tr", {}, ...columns.map((key) => h("th", { scope: "col" }, t(key))))),
    h("tbody", {}, ...rows),
  );
}

function relationsMatrix(ctx: GameContext): HTMLElement {
  const ids = Object.keys(ctx.state.nations);
  return section(
    t("panels.nation.matrix"),
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
              return h("td", {}, r ? `${num(r.trust)} / ${num(r.interoperability)}` : t("panels.common.none"));
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
    t("panels.nation.objectives"),
    list.length
      ? h(
          "ul",
          { class: "objectives" },
          ...list.map((o) =>
            h(
              "li",
              {},
              h("strong", {}, t(o.met ? "panels.nation.objectiveMet" : "panels.nation.objectiveOpen")),
              ` ${scenarioText(ctx.state, o, "title")}`,
              o.nation ? "" : ` ${t("panels.nation.objectiveAlliance")}`,
              o.met && o.metTurn ? ` ${t("panels.nation.objectiveMetTurn", { turn: o.metTurn })}` : "",
            ),
          ),
        )
      : h("p", { class: "muted" }, t("panels.nation.noObjectives")),
  );
}

export function roster(ctx: GameContext): HTMLElement {
  const seats = ctx.perspective?.seats ?? [];
  if (!seats.length) return h("p", { class: "muted" }, t("panels.nation.nobody"));
  return h(
    "ul",
    { class: "roster" },
    ...seats.map((s) =>
      h(
        "li",
        { "data-online": String(s.online) },
        h("span", { "aria-hidden": "true" }, s.online ? "● " : "○ "),
        t(s.online ? "panels.nation.online" : "panels.nation.offline", { name: s.name }),
        s.id === ctx.welcome.seatId ? ` ${t("panels.nation.you")}` : "",
      ),
    ),
  );
}
