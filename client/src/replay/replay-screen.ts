import { h, fill } from "../ui/html.ts";
import { serverBase } from "../net/http.ts";
import type { ReplaySession } from "../../../shared/replay/replay-session.ts";
import type { Viewer } from "../../../shared/engine/view-for.ts";
import { t, lang } from "../i18n.ts";
import { localText, isLang, type Localized } from "../../../shared/i18n/index.ts";
import { languageMenu } from "../ui/language-menu.ts";
import { eventMsg, words } from "./replay-words.ts";
import { requestJson, ticketedUrl, replayProblem, type ReplayAccess } from "./replay-access.ts";
import type { ReplayMap } from "./replay-map.ts";
import { clientStateFromView } from "./view-to-client-state.ts";
import { nationsPanel, reportsPanel, latestReports, replayInjectsPanel, replayFeedPanel, injectReviewTable } from "./replay-panels.ts";
import { replayTurnsPanel } from "./replay-turns.ts";
import { replayCharts, chartPairs, choosePair, type Pair } from "./replay-charts.ts";
import { chartX, CHART_MARKER } from "../../../shared/aar/svg-chart.ts";
import { improvementPlanSection } from "./improvement-plan.ts";

type Speed = 1 | 2 | 4 | 8 | 16;

/** The replay of one exercise: the map, the scrubber and the side panels at one moment, from one perspective. */
export class ReplayScreen {
  private seq: number;
  private viewer: Viewer = { kind: "white" };
  private playing: ReturnType<typeof setInterval> | null = null;
  private speed: Speed = 1;
  private pair: Pair | null = null;
  private readonly session: ReplaySession;
  private readonly access: ReplayAccess;
  private readonly title: string;
  private els: Record<string, HTMLElement> = {};
  private scrubber: HTMLInputElement;
  private readonly map: ReplayMap;
  private readonly turns = replayTurnsPanel();
  private readonly injectsList = replayInjectsPanel();
  private readonly feedList = replayFeedPanel();
  private readonly root: HTMLElement;

  /** The exercise's title; one named after its scenario reads the scenario's title in the reader's language. */
  private localTitle(): string {
    const scenario = this.session.recording.scenario;
    return this.title === scenario.title
      ? localText(lang(), scenario as typeof scenario & Localized, "title", isLang(scenario.language) ? scenario.language : undefined).text
      : this.title;
  }

  constructor(root: HTMLElement, session: ReplaySession, access: ReplayAccess, title: string, map: ReplayMap) {
    this.root = root;
    this.session = session;
    this.access = access;
    this.title = title;
    this.seq = session.lastSeq;
    this.scrubber = h("input", { type: "range", min: 0, max: session.lastSeq, value: session.lastSeq, id: "scrubber" });
    this.scrubber.addEventListener("input", () => this.seek(Number(this.scrubber.value)));
    this.map = map;
    this.rebuild();
    document.addEventListener("keydown", (e) => {
      if ((e.target as HTMLElement).tagName === "INPUT" && (e.target as HTMLInputElement).type !== "range") return;
      if (e.key === "ArrowRight") this.seek(this.seq + 1);
      if (e.key === "ArrowLeft") this.seek(this.seq - 1);
    });
  }

  /** Lays the screen out in the seat's language (again after a language change), keeping the moment, perspective and map. */
  rebuild() {
    this.pause();
    this.panels.clear();
    this.scrubber.setAttribute("aria-label", t("replay.scrubber"));
    fill(this.root, this.layout());
    this.renderPairs();
    this.render();
  }

