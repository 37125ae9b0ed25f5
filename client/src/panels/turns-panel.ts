import { h, keyedList, setText, setOptions } from "../ui/html.ts";
import type { GameContext, Panel } from "../game/context.ts";
import type { TurnSummary } from "../../../shared/view/turn-summary.ts";
import { t, tm, lang, onLanguageChange } from "../i18n.ts";
import { nationName } from "../game/names.ts";
import { turnCard } from "./turn-card.ts";

/**
 * The Turns tab: after each resolution the team's card (turn-card.ts), newest first and open,
 * the earlier ones folded below as the team's history. Exercise control reads every team's
 * cards and may pick one team. The cards are kept on the server, so a reload loses none.
 */
export function turnsPanel(getCtx: () => GameContext): Panel {
  const heading = h("h2", {});
  const empty = h("p", { class: "muted" });
  const filter = h("select", { class: "turns-filter" });
  const filterLabel = h("label", { class: "turns-filter-label" }, h("span", {}), " ", filter);
  const cards = h("div", { class: "turn-cards", "aria-live": "polite" });
  const element = h("div", { class: "panel turns-panel" }, heading, filterLabel, empty, cards);
  const words = { t, tm };
  const seenKey = () => {
    const ctx = getCtx();
    return `concord.turnsSeen.${ctx.state.exerciseId}.${ctx.welcome.seatId}.${ctx.viewNation ?? "white"}`;
  };
  const seen = () => Number(localStorage.getItem(seenKey()) ?? 0);
  const visible = () => !element.closest<HTMLElement>("[role=tabpanel]")?.hidden;
  filter.addEventListener("change", () => panel.update(getCtx()));

  const panel: Panel = {
    id: "turns",
    get title() {
      return t("turns.tab");
    },
    element,
    badge(ctx) {
      if (visible()) return 0;
      const s = seen();
      return new Set((ctx.perspective?.turns ?? []).filter((c) => c.turn > s).map((c) => c.turn)).size;
    },
    update(ctx) {
      setText(heading, t("turns.panel.heading"));
      setText(empty, t("turns.panel.empty"));
      setText(filterLabel.querySelector("span")!, t("turns.panel.filterNation"));
      const all = ctx.perspective?.turns ?? [];
      const nations = [...new Set(all.map((c) => c.nation))].sort();
      // Only exercise control holds several teams' cards; a team has its own and needs no filter.
      filterLabel.hidden = nations.length < 2;
      const chosen = filter.value;
      setOptions(filter, [{ value: "", label: t("turns.panel.allNations") }, ...nations.map((n) => ({ value: n, label: nationName(ctx.state, n) }))]);
      filter.value = nations.includes(chosen) ? chosen : "";
      const shown = filter.value ? all.filter((c) => c.nation === filter.value) : all;
      empty.hidden = shown.length > 0;
      const newest = shown[0]?.turn;
      const withNation = nations.length > 1 || ctx.viewNation === null;
      keyedList(
        cards,
        shown,
        (c: TurnSummary) => `${c.turn}:${c.nation}`,
        (c) => turnCard(c, words, { withNation, open: c.turn === newest }),
        (c) => JSON.stringify([c.turn, c.nation, c.turn === newest, withNation, lang(), ctx.state.turn]),
      );
      if (visible() && newest !== undefined) {
        try {
          localStorage.setItem(seenKey(), String(newest));
        } catch {
          /* ignore */
        }
      }
    },
  };
  onLanguageChange(() => {
    try {
      panel.update(getCtx());
    } catch {
      // Not yet in a game: the next update renders in the new language.
    }
  });
  return panel;
}
