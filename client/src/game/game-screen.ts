import { h, fill } from "../ui/html.ts";
import { clearStatusLines, setOnline } from "../ui/form.ts";
import type { Session } from "../net/session.ts";
import type { ClientState } from "../state/client-state.ts";
import type { GameContext, GameBus, Panel, Selection } from "./context.ts";
import { topBar } from "./top-bar.ts";
import { mapView } from "./map-view.ts";
import { tabs } from "./tabs.ts";
import { participantPanels, facilitatorPanels, observerPanels } from "./panel-sets.ts";
import { showStartPage } from "../start/start-page.ts";
import { t, onLanguageChange, setNameLookup } from "../i18n.ts";
import { nameLookup, regionName, exerciseTitle } from "./names.ts";
import { showReloadOffer } from "../ui/reload-offer.ts";
import { loadSeat, saveSeat } from "../net/seat-store.ts";
import { briefingPanel } from "../panels/briefing-panel.ts";

type Prefill = { asset?: string; destination?: string; kind?: string };

/**
 * The exercise screen: top bar, map with selection details, and a tabbed side panel whose tabs
 * depend on the seat (participant, exercise control, observer). Every state change re-renders
 * every panel; panels keep unchanged DOM so typing and focus are not disturbed.
 *
 * A language change re-renders everything in the new language without a reload: the top bar
 * is rebuilt, the participant's panels say their words again in place (typing survives),
 * exercise control's console is rebuilt; the connection, the map's camera, the selection and
 * the open tab stay as they were.
 */
