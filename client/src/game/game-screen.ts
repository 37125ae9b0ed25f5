import { h, fill } from "../ui/html.ts";
import type { Session } from "../net/session.ts";
import type { ClientState } from "../state/client-state.ts";
import type { GameContext, GameBus, Panel, Selection } from "./context.ts";
import { topBar } from "./top-bar.ts";
import { mapView } from "./map-view.ts";
import { tabs } from "./tabs.ts";
import { participantPanels, facilitatorPanels, observerPanels } from "./panel-sets.ts";
import { showStartPage } from "../start/start-page.ts";

/**
 * The exercise screen: top bar, map with selection details, and a tabbed side panel whose tabs
 * depend on the seat (participant, exercise control, observer). Every state change re-renders
 * every panel; panels keep unchanged DOM so typing and focus are not disturbed.
 */
export function showGameScreen(app: HTMLElement, session: Session): void {
  document.body.dataset.screen = "game";
  document.body.dataset.exercise = session.exerciseId;
  document.body.dataset.role = session.welcome.role;
  let selection: Selection = null;
  let ctx: GameContext | null = null;
  const prefillListeners = new Set<(v: { asset?: string; destination?: string; kind?: string }) => void>();
  const bus: GameBus = {
    select(next) {
      selection = next;
      render();
    },
    selection: () => selection,
    showTab: (id) => side.show(id),
    prefillOrder(values) {
      side.show("orders");
      for (const l of prefillListeners) l(values);
    },
    onPrefill: (listener) => void prefillListeners.add(listener),
  };
  const getCtx = () => ctx!;
  const role = session.welcome.role;
  const panels: Panel[] = role === "participant" ? participantPanels(getCtx, bus) : role === "facilitator" ? facilitatorPanels(getCtx, bus) : observerPanels(getCtx);
  const side = tabs(panels, role === "facilitator" ? "Exercise control" : "Team panels");
  const map = mapView();
  const bar = topBar(session, getCtx, () => leave());
  const notice = h("div", { class: "notice", role: "alert", hidden: true });
  const stateless = h("p", { class: "loading", role: "status" }, "Receiving the exercise state…");
  fill(app, bar.element, notice, h("main", { id: "main", class: "game" }, map.element, h("aside", { class: "side", "aria-label": "Panels" }, stateless, side.element)));
  side.element.addEventListener("tabchange", () => render());

  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  const showNotice = (message: string) => {
    notice.textContent = `⚠ ${message}`;
    notice.hidden = false;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => (notice.hidden = true), 8000);
  };
  session.onNotice(showNotice);
  session.onEnded((message) => {
    map.destroy();
    showStartPage(app, { kind: "error", text: message });
  });
  session.onPing((ping) => {
    map.bridge.emit("ping", ping);
    const who = ping.by === session.welcome.name ? "You" : ping.by;
    bar.announce(`${who} pinged ${ctx?.state.scenario.regions.find((r) => r.id === ping.region)?.name ?? ping.region}.`);
  });

  function contextFor(state: ClientState): GameContext {
    const welcome = session.welcome;
    const viewNation = welcome.role === "participant" ? welcome.nation : welcome.perspective === "white" ? null : welcome.perspective;
    return {
      session,
      state,
      welcome,
      perspective: state.perspective,
      viewNation,
      canAct: welcome.role === "participant",
      isFacilitator: welcome.role === "facilitator",
      send: (command) => session.send(command),
      bus,
    };
  }

  function render() {
    if (!session.state) return;
    ctx = contextFor(session.state);
    stateless.hidden = true;
    document.title = `${ctx.state.title} — Concord`;
    bar.update(ctx);
    map.update(ctx);
    for (const panel of panels) panel.update(ctx);
    side.update(ctx);
  }
  session.onState(() => render());

  async function leave() {
    map.destroy();
    await session.leave();
    showStartPage(app, { kind: "info", text: "You left the exercise. Your seat is kept: “Rejoin exercise” brings you back." });
  }
}
