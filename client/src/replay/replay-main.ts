import "./replay.css";
import { h, replace } from "../ui/dom.ts";
import { ReplaySession } from "../../../shared/replay/replay-session.ts";
import type { Viewer } from "../../../shared/engine/view-for.ts";
import { feedItemFor } from "../../../shared/view/feed.ts";
import { accessFromLocation, rememberAccess, rememberedAccess, resolveAccess, loadRecording, requestJson, ticketedUrl, base, type ReplayAccess } from "./replay-access.ts";
import { replayMap } from "./replay-map.ts";
import { clientStateFromView } from "./view-to-client-state.ts";
import { nationsPanel, reportsPanel, injectsPanel, feedPanel, injectReviewTable } from "./replay-panels.ts";
import { replayCharts, chartPairs, choosePair, type Pair } from "./replay-charts.ts";
import { improvementPlanSection } from "./improvement-plan.ts";

const root = document.getElementById("replay")!;

async function boot() {
  const fromUrl = accessFromLocation();
  try {
    if (fromUrl.code || fromUrl.token) {
      const access = await resolveAccess(fromUrl);
      rememberAccess(access);
      return open(access);
    }
    const remembered = rememberedAccess();
    if (remembered && (!fromUrl.exerciseId || remembered.exerciseId === fromUrl.exerciseId)) return open(remembered);
  } catch (error) {
    return showLogin(fromUrl.exerciseId, (error as Error).message);
  }
  showLogin(fromUrl.exerciseId);
}

function showLogin(exerciseId?: string, error?: string) {
  const code = h("input", { id: "replay-code", autocomplete: "off", placeholder: "e.g. KDX-7QF" });
  const exercise = h("input", { id: "replay-exercise", value: exerciseId ?? "", autocomplete: "off" });
  const token = h("input", { id: "replay-token", type: "password", autocomplete: "off" });
  const message = h("p", { className: "error", role: "alert" }, error ?? "");
  const submit = async (event: Event) => {
    event.preventDefault();
    message.textContent = "Opening…";
    try {
      const access = await resolveAccess({ code: code.value.trim() || undefined, token: token.value.trim() || undefined, exerciseId: exercise.value.trim() || undefined });
      rememberAccess(access);
      await open(access);
    } catch (e) {
      message.textContent = (e as Error).message;
    }
  };
  replace(
    root,
    h(
      "main",
      { className: "login" },
      h("h1", {}, "Replay and after-action review"),
      h("p", {}, "Open a recorded exercise with the observer (trainer) code, or with the exercise id and the facilitator token."),
      h(
        "form",
        { onsubmit: submit, "aria-label": "Open a recorded exercise" },
        h("div", { className: "field" }, h("label", { for: "replay-code" }, "Observer code"), code),
        h("p", { className: "hint" }, "or"),
        h("div", { className: "field" }, h("label", { for: "replay-exercise" }, "Exercise id"), exercise),
        h("div", { className: "field" }, h("label", { for: "replay-token" }, "Facilitator token"), token),
        h("button", { type: "submit" }, "Open replay"),
        message,
      ),
      h("p", {}, h("a", { href: "/" }, "Back to the start page")),
    ),
  );
}

async function open(access: ReplayAccess) {
  replace(root, h("p", { className: "loading" }, "Loading the exercise log…"));
  const recording = await loadRecording(access);
  const started = performance.now();
  const session = new ReplaySession(recording, 100);
  new ReplayScreen(root, session, access, recording.title, performance.now() - started);
}

type Speed = 1 | 2 | 4 | 8 | 16;

class ReplayScreen {
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
  private map!: ReturnType<typeof replayMap>;

  constructor(root: HTMLElement, session: ReplaySession, access: ReplayAccess, title: string, loadMs: number) {
    this.session = session;
    this.access = access;
    this.title = title;
    this.seq = session.lastSeq;
    this.scrubber = h("input", { type: "range", min: 0, max: session.lastSeq, value: session.lastSeq, id: "scrubber", "aria-label": "Position in the exercise (event number)" });
    this.scrubber.addEventListener("input", () => this.seek(Number(this.scrubber.value)));
    replace(root, this.layout(loadMs));
    this.renderPairs();
    this.render();
    document.addEventListener("keydown", (e) => {
      if ((e.target as HTMLElement).tagName === "INPUT" && (e.target as HTMLInputElement).type !== "range") return;
      if (e.key === "ArrowRight") this.seek(this.seq + 1);
      if (e.key === "ArrowLeft") this.seek(this.seq - 1);
    });
  }

