import type { GameContext, GameBus, Panel } from "./context.ts";
import { t } from "../i18n.ts";
import { ordersPanel } from "../panels/orders-panel.ts";
import { nationPanel } from "../panels/nation-panel.ts";
import { intelPanel } from "../panels/intel-panel.ts";
import { diplomacyPanel } from "../panels/diplomacy-panel.ts";
import { channelsPanel } from "../panels/channels-panel.ts";
import { feedPanel } from "../panels/feed-panel.ts";
import { controlPanel } from "../facilitator/control-panel.ts";
import { mselPanel } from "../facilitator/msel-panel.ts";
import { adjudicatePanel } from "../facilitator/adjudicate-panel.ts";
import { notesPanel } from "../facilitator/notes-panel.ts";
import { rosterPanel } from "../facilitator/roster-panel.ts";

/** Which tabs each kind of seat gets, in order. */
export function participantPanels(getCtx: () => GameContext, bus: GameBus): Panel[] {
  const orders = ordersPanel(getCtx);
  bus.onPrefill((values) => orders.prefill(values));
  return [orders, nationPanel(), intelPanel(getCtx), diplomacyPanel(getCtx), channelsPanel(getCtx), feedPanel(getCtx)];
}

export function facilitatorPanels(getCtx: () => GameContext, _bus: GameBus): Panel[] {
  return [controlPanel(getCtx), mselPanel(getCtx), adjudicatePanel(getCtx), notesPanel(getCtx), rosterPanel(getCtx), withTitle(nationPanel(), t("game.tabs.nations")), ordersPanel(getCtx), intelPanel(getCtx), diplomacyPanel(getCtx), channelsPanel(getCtx), feedPanel(getCtx)];
}

export function observerPanels(getCtx: () => GameContext): Panel[] {
  return [feedPanel(getCtx), withTitle(nationPanel(), t("game.tabs.nations")), mselPanel(getCtx), ordersPanel(getCtx), intelPanel(getCtx), diplomacyPanel(getCtx), channelsPanel(getCtx), notesPanel(getCtx), rosterPanel(getCtx)];
}

function withTitle(panel: Panel, title: string): Panel {
  return { ...panel, title };
}