  private layout(): HTMLElement {
    const s = this.session;
    const scenario = s.recording.scenario;
    const final = s.stateAt(s.lastSeq);
    const w = words(final);
    const perspective = h(
      "select",
      { id: "perspective", "aria-label": t("replay.perspective") },
      h("option", { value: "white" }, t("replay.perspective.white")),
      scenario.nations.filter((n) => n.playable).map((n) => h("option", { value: n.id }, t("replay.perspective.nation", { nation: w.nation(n.id) }))),
    );
    perspective.value = this.viewer.kind === "nation" ? this.viewer.nation : "white";
    perspective.addEventListener("change", () => {
      this.viewer = perspective.value === "white" ? { kind: "white" } : { kind: "nation", nation: perspective.value };
      this.renderPairs();
      this.render();
    });
    const speed = h(
      "select",
      { id: "speed" },
      [1, 2, 4, 8, 16].map((x) => h("option", { value: x }, t("replay.speedValue", { speed: x }))),
    );
    speed.value = String(this.speed);
    speed.addEventListener("change", () => {
      this.speed = Number(speed.value) as Speed;
      if (this.playing) this.play();
    });
    const injectJump = h(
      "select",
      { id: "inject-jump", "aria-label": t("replay.jumpInject") },
      h("option", { value: "" }, t("replay.jumpInjectPrompt")),
      s.injects.map((m) => h("option", { value: String(m.seq) }, t("replay.injectOption", { turn: m.turn, inject: w.inject(m.inject) }))),
    );
    injectJump.addEventListener("change", () => injectJump.value && this.seek(Number(injectJump.value)));
    const turnJump = h(
      "select",
      { id: "turn-jump", "aria-label": t("replay.jumpTurn") },
      h("option", { value: "" }, t("replay.jumpTurnPrompt")),
      s.turns.map((m) => h("option", { value: String(m.seq) }, t("replay.turnOption", { turn: m.turn }))),
    );
    turnJump.addEventListener("change", () => turnJump.value && this.seek(Number(turnJump.value)));
    const aarLink = (format: string, label: string) =>
      h("a", { href: `${serverBase()}${this.aarPath(format)}`, onclick: (event: MouseEvent) => this.openAar(event, format) }, label);
    const ticks = h("div", { class: "ticks", "aria-hidden": "true" });
    for (const m of s.turns)
      ticks.append(
        h(
          "span",
          { class: "tick turn", style: `left:${(100 * m.seq) / Math.max(1, s.lastSeq)}%`, title: t("replay.turnOption", { turn: m.turn }) },
          t("replay.tickTurn", { turn: m.turn }),
        ),
      );
    for (const m of s.injects)
      ticks.append(h("span", { class: "tick inject", style: `left:${(100 * m.seq) / Math.max(1, s.lastSeq)}%`, title: w.inject(m.inject) }, "◆"));
    this.els.position = h("p", { class: "position", role: "status", "aria-live": "polite" });
    this.els.map = this.map.element;
    // Scrolls on its own: focusable (and named) so the keyboard can scroll it too.
    this.els.side = h("div", { class: "side", tabindex: "0", role: "region", "aria-label": t("map.replay.side") });
    this.els.charts = h("div", { class: "charts" });
    this.els.pair = h("div", { class: "pair" });
    this.els.branch = h("p", { class: "status-line" });
    this.els.aar = h("span", { class: "status-line", role: "status", "aria-live": "polite" });
    const branchButton = this.access.role === "facilitator" ? h("button", { type: "button", onclick: () => this.branch() }, t("replay.branch")) : null;
    return h(
      "div",
      { class: "replay-screen" },
      h(
        "header",
        {},
        h("h1", {}, t("replay.heading", { title: this.localTitle() })),
        h("span", { class: "hint" }, t("replay.eventCount", { count: s.lastSeq })),
        h("label", { for: "perspective" }, t("replay.perspective")),
        perspective,
        languageMenu({ compact: true }),
        h(
          "nav",
          { "aria-label": t("replay.aar.nav") },
          `${t("replay.aar.label")} `,
          aarLink("html", "HTML"),
          " · ",
          aarLink("md", "Markdown"),
          " · ",
          aarLink("csv", "CSV"),
          " · ",
          aarLink("json", "JSON"),
          " ",
          this.els.aar,
        ),
      ),
      h(
        "section",
        { class: "timeline", "aria-label": t("replay.timeline") },
        h(
          "div",
          { class: "controls" },
          h("button", { type: "button", onclick: () => this.stepTurn(-1), "aria-label": t("replay.previousTurn") }, t("replay.previousTurnButton")),
          h("button", { type: "button", onclick: () => this.seek(this.seq - 1), "aria-label": t("replay.previousEvent") }, t("replay.previousEventButton")),
          h("button", { type: "button", id: "play", onclick: () => (this.playing ? this.pause() : this.play()) }, t("replay.play")),
          h("button", { type: "button", onclick: () => this.seek(this.seq + 1), "aria-label": t("replay.nextEvent") }, t("replay.nextEventButton")),
          h("button", { type: "button", onclick: () => this.stepTurn(1), "aria-label": t("replay.nextTurn") }, t("replay.nextTurnButton")),
          h("label", { for: "speed" }, t("replay.speed")),
          speed,
          turnJump,
          injectJump,
          branchButton,
        ),
        h("div", { class: "scrub" }, this.scrubber, ticks),
        this.els.position,
        this.els.branch,
      ),
      h("div", { class: "main" }, this.els.map, this.els.side),
      h("section", { class: "panel", "aria-labelledby": "metrics-h" }, h("h2", { id: "metrics-h" }, t("replay.metrics")), this.els.pair, this.els.charts),
      h(
        "section",
        { class: "panel", "aria-labelledby": "review-h" },
        h("h2", { id: "review-h" }, t("replay.review")),
        injectReviewTable(s.injectReview(), final, (inject) => {
          const marker = s.injects.find((m) => m.inject === inject);
          if (marker) this.seek(marker.seq);
        }),
      ),
      improvementPlanSection(
        this.access,
        scenario.nations.map((n) => ({ id: n.id, name: w.nation(n.id) })),
        (scenario.evaluation?.objectives ?? []).flatMap((o) =>
          o.capabilities.map((c) => ({
            id: c.id,
            name: localText(lang(), c as typeof c & Localized, "name", isLang(scenario.language) ? scenario.language : undefined).text,
          })),
        ),
      ),
    );
  }

