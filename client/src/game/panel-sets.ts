import type { GameContext, GameBus, Panel } from "./context.ts";
import { t } from "../i18n.ts";
import type { MessageKey } from "../../../shared/i18n/index.ts";
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
import { nationControlPanel } from "../facilitator/nation-control-panel.ts";
import { briefingPanel } from "../panels/briefing-panel.ts";
import { playbookPanel } from "../facilitator/playbook-panel.ts";
import { controlLogPanel } from "../facilitator/control-log-panel.ts";
import { turnsPanel } from "../panels/turns-panel.ts";
import { evaluationPanel } from "../facilitator/evaluation-panel.ts";
import { evaluationRoleOf } from "../facilitator/evaluation-words.ts";
import { hotWashPanel } from "../facilitator/hot-wash-panel.ts";
import { feedbackPanel } from "../panels/feedback-panel.ts";

/** Which tabs each kind of seat gets, in order. */
export function participantPanels(getCtx: () => GameContext, bus: GameBus): Panel[] {
  const orders = ordersPanel(getCtx);
  bus.onPrefill((values) => orders.prefill(values));
  return [
    orders,
    nationPanel(),
    intelPanel(getCtx),
    diplomacyPanel(getCtx),
    channelsPanel(getCtx),
    feedPanel(getCtx),
    turnsPanel(getCtx),
    briefingPanel(),
    feedbackPanel(getCtx),
  ];
}

export function facilitatorPanels(getCtx: () => GameContext, _bus: GameBus): Panel[] {
  return [
    controlPanel(getCtx),
    nationControlPanel(getCtx),
    mselPanel(getCtx),
    playbookPanel(getCtx),
    adjudicatePanel(getCtx),
    notesPanel(getCtx),
    evaluationPanel(getCtx, evaluationRoleOf),
    hotWashPanel(getCtx),
    controlLogPanel(getCtx),
    rosterPanel(getCtx),
    withTitle(nationPanel(), "game.tabs.nations"),
    ordersPanel(getCtx),
    intelPanel(getCtx),
    diplomacyPanel(getCtx),
    channelsPanel(getCtx),
    feedPanel(getCtx),
    turnsPanel(getCtx),
    briefingPanel(),
  ];
}

export function observerPanels(getCtx: () => GameContext): Panel[] {
  return [
    feedPanel(getCtx),
    turnsPanel(getCtx),
    withTitle(nationPanel(), "game.tabs.nations"),
    mselPanel(getCtx),
    ordersPanel(getCtx),
    intelPanel(getCtx),
    diplomacyPanel(getCtx),
    channelsPanel(getCtx),
    notesPanel(getCtx),
    evaluationPanel(getCtx, evaluationRoleOf),
    rosterPanel(getCtx),
    briefingPanel(),
  ];
}

/** The same panel under another tab title (a catalogue key, said in the language of the moment). */
function withTitle(panel: Panel, key: MessageKey): Panel {
  return Object.create(panel, { title: { get: () => t(key), enumerable: true } }) as Panel;
}