export function showGameScreen(app: HTMLElement, session: Session): void {
  document.body.dataset.screen = "game";
  document.body.dataset.exercise = session.exerciseId;
  document.body.dataset.role = session.welcome.role;
  let selection: Selection = null;
  let ctx: GameContext | null = null;
  const prefillListeners = new Set<(v: Prefill) => void>();
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
  // A role-player plays its nation like a team member; a controller works the console; an evaluator watches.
  const kind = role === "participant" || role === "roleplayer" ? "team" : role === "facilitator" || role === "controller" ? "control" : "watch";
  const map = mapView();
  const notice = h("div", { class: "notice", role: "alert", hidden: true });
  const stateless = h("p", { class: "loading", role: "status" });
  const aside = h("aside", { class: "side" });

  let panels: Panel[] = [];
  let side = buildSide();
  let bar = topBar(session, getCtx, () => leave());
  function buildSide() {
    prefillListeners.clear();
    panels = kind === "team" ? participantPanels(getCtx, bus) : kind === "control" ? facilitatorPanels(getCtx, bus) : observerPanels(getCtx);
    const built = tabs(panels, kind === "control" ? t("game.bar.facilitator") : t("game.screen.teamPanels"));
    built.element.addEventListener("tabchange", () => render());
    return built;
  }
  const labelStatic = () => {
    stateless.textContent = t("game.screen.receiving");
    aside.setAttribute("aria-label", t("game.screen.panels"));
  };
  labelStatic();
  aside.append(stateless, side.element);
  // In the Briefing phase a participant reads the briefing full screen first (it stays a tab
  // afterwards); "show the map" puts it away for this seat until the next briefing.
  let briefingRead = false;
  const fullBriefing = briefingPanel({
    id: "briefing-full",
    onDone: () => {
      briefingRead = true;
      render();
      document.querySelector<HTMLElement>("#main [role=tab][aria-selected=true]")?.focus();
    },
  });
  const briefingScreen = h("section", { class: "briefing-screen", "aria-label": t("briefing.title"), "data-testid": "briefing-screen" }, fullBriefing.element);
  briefingScreen.hidden = true;
  fill(app, bar.element, notice, briefingScreen, h("main", { id: "main", class: "game" }, map.element, aside));

  // The participant's panels say their words again on update (client/src/panels/words.ts), so
  // what is being typed survives; exercise control's and observers' sets are built anew.
  const panelsFollowLanguage = kind === "team";
  const stopLanguage = onLanguageChange(() => {
    if (document.body.dataset.screen !== "game") return;
    const oldBar = bar;
    bar = topBar(session, getCtx, () => leave());
    oldBar.element.replaceWith(bar.element);
    oldBar.destroy();
    if (panelsFollowLanguage) side.setLabel(t("game.screen.teamPanels"));
    else {
      const active = side.active();
      const oldSide = side;
      side = buildSide();
      oldSide.element.replaceWith(side.element);
      side.show(active);
    }
    labelStatic();
    render();
    // The person just chose a language in the top bar: keep them there.
    bar.element.querySelector<HTMLElement>("[data-language-menu]")?.focus();
  });

  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  const showNotice = (message: string) => {
    notice.textContent = `⚠ ${message}`;
    notice.hidden = false;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => (notice.hidden = true), 8000);
  };
  session.onNotice(showNotice);
  session.onOutdated((message) => {
    stopLanguage();
    map.destroy();
    showReloadOffer(app, message);
  });
  session.onEnded((message) => {
    stopLanguage();
    map.destroy();
    showStartPage(app, { kind: "error", text: message });
  });
  session.onPing((ping) => {
    map.bridge.emit("ping", ping);
    const region = ctx ? regionName(ctx.state, ping.region) : t("game.unknownRegion");
    bar.announce(ping.by === session.welcome.name ? t("game.ping.you", { region }) : t("game.ping.other", { who: ping.by, region }));
  });

  function contextFor(state: ClientState): GameContext {
    const welcome = session.welcome;
    const viewNation = kind === "team" ? welcome.nation : welcome.perspective === "white" ? null : welcome.perspective;
    return {
      session,
      state,
      welcome,
      perspective: state.perspective,
      viewNation,
      canAct: kind === "team" || (kind === "control" && session.actAs !== null && session.actAs === viewNation),
      isFacilitator: kind === "control",
      isLead: role === "facilitator",
      send: (command) => session.send(command),
      bus,
    };
  }

  /** Remembers the team's name for the start page's "Continue where you left off". */
  function rememberNation(state: ClientState) {
    const nation = session.welcome.nation;
    if (!nation) return;
    const stored = loadSeat(session.exerciseId);
    const name = state.scenario.nations.find((n) => n.id === nation)?.name;
    if (stored && name && stored.nationName !== name) saveSeat({ ...stored, nationName: name });
  }

  let shownMoment = "";
  function render() {
    if (!session.state) return;
    ctx = contextFor(session.state);
    // A new turn (or phase) starts: last turn's "Sent." and "Timer set." describe nothing now.
    const moment = `${ctx.state.phase}:${ctx.state.turn}`;
    if (moment !== shownMoment) {
      if (shownMoment !== "") clearStatusLines();
      shownMoment = moment;
    }
    setNameLookup(nameLookup(ctx.state));
    rememberNation(ctx.state);
    stateless.hidden = true;
    document.title = t("game.screen.documentTitle", { title: exerciseTitle(ctx.state) });
    bar.update(ctx);
    map.update(ctx);
    for (const panel of panels) panel.update(ctx);
    const showBriefing = role === "participant" && ctx.state.phase === "briefing" && !briefingRead;
    if (ctx.state.phase !== "briefing") briefingRead = false;
    if (showBriefing) fullBriefing.update(ctx);
    if (briefingScreen.hidden === showBriefing) {
      briefingScreen.hidden = !showBriefing;
      const heading = briefingScreen.querySelector<HTMLElement>("h2");
      if (showBriefing && heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
    }
    side.update(ctx);
  }
  session.onState(() => render());
  // Offline, every command control waits and says so (ui/form.ts), instead of greying out.
  session.onStatus((status) => setOnline(status === "online"));

  async function leave() {
    stopLanguage();
    map.destroy();
    await session.leave();
    showStartPage(app, { kind: "info", text: () => t("game.screen.left") });
  }
}