  private layout(loadMs: number): HTMLElement {
    const s = this.session;
    const scenario = s.recording.scenario;
    const perspective = h("select", { id: "perspective", "aria-label": "Perspective" }, h("option", { value: "white" }, "White cell (everything)"), scenario.nations.filter((n) => n.playable).map((n) => h("option", { value: n.id }, `${n.name} — what it knew`)));
    perspective.addEventListener("change", () => {
      this.viewer = perspective.value === "white" ? { kind: "white" } : { kind: "nation", nation: perspective.value };
      this.renderPairs();
      this.render();
    });
    const speed = h("select", { id: "speed", "aria-label": "Playback speed" }, [1, 2, 4, 8, 16].map((x) => h("option", { value: x }, `${x}×`)));
    speed.addEventListener("change", () => {
      this.speed = Number(speed.value) as Speed;
      if (this.playing) this.play();
    });
    const injectJump = h("select", { id: "inject-jump", "aria-label": "Jump to an inject" }, h("option", { value: "" }, "Jump to inject…"), s.injects.map((m) => h("option", { value: String(m.seq) }, `T${m.turn} · ${m.number} ${m.title}`)));
    injectJump.addEventListener("change", () => injectJump.value && this.seek(Number(injectJump.value)));
    const turnJump = h("select", { id: "turn-jump", "aria-label": "Jump to a turn" }, h("option", { value: "" }, "Jump to turn…"), s.turns.map((m) => h("option", { value: String(m.seq) }, `Turn ${m.turn}`)));
    turnJump.addEventListener("change", () => turnJump.value && this.seek(Number(turnJump.value)));
    const aarLink = (format: string, label: string) => h("a", { href: `${base()}${this.aarPath(format)}`, onclick: (event: MouseEvent) => this.openAar(event, format) }, label);
    const ticks = h("div", { className: "ticks", "aria-hidden": "true" });
    for (const t of s.turns) ticks.append(h("span", { className: "tick turn", style: `left:${(100 * t.seq) / Math.max(1, s.lastSeq)}%`, title: `Turn ${t.turn}` }, `T${t.turn}`));
    for (const m of s.injects) ticks.append(h("span", { className: "tick inject", style: `left:${(100 * m.seq) / Math.max(1, s.lastSeq)}%`, title: `${m.number} ${m.title}` }, "◆"));
    this.els.position = h("p", { className: "position", role: "status", "aria-live": "polite" });
    this.map = replayMap();
    this.els.map = this.map.element;
    this.els.side = h("div", { className: "side" });
    this.els.charts = h("div", { className: "charts" });
    this.els.pair = h("div", { className: "pair" });
    this.els.branch = h("p", { className: "status-line" });
    this.els.aar = h("span", { className: "status-line", role: "status", "aria-live": "polite" });
    const branchButton = this.access.role === "facilitator" ? h("button", { type: "button", onclick: () => this.branch() }, "Branch a new exercise from here") : null;
    return h(
      "div",
      { className: "replay-screen" },
      h(
        "header",
        {},
        h("h1", {}, `Replay: ${this.title}`),
        h("span", { className: "hint" }, `${s.lastSeq} events · folded in ${Math.round(loadMs)} ms`),
        h("label", { for: "perspective" }, "Perspective"),
        perspective,
        h("nav", { "aria-label": "Export the after-action report" }, "After-action report: ", aarLink("html", "HTML"), " · ", aarLink("md", "Markdown"), " · ", aarLink("csv", "CSV"), " · ", aarLink("json", "JSON"), " ", this.els.aar),
      ),
      h(
        "section",
        { className: "timeline", "aria-label": "Timeline" },
        h(
          "div",
          { className: "controls" },
          h("button", { type: "button", onclick: () => this.stepTurn(-1), "aria-label": "Previous turn" }, "« Turn"),
          h("button", { type: "button", onclick: () => this.seek(this.seq - 1), "aria-label": "Previous event" }, "‹ Event"),
          h("button", { type: "button", id: "play", onclick: () => (this.playing ? this.pause() : this.play()) }, "▶ Play"),
          h("button", { type: "button", onclick: () => this.seek(this.seq + 1), "aria-label": "Next event" }, "Event ›"),
          h("button", { type: "button", onclick: () => this.stepTurn(1), "aria-label": "Next turn" }, "Turn »"),
          h("label", { for: "speed" }, "Speed"),
          speed,
          turnJump,
          injectJump,
          branchButton,
        ),
        h("div", { className: "scrub" }, this.scrubber, ticks),
        this.els.position,
        this.els.branch,
      ),
      h("div", { className: "main" }, this.els.map, this.els.side),
      h("section", { className: "panel", "aria-labelledby": "metrics-h" }, h("h2", { id: "metrics-h" }, "Metrics over time"), this.els.pair, this.els.charts),
      h(
        "section",
        { className: "panel", "aria-labelledby": "review-h" },
        h("h2", { id: "review-h" }, "Inject review: expected actions against what the teams did"),
        injectReviewTable(s.injectReview(), Object.fromEntries(scenario.nations.map((n) => [n.id, n])), (inject) => {
          const marker = s.injects.find((m) => m.inject === inject);
          if (marker) this.seek(marker.seq);
        }),
      ),
      improvementPlanSection(this.access, scenario.nations),
    );
  }