  /** Opens at the moment a link points to, and says so (a seq past the log's end shows its last event). */
  jumpTo(seq: number) {
    this.seek(seq);
    this.els.branch!.textContent = t("evalui.replay.jumped", { seq: this.seq });
  }

  seek(seq: number) {
    this.seq = Math.max(0, Math.min(this.session.lastSeq, seq));
    this.scrubber.value = String(this.seq);
    this.render();
  }

  private stepTurn(direction: 1 | -1) {
    const marks = this.session.turns.map((t) => t.seq);
    const target = direction > 0 ? (marks.find((m) => m > this.seq) ?? this.session.lastSeq) : ([...marks].reverse().find((m) => m < this.seq) ?? 0);
    this.seek(target);
  }

  private play() {
    this.pause();
    if (this.seq >= this.session.lastSeq) this.seek(0);
    document.getElementById("play")!.textContent = t("replay.pause");
    this.playing = setInterval(() => {
      if (this.seq >= this.session.lastSeq) return this.pause();
      this.seek(this.seq + 1);
    }, 500 / this.speed);
  }

  private pause() {
    if (this.playing) clearInterval(this.playing);
    this.playing = null;
    const button = document.getElementById("play");
    if (button) button.textContent = t("replay.play");
  }

  private aarPath(format: string): string {
    return `/api/exercises/${encodeURIComponent(this.access.exerciseId)}/aar?format=${format}&lang=${lang()}`;
  }

  /** The HTML report opens in a new tab, the other formats download; both with a one-time ticket. */
  private async openAar(event: MouseEvent, format: string) {
    event.preventDefault();
    const html = format === "html";
    // Opened during the click: a window opened after the await below would count as a pop-up.
    const tab = html ? window.open("", "_blank") : null;
    this.els.aar!.textContent = "";
    try {
      const url = await ticketedUrl(this.access, `${this.aarPath(format)}${html ? "" : "&download=1"}`);
      if (tab) {
        tab.opener = null;
        tab.location.href = url;
      } else if (html) window.location.assign(url);
      else {
        const link = h("a", { href: url, download: "", hidden: true });
        document.body.append(link);
        link.click();
        link.remove();
      }
    } catch (error) {
      tab?.close();
      this.els.aar!.textContent = replayProblem(error);
    }
  }

  private async branch() {
    this.els.branch!.textContent = t("replay.branching");
    try {
      const requested = this.seq;
      const created = await requestJson<{
        id: string;
        title: string;
        facilitatorToken: string;
        joinCodes: { name: string; code: string }[];
        observerCode: string;
        branchedAt?: number;
      }>(`/api/exercises/${encodeURIComponent(this.access.exerciseId)}/branch`, this.access.secret, { method: "POST", body: { seq: requested } });
      const link = `${window.location.origin}/#facilitator=${created.facilitatorToken}&exercise=${created.id}`;
      // A point inside a resolution was moved back to just before it: say so, with both numbers.
      const moved =
        created.branchedAt !== undefined && created.branchedAt !== requested ? `${t("lift.branch.movedBack", { requested, at: created.branchedAt })} ` : "";
      fill(
        this.els.branch!,
        `${moved}${t("replay.branched", { title: created.title, codes: created.joinCodes.map((c) => t("replay.branchCode", { team: c.name, code: c.code })), observer: created.observerCode })} `,
        h("a", { href: link }, t("replay.branchOpen")),
      );
    } catch (error) {
      this.els.branch!.textContent = replayProblem(error);
    }
  }

