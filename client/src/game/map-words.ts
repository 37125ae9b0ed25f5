import { h, setText } from "../ui/html.ts";
import type { GameContext } from "./context.ts";
import type { ClientAsset } from "../state/client-state.ts";
import { t, lang } from "../i18n.ts";
import { listIn } from "../../../shared/i18n/index.ts";
import { assetName, assetType, categoryLabel, crisisName, nationCode, nationName, regionName, term } from "./names.ts";
import { carrierOf } from "./lift.ts";

/**
 * The map in words, region by region: who owns it, its stability, its crisis, and every unit
 * the viewer knows to be there (own ones with their state, foreign ones as last seen). For
 * screen-reader users it is the map; for everyone it answers "where is what" without hovering.
 * A collapsible card over the map's lower left corner, scrollable by keyboard.
 */
export function mapWords(): { element: HTMLElement; update(ctx: GameContext): void } {
  const summary = h("summary", {});
  const list = h("ul", { class: "map-words-list" });
  const body = h("div", { class: "map-words-body", tabindex: "0", role: "region" }, list);
  const element = h("details", { class: "map-words" }, summary, body);
  let sig = "";
  let last: GameContext | null = null;
  // Written when the card is open (and when it opens): a large map's words are thousands of
  // units, and building them on every change while nobody reads them was a tenth of its drawing.
  element.addEventListener("toggle", () => last && element.open && fill(last));
  const fill = (ctx: GameContext) => {
    const { state } = ctx;
    const next = JSON.stringify([lang(), state.regions, state.perspective?.assets ?? null, ctx.viewNation]);
    if (next === sig) return;
    sig = next;
    const byRegion = new Map<string, ClientAsset[]>();
    for (const a of Object.values(state.perspective?.assets ?? {})) {
      const list = byRegion.get(a.region);
      if (list) list.push(a);
      else byRegion.set(a.region, [a]);
    }
    list.replaceChildren(
      ...state.scenario.regions.map((spec) => {
        const live = state.regions[spec.id];
        const owner = live?.owner ?? null;
        const units = byRegion.get(spec.id) ?? [];
        const facts = [
          owner ? t("map.words.owner", { owner: nationName(state, owner), code: nationCode(state, owner) }) : t("map.words.unowned", { kind: spec.kind }),
          t("map.words.stability", { value: Math.round(live?.stability ?? 0) }),
        ];
        return h(
          "li",
          {},
          h("strong", {}, regionName(state, spec.id)),
          ` — ${facts.join(", ")}. `,
          live?.crisis
            ? h(
                "span",
                { class: "map-words-crisis" },
                `▲ ${t("map.words.crisis", { kind: crisisName(live.crisis.kind), severity: Math.round(live.crisis.severity) })} `,
              )
            : null,
          units.length
            ? t("map.words.units", {
                count: units.length,
                units: listIn(
                  lang(),
                  units.map((u) => unitWords(ctx, u)),
                ),
              })
            : ctx.viewNation
              ? t("map.words.noneKnown")
              : t("map.words.none"),
        );
      }),
    );
  };
  return {
    element,
    update(ctx) {
      setText(summary, t("map.words.title"));
      body.setAttribute("aria-label", t("map.words.title"));
      last = ctx;
      if (element.open) fill(ctx);
    },
  };
}

function unitWords(ctx: GameContext, a: ClientAsset): string {
  const { state } = ctx;
  const base = { category: categoryLabel(assetType(state, a)?.category), name: assetName(state, a.id), owner: nationCode(state, a.owner) };
  if (a.foreign) return t("map.words.seen", { ...base, turn: a.lastSeenTurn });
  const carrier = carrierOf(state, a);
  return t("map.words.own", { ...base, status: carrier ? t("lift.map.aboard", { carrier: assetName(state, carrier.id) }) : term("assetStatus", a.status) });
}