  seek(seq: number) {
    this.seq = Math.max(0, Math.min(this.session.lastSeq, seq));
    this.scrubber.value = String(this.seq);
    this.render();
  }

  private stepTurn(direction: 1 | -1) {
    const marks = this.session.turns.map((t) => t.seq);
    const target = direction > 0 ? marks.find((m) => m > this.seq) ?? this.session.lastSeq : [...marks].reverse().find((m) => m < this.seq) ?? 0;
    this.seek(target);
  }

  private play() {
    this.pause();
    if (this.seq >= this.session.lastSeq) this.seek(0);
    document.getElementById("play")!.textContent = "⏸ Pause";
    this.playing = setInterval(() => {
      if (this.seq >= this.session.lastSeq) return this.pause();
      this.seek(this.seq + 1);
    }, 500 / this.speed);
  }

  private pause() {
    if (this.playing) clearInterval(this.playing);
    this.playing = null;
    const button = document.getElementById("play");
    if (button) button.textContent = "▶ Play";
  }

  private aarPath(format: string): string {
    return `/api/exercises/${encodeURIComponent(this.access.exerciseId)}/aar?format=${format}`;
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
      this.els.aar!.textContent = (error as Error).message;
    }
  }

  private async branch() {
    this.els.branch!.textContent = "Creating the branch…";
    try {
      const created = await requestJson<{ id: string; title: string; facilitatorToken: string; joinCodes: { name: string; code: string }[]; observerCode: string }>(`/api/exercises/${encodeURIComponent(this.access.exerciseId)}/branch`, this.access.secret, { method: "POST", body: { seq: this.seq } });
      const link = `${window.location.origin}/#facilitator=${created.facilitatorToken}&exercise=${created.id}`;
      replace(this.els.branch!, `New exercise "${created.title}" (paused). Join codes: ${created.joinCodes.map((c) => `${c.name} ${c.code}`).join(", ")}; observer ${created.observerCode}. `, h("a", { href: link }, "Open its facilitator console"));
    } catch (error) {
      this.els.branch!.textContent = (error as Error).message;
    }
  }

  private render() {
    const s = this.session;
    const view = s.viewAt(this.seq, this.viewer);
    const event = s.eventAt(this.seq);
    const what = event ? (feedItemFor(event, s.stateAt(this.seq), { kind: "white" })?.text ?? event.type.replace(/([A-Z])/g, " $1").toLowerCase()) : "Before the first event.";
    this.els.position!.textContent = `Event ${this.seq} of ${s.lastSeq} · turn ${view.turn} · ${view.phase} · ${what}`;
    const feed = s.feedAt(this.seq, this.viewer, 25);
    this.map.render(clientStateFromView(view, s.recording.scenario, feed), this.viewer.kind === "nation" ? this.viewer.nation : null);
    replace(this.els.side!, nationsPanel(view), injectsPanel(view), reportsPanel(view), feedPanel(feed));
    this.renderCharts();
  }

  /** The pairs on offer are those the perspective's view holds: a nation's own, or every pair. */
  private renderPairs() {
    const s = this.session;
    const pairs = chartPairs(s.viewAt(this.seq, this.viewer));
    this.pair = choosePair(pairs, this.pair, new Set(s.recording.scenario.nations.filter((n) => n.alliance).map((n) => n.id)));
    const name = (id: string) => s.recording.scenario.nations.find((n) => n.id === id)?.name ?? id;
    const value = (p: Pair) => `${p[0]}|${p[1]}`;
    const select = h("select", { id: "pair", "aria-label": "Pair of nations" }, pairs.map((p) => h("option", { value: value(p) }, `${name(p[0])} – ${name(p[1])}`)));
    if (this.pair) select.value = value(this.pair);
    select.addEventListener("change", () => {
      this.pair = pairs.find((p) => value(p) === select.value) ?? null;
      this.renderCharts();
    });
    replace(this.els.pair!, h("label", { for: "pair" }, "Pair: "), select);
  }

  private renderCharts() {
    const nations = this.session.recording.scenario.nations.map((n) => ({ id: n.id, name: n.name, color: n.color }));
    const ended = this.session.stateAt(this.session.lastSeq).phase === "ended";
    this.els.charts!.innerHTML = replayCharts(this.session.metrics, nations, this.pair, this.session.metricsIndexAt(this.seq), ended);
  }
}

void boot();