  private render() {
    const s = this.session;
    // The page shows no chat: the view without its windows (a third of the seek's computing).
    const view = s.viewAt(this.seq, this.viewer, { chat: false });
    const event = s.eventAt(this.seq);
    const state = s.stateAt(this.seq);
    const w = words(state);
    const what = event ? w.tm(eventMsg(event, state)) : t("replay.beforeFirst");
    this.els.position!.textContent = t("replay.position", { seq: this.seq, last: s.lastSeq, turn: view.turn, phase: w.term("phase", view.phase), what });
    const feed = s.feedAt(this.seq, this.viewer, 25);
    this.map.render(clientStateFromView(view, s.recording.scenario, feed), this.viewer.kind === "nation" ? this.viewer.nation : null);
    // The released injects and the turn cards only change at some events, and are the panels
    // that grow with the exercise (400 injects, 600 cards in a week of play): redrawn only then.
    const perspective = this.viewer.kind === "nation" ? this.viewer.nation : this.viewer.kind;
    const released = Object.values(view.injects)
      .filter((i) => i.releasedTurn !== null)
      .map((i) => `${i.id}@${i.releasedTurn}`)
      .join(",");
    const cards = s.turnsAt(this.seq, this.viewer);
    // The other panels too: a seek that changes none of what one shows keeps its element.
    const reports = latestReports(view);
    const reportsKey = `${perspective}|${reports.count}|${reports.latest.map((r) => `${r.id}:${r.provenance.length}`).join(",")}`;
    const side = [
      this.panel("nations", `${perspective}|${view.cohesion}|${JSON.stringify(view.nations)}`, () => nationsPanel(view, state)),
      this.panel("injects", `${perspective}|${released}`, () => this.injectsList.update(view, state)),
      this.panel("reports", reportsKey, () => reportsPanel(view, state, reports)),
      this.panel("turns", `${perspective}|${cards.length}`, () => this.turns.update(cards, state, this.viewer.kind !== "nation")),
      this.panel("feed", `${perspective}|${feed.length}|${feed[0]?.seq ?? ""}`, () => this.feedList.update(feed, state)),
    ];
    // Only a panel drawn anew is swapped in: refilling the column took the Turns and injects
    // panels (a thousand elements by the end of a week) out of the page and put them back.
    const shown = this.els.side!.children;
    if (shown.length !== side.length) fill(this.els.side!, ...side);
    else side.forEach((panel, i) => shown[i] !== panel && shown[i]!.replaceWith(panel));
    this.renderCharts();
  }

  /** Panels drawn for a key (in this language): the same key gives back the same element. */
  private panels = new Map<string, { key: string; element: HTMLElement }>();
  private panel(name: string, key: string, make: () => HTMLElement): HTMLElement {
    const last = this.panels.get(name);
    if (last && last.key === key) return last.element;
    const element = make();
    this.panels.set(name, { key, element });
    return element;
  }

  /** The pairs on offer are those the perspective's view holds: a nation's own, or every pair. */
  private renderPairs() {
    const s = this.session;
    const pairs = chartPairs(s.viewAt(this.seq, this.viewer));
    this.pair = choosePair(pairs, this.pair, new Set(s.recording.scenario.nations.filter((n) => n.alliance).map((n) => n.id)));
    const name = words(s.stateAt(s.lastSeq)).nation;
    const value = (p: Pair) => `${p[0]}|${p[1]}`;
    const select = h(
      "select",
      { id: "pair", "aria-label": t("replay.pair") },
      pairs.map((p) => h("option", { value: value(p) }, t("replay.pairOption", { a: name(p[0]), b: name(p[1]) }))),
    );
    if (this.pair) select.value = value(this.pair);
    select.addEventListener("change", () => {
      this.pair = pairs.find((p) => value(p) === select.value) ?? null;
      this.renderCharts();
    });
    fill(this.els.pair!, h("label", { for: "pair" }, `${t("replay.pairLabel")} `), select);
  }

  /**
   * The pair the charts were last drawn for: drawn again for another pair or into a new layout
   * (empty); a seek only moves their marker lines (to the turn's point), the lines stay.
   */
  private chartsDrawn = "";
  private renderCharts() {
    const key = this.pair?.join("|") ?? "";
    const index = this.session.metricsIndexAt(this.seq);
    if (key === this.chartsDrawn && this.els.charts!.firstChild) {
      const x = chartX(index, this.session.metrics.length).toFixed(1);
      for (const line of this.els.charts!.querySelectorAll(`line.${CHART_MARKER}`)) {
        if (line.getAttribute("x1") === x) continue;
        line.setAttribute("x1", x);
        line.setAttribute("x2", x);
      }
      return;
    }
    this.chartsDrawn = key;
    const name = words(this.session.stateAt(this.session.lastSeq)).nation;
    const nations = this.session.recording.scenario.nations.map((n) => ({ id: n.id, name: name(n.id), color: n.color }));
    const ended = this.session.stateAt(this.session.lastSeq).phase === "ended";
    this.els.charts!.innerHTML = replayCharts(this.session.metrics, nations, this.pair, this.session.metricsIndexAt(this.seq), ended);
  }
}
